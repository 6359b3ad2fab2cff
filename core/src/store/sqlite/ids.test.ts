import { newRowId } from './ids';

describe('newRowId', () => {
  it('makes unique UUID version 7 ids that sort in the order they were made, across pool refills', () => {
    const ids = Array.from({ length: 10_000 }, () => newRowId());
    for (const id of ids) expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(new Set(ids).size).toBe(ids.length);
    expect([...ids].sort()).toEqual(ids);
    const stamp = Number.parseInt(ids[0].replace(/-/g, '').slice(0, 12), 16);
    expect(Math.abs(stamp - Date.now())).toBeLessThan(60_000);
  });
});
