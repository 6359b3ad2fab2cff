import { ImportError } from '@wardline/core';

/**
 * Encoding checks shared by every import. Council exports arrive from Excel and old systems in
 * UTF-16 or Windows-1252 as often as UTF-8; a wrongly decoded name would be stored garbled, so
 * anything but UTF-8 is refused with the line where the problem is.
 */

const UTF8_BOM = [0xef, 0xbb, 0xbf];

/** Throws if the first bytes show a UTF-16 or UTF-32 file; returns how many bytes of UTF-8 BOM to skip. */
export function checkStart(bytes: Uint8Array, file: string): number {
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) {
    throw new ImportError(file, 'the file is UTF-16 encoded (it starts with a UTF-16 byte order mark); save it as UTF-8 and try again', { line: 1 });
  }
  if (bytes[0] === 0x00 && bytes[1] === 0x00 && bytes[2] === 0xfe && bytes[3] === 0xff) {
    throw new ImportError(file, 'the file is UTF-32 encoded; save it as UTF-8 and try again', { line: 1 });
  }
  return UTF8_BOM.every((b, i) => bytes[i] === b) ? UTF8_BOM.length : 0;
}

/** The 1-based line of the first byte that is not valid UTF-8, and that byte. */
export function findInvalidUtf8(bytes: Uint8Array, lineOffset = 0): { line: number; byte: number } | undefined {
  let line = 1 + lineOffset;
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i];
    if (b === 0x0a) line += 1;
    const length = b < 0x80 ? 1 : b >= 0xc2 && b <= 0xdf ? 2 : b >= 0xe0 && b <= 0xef ? 3 : b >= 0xf0 && b <= 0xf4 ? 4 : 0;
    if (length === 0) return { line, byte: b };
    for (let k = 1; k < length; k += 1) {
      // A sequence cut off by the end of this chunk is judged with the next one.
      if (i + k >= bytes.length) return undefined;
      if ((bytes[i + k] & 0xc0) !== 0x80) return { line, byte: b };
    }
    i += length;
  }
  return undefined;
}

export function invalidUtf8Error(file: string, at: { line: number; byte: number }): ImportError {
  const hex = `0x${at.byte.toString(16).toUpperCase().padStart(2, '0')}`;
  return new ImportError(file, `the file is not valid UTF-8 (byte ${hex}; it may be Windows-1252 or Latin-1); save it as UTF-8 and try again`, { line: at.line });
}

/** Decodes a whole file held in memory, refusing empty files and other encodings. */
export function decodeUtf8(bytes: Uint8Array, file: string): string {
  if (bytes.length === 0) throw new ImportError(file, 'the file is empty');
  const skip = checkStart(bytes, file);
  const body = bytes.subarray(skip);
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(body);
  } catch {
    throw invalidUtf8Error(file, findInvalidUtf8(body) ?? { line: 1, byte: 0 });
  }
  if (text.trim() === '') throw new ImportError(file, 'the file is empty');
  return text;
}
