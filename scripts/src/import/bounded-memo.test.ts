import { BoundedMemo } from './bounded-memo';

describe('BoundedMemo', () => {
  it('makes each value once, remembers null too, and forgets everything once the limit is held', () => {
    const made: string[] = [];
    const memo = new BoundedMemo<string | null>(3);
    const make = (outer: string, inner: string): string | null => {
      made.push(`${outer}/${inner}`);
      return inner === 'bad' ? null : `${outer}:${inner}`;
    };
    expect(memo.get('UTC', 'a', make)).toBe('UTC:a');
    expect(memo.get('UTC', 'a', make)).toBe('UTC:a');
    expect(memo.get('UTC', 'bad', make)).toBeNull();
    expect(memo.get('UTC', 'bad', make)).toBeNull();
    expect(memo.get('Europe/London', 'a', make)).toBe('Europe/London:a');
    expect(made).toEqual(['UTC/a', 'UTC/bad', 'Europe/London/a']);
    // A fourth value: the three held are forgotten, so "a" is made again afterwards.
    expect(memo.get('UTC', 'b', make)).toBe('UTC:b');
    expect(memo.get('UTC', 'a', make)).toBe('UTC:a');
    expect(made).toEqual(['UTC/a', 'UTC/bad', 'Europe/London/a', 'UTC/b', 'UTC/a']);
  });
});
