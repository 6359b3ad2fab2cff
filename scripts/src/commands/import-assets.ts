import type { Store } from '@wardline/core';
import { printLines, type CliIo } from '../cli-io';
import { readAssetFile } from '../import/assets';
import { createProgress } from '../output/progress';
import { loadWardIndex } from './load-wards';

/** `wardline import assets FILE.csv`: loads the asset register, matched on external id, all-or-nothing. */
export async function importAssets(store: Store, file: string, options: { allowOutside?: boolean }, io: CliIo): Promise<void> {
  const wards = await loadWardIndex(store);
  const progress = createProgress({ label: `import assets ${file}`, stream: io.stderr });
  const rows = await readAssetFile(file, { wards, allowOutside: options.allowOutside, onRow: (n, fraction) => progress.update(n, fraction) });
  progress.done();
  const before = new Set((await store.listAssets()).map((a) => a.externalId));
  await store.importRows([{ table: 'asset', rows, mode: 'upsert', upsertKey: 'externalId' }]);
  const updated = rows.filter((r) => before.has(r.externalId)).length;
  const outside = rows.filter((r) => r.ward === null).length;
  printLines(io, [`Imported ${rows.length} asset${rows.length === 1 ? '' : 's'} from ${file}: ${rows.length - updated} new, ${updated} updated${outside ? `, ${outside} outside every ward` : ''}.`]);
}
