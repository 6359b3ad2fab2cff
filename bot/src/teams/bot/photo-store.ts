import { randomUUID } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync, existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { AttachmentRefusedError } from '../teams-errors';

/** Image types accepted from the chat, recognised by their first bytes (the declared type is not trusted). */
const SIGNATURES: { type: string; ext: string; test: (b: Buffer) => boolean }[] = [
  { type: 'image/jpeg', ext: 'jpg', test: (b) => b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff },
  { type: 'image/png', ext: 'png', test: (b) => b.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) },
  { type: 'image/gif', ext: 'gif', test: (b) => b.subarray(0, 4).toString('latin1') === 'GIF8' },
  { type: 'image/webp', ext: 'webp', test: (b) => b.subarray(0, 4).toString('latin1') === 'RIFF' && b.subarray(8, 12).toString('latin1') === 'WEBP' },
];

export const MAX_PHOTO_BYTES = 8 * 1024 * 1024;
const FILE_NAME = /^[0-9a-f-]{36}\.(jpg|png|gif|webp)$/;
const TASK_ID = /^[A-Za-z0-9_-]{1,64}$/;

/**
 * Photos officers send in the chat, kept under `.wardline/media/<job id>/<uuid>.<ext>` beside the
 * embedded store and served by the service at /api/teams/media/…; the file name is a random UUID,
 * so the address cannot be guessed.
 */
export class PhotoStore {
  constructor(private readonly folder: string, private readonly publicBase: string) {}

  /** Checks size and type and writes the file; returns its public address and media type. */
  save(taskId: string, bytes: Buffer): { url: string; type: string } {
    if (!TASK_ID.test(taskId)) throw new AttachmentRefusedError(`job id "${taskId}" is not usable in a file name`);
    if (bytes.length === 0) throw new AttachmentRefusedError('the file is empty');
    if (bytes.length > MAX_PHOTO_BYTES) throw new AttachmentRefusedError(`it is ${Math.round(bytes.length / 1024)} KB; the most allowed is ${MAX_PHOTO_BYTES / 1024} KB`);
    const kind = SIGNATURES.find((s) => s.test(bytes));
    if (!kind) throw new AttachmentRefusedError('it is not a JPEG, PNG, GIF or WebP picture');
    const name = `${randomUUID()}.${kind.ext}`;
    mkdirSync(join(this.folder, taskId), { recursive: true });
    writeFileSync(join(this.folder, taskId, name), bytes);
    return { url: `${this.publicBase.replace(/\/+$/, '')}/api/teams/media/${taskId}/${name}`, type: kind.type };
  }

  /** Reads a stored photo, or undefined for any name that is not one of ours. */
  read(taskId: string, name: string): { bytes: Buffer; type: string } | undefined {
    if (!TASK_ID.test(taskId) || !FILE_NAME.test(name)) return undefined;
    const path = resolve(this.folder, taskId, name);
    if (!existsSync(path)) return undefined;
    const bytes = readFileSync(path);
    return { bytes, type: SIGNATURES.find((s) => s.test(bytes))?.type ?? 'application/octet-stream' };
  }
}
