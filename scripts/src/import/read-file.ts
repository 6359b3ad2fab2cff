import { promises as fs } from 'node:fs';
import { FileUnreadableError } from '../errors';
import { decodeUtf8 } from './encoding';

/** Reads a whole UTF-8 text file, naming the file when it is missing, empty or wrongly encoded. */
export async function readTextFile(path: string): Promise<string> {
  let bytes: Buffer;
  try {
    bytes = await fs.readFile(path);
  } catch (error) {
    throw new FileUnreadableError(path, describeFsError(error));
  }
  return decodeUtf8(bytes, path);
}

export function describeFsError(error: unknown): string {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'ENOENT') return 'no such file';
  if (code === 'EISDIR') return 'it is a folder, not a file';
  if (code === 'EACCES') return 'permission denied';
  return (error as Error).message;
}
