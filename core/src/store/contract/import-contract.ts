import { DuplicateKeyError } from '../../errors';
import type { Store } from '../store';
import { BadImportError, InvalidValueError, MissingReferenceError, RowInUseError } from '../store-errors';
import { creation, ids, rejection } from './fixtures';

const asset = (externalId: string, name = `Bin ${externalId}`) => ({ name, assetType: 'litter bin', externalId, latitude: 51.89, longitude: 0.9, ward: ids.castle });

/** Reference data imports: all-or-nothing across batches, the three modes, typed failures. */
export function importContract(store: () => Store): void {
  describe('importing rows', () => {
    it('writes every batch and reports how many rows it wrote', async () => {
      expect(await store().importRows([{ table: 'asset', mode: 'insert', rows: [asset('B-1'), asset('B-2')] }, { table: 'asset', mode: 'insert', rows: [asset('B-3')] }])).toBe(3);
      expect((await store().listAssets()).map((a) => a.externalId).sort()).toEqual(['B-1', 'B-2', 'B-3']);
    });

    it('writes nothing when a later batch has a duplicate key, naming table, key and value', async () => {
      const error = await rejection(store().importRows([{ table: 'asset', mode: 'insert', rows: [asset('B-1')] }, { table: 'asset', mode: 'insert', rows: [asset('B-2'), asset('B-1')] }]), DuplicateKeyError);
      expect(error.message).toBe('asset already has a row with externalId "B-1".');
      expect(error.details.row).toBe(2);
      expect(await store().listAssets()).toEqual([]);
    });

    it('names the column of a value outside the model, and the row it was on', async () => {
      const error = await rejection(store().importRows([{ table: 'asset', mode: 'insert', rows: [asset('B-1'), { ...asset('B-2'), latitude: 123 }] }]), InvalidValueError);
      expect(error.message).toBe('asset.latitude: 123 is outside -90 to 90');
      expect(error.details.row).toBe(2);
      await rejection(store().importRows([{ table: 'asset', mode: 'insert', rows: [{ ...asset('B-3'), colour: 'green' }] }]), InvalidValueError);
      await rejection(store().importRows([{ table: 'asset', mode: 'insert', rows: [{ ...asset('B-3'), name: undefined }] }]), InvalidValueError);
      expect(await store().listAssets()).toEqual([]);
    });

    it('refuses rows pointing to missing rows, whatever their order, and accepts rows that arrive later in the import', async () => {
      await rejection(store().importRows([{ table: 'asset', mode: 'insert', rows: [{ ...asset('B-1'), ward: '00000000-0000-4000-8000-0000000000aa' }] }]), MissingReferenceError);
      const ward = { id: '00000000-0000-4000-8000-0000000000ab', name: 'Quay', code: 'E05004199', boundary: '{}' };
      await store().importRows([{ table: 'asset', mode: 'insert', rows: [{ ...asset('B-2'), ward: ward.id }] }, { table: 'ward', mode: 'insert', rows: [ward] }]);
      expect((await store().listAssets())[0].ward).toBe(ward.id);
    });

    it('upserts by an alternate key, keeping the stored id', async () => {
      await store().importRows([{ table: 'asset', mode: 'insert', rows: [asset('B-1'), asset('B-2')] }]);
      const before = (await store().listAssets()).find((a) => a.externalId === 'B-1');
      await store().importRows([{ table: 'asset', mode: 'upsert', upsertKey: 'externalId', rows: [asset('B-1', 'Renamed bin'), asset('B-3')] }]);
      const after = await store().listAssets();
      expect(after).toHaveLength(3);
      expect(after.find((a) => a.externalId === 'B-1')).toMatchObject({ id: before?.id, name: 'Renamed bin' });
      await rejection(store().importRows([{ table: 'asset', mode: 'upsert', upsertKey: 'assetType', rows: [asset('B-1')] }]), BadImportError);
    });

    it('replaces a table: rows not in the import go, rows that stay keep their id and their links', async () => {
      await store().importRows([{ table: 'asset', mode: 'insert', rows: [asset('B-1'), asset('B-2')] }]);
      const kept = (await store().listAssets()).find((a) => a.externalId === 'B-1');
      const { task } = await store().createTask(creation({ asset: kept?.id }));
      await store().importRows([{ table: 'asset', mode: 'replace', upsertKey: 'externalId', rows: [asset('B-1'), asset('B-4')] }]);
      expect((await store().listAssets()).map((a) => a.externalId).sort()).toEqual(['B-1', 'B-4']);
      expect((await store().getTask(task.id))?.asset).toBe(kept?.id);
    });

    it('refuses to replace away a row that jobs still need, and writes nothing', async () => {
      await store().createTask(creation());
      const error = await rejection(store().importRows([{ table: 'taskType', mode: 'replace', upsertKey: 'code', rows: [{ name: 'Graffiti', code: 'graffiti', serviceArea: 'street_care', defaultPriority: 'low', slaHours: 40, dispatchMode: 'pool', redaction: 'standard', duplicateRadius: 25, duplicateWindowDays: 30 }] }]), RowInUseError);
      expect(error.message).toContain(ids.flyTipping);
      expect((await store().listTaskTypes()).map((t) => t.code)).toEqual(['fly-tipping', 'graffiti']);
    });
  });
}
