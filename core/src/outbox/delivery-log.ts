import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import Database from 'better-sqlite3';

/**
 * Where the log channel writes: one JSON line per idempotency key. `write` returns false (and
 * writes nothing) when the key was written before, which makes a repeated delivery a no-op.
 */
export interface DeliveryLog {
  write(idempotencyKey: string, line: string): Promise<boolean>;
}

/** A stored line of a {@link SqliteDeliveryLog}. */
export interface DeliveryLogEntry {
  idempotencyKey: string;
  line: string;
  /** How many later deliveries of the same key were ignored. */
  repeats: number;
}

/**
 * A durable delivery log in its own SQLite table: the insert is atomic, so a process killed at
 * any moment has either written a key or not, and a restarted one never writes it twice.
 */
export class SqliteDeliveryLog implements DeliveryLog {
  private readonly db: Database.Database;
  private readonly insert: Database.Statement;

  constructor(path: string) {
    if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
    this.db = new Database(path);
    this.db.pragma('journal_mode = WAL');
    this.db.pragma('busy_timeout = 5000');
    this.db.exec('CREATE TABLE IF NOT EXISTS delivery_log (idempotency_key TEXT PRIMARY KEY, line TEXT NOT NULL, repeats INTEGER NOT NULL DEFAULT 0) STRICT');
    this.insert = this.db.prepare('INSERT INTO delivery_log (idempotency_key, line) VALUES (?, ?) ON CONFLICT(idempotency_key) DO UPDATE SET repeats = repeats + 1 RETURNING repeats');
  }

  async write(idempotencyKey: string, line: string): Promise<boolean> {
    const row = this.insert.get(idempotencyKey, line) as { repeats: number };
    return row.repeats === 0;
  }

  /** Every line written, in order. */
  entries(): DeliveryLogEntry[] {
    return this.db.prepare('SELECT idempotency_key AS idempotencyKey, line, repeats FROM delivery_log ORDER BY rowid').all() as DeliveryLogEntry[];
  }

  close(): void {
    if (this.db.open) this.db.close();
  }
}

/**
 * A delivery log on a stream (stdout, a file stream) that remembers keys for the life of the
 * process only: enough for a development console, not crash-safe. Use SqliteDeliveryLog where a
 * restart must not repeat lines.
 */
export function createStreamDeliveryLog(stream: { write(text: string): unknown }): DeliveryLog {
  const written = new Set<string>();
  return {
    async write(idempotencyKey, line) {
      if (written.has(idempotencyKey)) return false;
      written.add(idempotencyKey);
      stream.write(`${line}\n`);
      return true;
    },
  };
}
