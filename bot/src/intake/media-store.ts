import { randomUUID } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { WardlineError } from '@wardline/core';

export const MediaErrors = {
  NotAnImage: { code: 'WL-INTAKE-030', message: 'The file "{field}" is not a JPEG, PNG, GIF or WebP photo (its first bytes say otherwise).' },
  TooLarge: { code: 'WL-INTAKE-031', message: 'The file "{field}" is {size} bytes; photos may be at most {limit} bytes.' },
} as const;

export class MediaError extends WardlineError {}

/** Photo types accepted, known by their first bytes rather than by what the sender claims. */
const SIGNATURES: { type: string; ext: string; test: (b: Buffer) => boolean }[] = [
  { type: 'image/jpeg', ext: 'jpg', test: (b) => b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff },
  { type: 'image/png', ext: 'png', test: (b) => b.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) },
  { type: 'image/gif', ext: 'gif', test: (b) => b.subarray(0, 4).toString('latin1') === 'GIF8' },
  { type: 'image/webp', ext: 'webp', test: (b) => b.subarray(0, 4).toString('latin1') === 'RIFF' && b.subarray(8, 12).toString('latin1') === 'WEBP' },
];

export interface StoredMedia {
  name: string;
  url: string;
  type: string;
  bytes: number;
}

export const MEDIA_NAME = /^[0-9a-f-]{36}\.(jpg|png|gif|webp)$/;

/**
 * Photos sent with reports, kept as files under one folder with unguessable names and served at
 * `/media/NAME`. In a tenant this folder is a mounted share (or SharePoint, through the sync).
 */
export class MediaStore {
  constructor(readonly directory: string, private readonly baseUrl: string, readonly maxBytes = 10 * 1024 * 1024) {}

  /** Checks the bytes are a photo within the size limit; nothing is written on failure. */
  check(field: string, data: Buffer): { type: string; ext: string } {
    if (data.length > this.maxBytes) throw new MediaError(MediaErrors.TooLarge, { field, size: data.length, limit: this.maxBytes });
    const found = SIGNATURES.find((s) => s.test(data));
    if (!found) throw new MediaError(MediaErrors.NotAnImage, { field });
    return found;
  }

  save(field: string, data: Buffer): StoredMedia {
    const { type, ext } = this.check(field, data);
    mkdirSync(this.directory, { recursive: true });
    const name = `${randomUUID()}.${ext}`;
    writeFileSync(path.join(this.directory, name), data, { flag: 'wx' });
    return { name, url: `${this.baseUrl.replace(/\/$/, '')}/media/${name}`, type, bytes: data.length };
  }

  pathOf(name: string): string | undefined {
    return MEDIA_NAME.test(name) ? path.join(path.resolve(this.directory), name) : undefined;
  }
}

const stores = new Map<string, MediaStore>();

/** The media store for the service: WARDLINE_MEDIA_DIR, else `.wardline/media`. */
export function mediaStoreFor(env: Readonly<Record<string, string | undefined>>, serviceUrl: string): MediaStore {
  const directory = path.resolve(env.WARDLINE_MEDIA_DIR?.trim() || '.wardline/media');
  const key = `${directory}|${serviceUrl}`;
  let store = stores.get(key);
  if (!store) stores.set(key, (store = new MediaStore(directory, serviceUrl)));
  return store;
}
