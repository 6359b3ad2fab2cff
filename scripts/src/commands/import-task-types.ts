import type { Store } from '@wardline/core';
import { printLines, type CliIo } from '../cli-io';
import { readTaskTypeFile } from '../import/task-types';

/** `wardline import task-types FILE`: loads the catalogue (CSV or JSON), matched on code, all-or-nothing. */
export async function importTaskTypes(store: Store, file: string, io: CliIo): Promise<void> {
  const rows = await readTaskTypeFile(file);
  const before = new Set((await store.listTaskTypes()).map((t) => t.code));
  await store.importRows([{ table: 'taskType', rows, mode: 'upsert', upsertKey: 'code' }]);
  const updated = rows.filter((r) => before.has(r.code)).length;
  printLines(io, [`Imported ${rows.length} task type${rows.length === 1 ? '' : 's'} from ${file}: ${rows.length - updated} new, ${updated} updated.`]);
}
