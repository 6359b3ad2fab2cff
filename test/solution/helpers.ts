import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { model } from '@wardline/core/model';
import type { SolutionModel } from '@wardline/solution';

/** A fresh temporary folder, removed by the returned cleanup. */
export function tempDir(label: string): { dir: string; cleanup: () => void } {
  const dir = mkdtempSync(join(tmpdir(), `wardline-${label}-`));
  return { dir, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

/** The real model with one table (by key) replaced through `change`. */
export function modelWithTable(key: string, change: (table: SolutionModel['tables'][number]) => SolutionModel['tables'][number]): SolutionModel {
  return { ...model, tables: model.tables.map((t) => (t.key === key ? change(t) : t)) };
}
