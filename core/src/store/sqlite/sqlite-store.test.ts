import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describeStoreContract } from '../store-contract';
import { openSqliteStore } from './sqlite-store';

const folders: string[] = [];
const tempFile = (): string => {
  const folder = mkdtempSync(join(tmpdir(), 'wardline-store-'));
  folders.push(folder);
  return join(folder, 'wardline.db');
};
afterAll(() => folders.forEach((f) => rmSync(f, { recursive: true, force: true })));

describeStoreContract('SQLite', async () => openSqliteStore({ path: tempFile() }));
