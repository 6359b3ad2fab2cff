import type { Request } from 'express';
import multer from 'multer';
import type { MediaStore } from '../intake/media-store';
import { MediaError } from '../intake/media-store';
import { Open311Error, Open311Errors } from './open311-errors';
import { FormEncodingError, mergeFields, parseForm, type FormFields } from './parse-form';

/** Largest form body (a 4,000-character description in UTF-8 with every attribute, several times over). */
export const FORM_LIMIT = 64 * 1024;
/** Largest photo FixMyStreet may upload with a multipart POST, and how many. */
export const PHOTO_LIMIT = 10 * 1024 * 1024;
export const PHOTO_COUNT = 6;

const upload = multer({ storage: multer.memoryStorage(), limits: { fileSize: PHOTO_LIMIT, files: PHOTO_COUNT, fieldSize: FORM_LIMIT, fields: 200 } }).any();

function readRaw(request: Request, limit: number): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const declared = Number(request.get('content-length') ?? '0');
    if (declared > limit) {
      reject(Open311Error.many([`The body is ${declared} bytes; the most accepted is ${limit} bytes.`], 413));
      request.resume();
      return;
    }
    request.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) {
        reject(Open311Error.many([`The body is over ${limit} bytes, the most accepted.`], 413));
        request.destroy();
        return;
      }
      chunks.push(chunk);
    });
    request.on('end', () => resolve(Buffer.concat(chunks)));
    request.on('error', reject);
  });
}

function fromJson(body: Buffer): FormFields {
  const text = body.toString('utf8');
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    const looksXml = text.trimStart().startsWith('<');
    throw Open311Error.many([`Content-Type says JSON but the body is not JSON${looksXml ? ' (it looks like XML)' : ''}: send a JSON object, or form fields as application/x-www-form-urlencoded as GeoReport v2 does.`]);
  }
  if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed)) throw Open311Error.many(['A JSON body must be one object of fields, e.g. {"service_code": "FLYTIP", "lat": 51.88, "long": 0.9}.']);
  const flat: Record<string, unknown> = {};
  for (const [key, item] of Object.entries(parsed as Record<string, unknown>)) {
    if (key === 'attribute' && item && typeof item === 'object' && !Array.isArray(item)) {
      for (const [code, answer] of Object.entries(item as Record<string, unknown>)) flat[`attribute[${code}]`] = Array.isArray(answer) ? answer.map(String) : String(answer ?? '');
    } else flat[key] = Array.isArray(item) ? item.map(String) : item === null || item === undefined ? undefined : String(item);
  }
  return mergeFields(new Map(), flat);
}

function fromMultipart(request: Request, media: MediaStore): Promise<{ fields: FormFields; uploaded: string[] }> {
  return new Promise((resolve, reject) => {
    upload(request, {} as never, (error: unknown) => {
      if (error) {
        const code = (error as { code?: string }).code;
        if (code === 'LIMIT_FILE_SIZE') return reject(Open311Error.many([`A photo is over ${PHOTO_LIMIT} bytes, the most accepted.`], 413));
        if (code === 'LIMIT_FILE_COUNT') return reject(Open311Error.many([`At most ${PHOTO_COUNT} photos may be sent with a report.`], 413));
        return reject(Open311Error.many([`The multipart body could not be read: ${(error as Error).message}.`]));
      }
      try {
        const files = (request.files as Express.Multer.File[] | undefined) ?? [];
        for (const file of files) media.check(file.fieldname, file.buffer);
        const uploaded = files.map((file) => media.save(file.fieldname, file.buffer).url);
        resolve({ fields: mergeFields(new Map(), request.body as Record<string, unknown>), uploaded });
      } catch (failure) {
        reject(failure instanceof MediaError ? Open311Error.many([failure.message]) : failure);
      }
    });
  });
}

/**
 * A POST body as Open311 fields: form-encoded (the spec), multipart (FixMyStreet with photos) or
 * a JSON object (some JSON clients). XML bodies and unknown types are refused with what to send.
 */
export async function readBody(request: Request, media: MediaStore): Promise<{ fields: FormFields; uploaded: string[] }> {
  const type = (request.get('content-type') ?? 'application/x-www-form-urlencoded').split(';')[0]?.trim().toLowerCase() ?? '';
  try {
    if (type === 'multipart/form-data') return await fromMultipart(request, media);
    const body = await readRaw(request, FORM_LIMIT);
    if (type === 'application/x-www-form-urlencoded' || type === '') return { fields: parseForm(body), uploaded: [] };
    if (type === 'application/json') return { fields: fromJson(body), uploaded: [] };
    throw new Open311Error(415, Open311Errors.BadContentType, { type: type.slice(0, 60) });
  } catch (error) {
    if (error instanceof FormEncodingError) throw Open311Error.many([error.message]);
    throw error;
  }
}
