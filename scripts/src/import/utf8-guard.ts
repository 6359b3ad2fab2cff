import { Transform, type TransformCallback } from 'node:stream';
import { ImportError } from '@wardline/core';
import { checkStart, findInvalidUtf8, invalidUtf8Error } from './encoding';

/**
 * A byte stream filter that refuses UTF-16 files and invalid UTF-8 as they stream past (naming
 * the line), strips a UTF-8 byte order mark, and counts bytes for progress. Holds back at most
 * three bytes of a character split between chunks, so memory stays flat on any file size.
 */
export class Utf8Guard extends Transform {
  bytesRead = 0;
  private started = false;
  private lines = 0;
  private carry: Buffer = Buffer.alloc(0);

  constructor(private readonly file: string) {
    super();
  }

  override _transform(chunk: Buffer, _encoding: BufferEncoding, callback: TransformCallback): void {
    this.bytesRead += chunk.length;
    let bytes = this.carry.length ? Buffer.concat([this.carry, chunk]) : chunk;
    if (!this.started) {
      if (bytes.length < 4 && this.bytesRead < 4) {
        this.carry = bytes;
        callback();
        return;
      }
      this.started = true;
      try {
        bytes = bytes.subarray(checkStart(bytes, this.file));
      } catch (error) {
        callback(error as ImportError);
        return;
      }
    }
    const bad = findInvalidUtf8(bytes, this.lines);
    if (bad) {
      callback(invalidUtf8Error(this.file, bad));
      return;
    }
    const whole = completeLength(bytes);
    this.carry = Buffer.from(bytes.subarray(whole));
    const out = bytes.subarray(0, whole);
    // Native search rather than a loop over every byte.
    for (let i = out.indexOf(0x0a); i !== -1; i = out.indexOf(0x0a, i + 1)) this.lines += 1;
    callback(null, out);
  }

  override _flush(callback: TransformCallback): void {
    if (!this.started && this.carry.length > 0) {
      try {
        this.carry = this.carry.subarray(checkStart(this.carry, this.file));
      } catch (error) {
        callback(error as ImportError);
        return;
      }
    }
    if (this.carry.length > 0) {
      callback(invalidUtf8Error(this.file, { line: this.lines + 1, byte: this.carry[0] }));
      return;
    }
    callback();
  }
}

/** Length of the prefix that ends on a whole UTF-8 character. */
function completeLength(bytes: Buffer): number {
  for (let back = 1; back <= 3 && back <= bytes.length; back += 1) {
    const b = bytes[bytes.length - back];
    if ((b & 0xc0) === 0x80) continue;
    const need = b >= 0xf0 ? 4 : b >= 0xe0 ? 3 : b >= 0xc0 ? 2 : 1;
    return need > back ? bytes.length - back : bytes.length;
  }
  return bytes.length;
}
