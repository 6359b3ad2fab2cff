/**
 * Values remembered by two keys (no combined key string built per lookup), all forgotten at once
 * when `limit` are held, so a long import's memory stays flat. Imports repeat the same dates and
 * report times many times, and working them out is the costly part of reading a row.
 */
export class BoundedMemo<V extends string | number | boolean | object | null> {
  private readonly byOuter = new Map<string, Map<string, V>>();
  private held = 0;

  constructor(private readonly limit: number) {}

  /** The value for (outer, inner), made by `make` the first time it is asked for. */
  get(outer: string, inner: string, make: (outer: string, inner: string) => V): V {
    let ofOuter = this.byOuter.get(outer);
    if (!ofOuter) this.byOuter.set(outer, (ofOuter = new Map()));
    const known = ofOuter.get(inner);
    if (known !== undefined) return known;
    const value = make(outer, inner);
    if (this.held >= this.limit) {
      for (const map of this.byOuter.values()) map.clear();
      this.held = 0;
    }
    ofOuter.set(inner, value);
    this.held += 1;
    return value;
  }
}
