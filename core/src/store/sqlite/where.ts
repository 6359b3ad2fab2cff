/** Builds a WHERE clause from optional filters, keeping SQL text and parameters in step. */
export class WhereBuilder {
  private readonly parts: string[] = [];
  readonly params: unknown[] = [];

  /** Adds a condition with its parameters. */
  add(sql: string, ...params: unknown[]): this {
    this.parts.push(sql);
    this.params.push(...params);
    return this;
  }

  /** Adds the condition only when the value is given (not undefined). */
  addIf<T>(value: T | undefined, sql: string, toParams: (value: T) => unknown[] = (v) => [v]): this {
    return value === undefined ? this : this.add(sql, ...toParams(value));
  }

  /** `WHERE a AND b`, or an empty string when there is no condition. */
  get sql(): string {
    return this.parts.length ? `WHERE ${this.parts.join(' AND ')}` : '';
  }
}
