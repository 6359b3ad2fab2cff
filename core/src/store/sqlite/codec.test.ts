import { taskTable } from '../../model';
import { InvalidValueError } from '../store-errors';
import { createCodec, normaliseDate } from './codec';

describe('normaliseDate', () => {
  it('keeps real dates already in the stored form and refuses days and hours that do not exist', () => {
    for (const ok of ['2024-02-29T23:59:59.999Z', '2000-02-29T00:00:00.000Z', '2026-12-31T09:00:00.000Z']) expect(normaliseDate('task', 'dueBy', ok)).toBe(ok);
    for (const bad of ['2025-02-29T09:00:00.000Z', '1900-02-29T09:00:00.000Z', '2026-04-31T09:00:00.000Z', '2026-00-10T09:00:00.000Z', '2026-13-10T09:00:00.000Z', '2026-03-00T09:00:00.000Z', '2026-03-01T24:00:00.000Z']) {
      expect(() => normaliseDate('task', 'dueBy', bad)).toThrow(InvalidValueError);
    }
  });

  it('turns other ISO forms into the stored UTC form', () => {
    expect(normaliseDate('task', 'dueBy', '2026-03-02T10:00:00+01:00')).toBe('2026-03-02T09:00:00.000Z');
    expect(() => normaliseDate('task', 'dueBy', 'soon')).toThrow('task.dueBy');
  });
});

describe('table codec', () => {
  it('reads back the values it stores as the model row, booleans and nulls included', () => {
    const codec = createCodec(taskTable);
    const params = codec.toParams({ reference: 'WL-26-000001', title: 'Sofa', taskType: 't', status: 'new', priority: 'normal', latitude: 51.9, longitude: 0.9, sourceChannel: 'cli', dispatchMode: 'assign', reportedOn: '2026-03-02T09:00:00.000Z', reportCount: 1, rowVersion: 1, councillorRaised: true }, '2026-03-02T09:00:01.000Z');
    const record = Object.fromEntries(codec.columnNames.map((name, i) => [name, params[i]]));
    expect(codec.fromParams(params)).toEqual(codec.fromRecord(record));
    expect(codec.fromParams(params)).toMatchObject({ councillorRaised: true, description: null, createdOn: '2026-03-02T09:00:01.000Z' });
  });
});
