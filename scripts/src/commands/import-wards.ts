import type { Store } from '@wardline/core';
import { WardIndex } from '@wardline/core/geo';
import type { CliIo } from '../cli-io';
import { printLines } from '../cli-io';
import { readTextFile } from '../import/read-file';
import { parseWardFile, type WardFileOptions } from '../import/ward-geojson';

export interface ImportWardsOptions {
  nameProperty: string;
  codeProperty: string;
  council?: string;
  councilCode?: string;
  vintage?: string;
}

/**
 * `wardline import wards FILE`: loads ward boundaries all-or-nothing. Wards are matched on their
 * ONS code, so re-importing a new edition updates boundaries in place and jobs keep their ward.
 */
export async function importWards(store: Store, file: string, options: ImportWardsOptions, io: CliIo): Promise<void> {
  const text = await readTextFile(file);
  const fileOptions: WardFileOptions = {
    nameProperty: options.nameProperty,
    codeProperty: options.codeProperty,
    council: options.council ?? (io.env.WARDLINE_COUNCIL_NAME?.trim() || undefined),
    councilCode: options.councilCode ?? (io.env.WARDLINE_COUNCIL_CODE?.trim() || undefined),
    vintage: options.vintage,
  };
  const wards = parseWardFile(text, file, fileOptions);
  // Building the index proves every ward can be used for lookups before anything is stored.
  WardIndex.fromWards(wards.map((w, i) => ({ id: String(i), code: w.code, name: w.name, boundary: w.boundary })));
  const before = new Set((await store.listWards()).map((w) => w.code));
  await store.importRows([{ table: 'ward', rows: wards, mode: 'upsert', upsertKey: 'code' }]);
  const updated = wards.filter((w) => before.has(w.code)).length;
  printLines(io, [`Imported ${wards.length} ward${wards.length === 1 ? '' : 's'} from ${file}: ${wards.length - updated} new, ${updated} updated.`]);
}
