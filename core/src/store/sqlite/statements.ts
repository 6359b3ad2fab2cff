import type Database from 'better-sqlite3';

/**
 * Prepared statements, prepared once per SQL text and reused: preparing is the costly part of a
 * small query. Dynamic SQL (task queries) keeps its text stable by passing lists as JSON
 * (`IN (SELECT value FROM json_each(?))`), so the cache stays small.
 */
export class StatementCache {
  private readonly statements = new Map<string, Database.Statement>();

  constructor(private readonly db: Database.Database) {}

  /** The prepared statement for this SQL, preparing it on first use. */
  get(sql: string): Database.Statement {
    let statement = this.statements.get(sql);
    if (!statement) {
      statement = this.db.prepare(sql);
      this.statements.set(sql, statement);
    }
    return statement;
  }

  /** Runs a write and returns how many rows it changed. */
  run(sql: string, ...params: unknown[]): number {
    return this.get(sql).run(...params).changes;
  }

  /** First row of a query, or undefined. */
  first<T>(sql: string, ...params: unknown[]): T | undefined {
    return this.get(sql).get(...params) as T | undefined;
  }

  /** Every row of a query. */
  all<T>(sql: string, ...params: unknown[]): T[] {
    return this.get(sql).all(...params) as T[];
  }
}
