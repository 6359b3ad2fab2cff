import { Worker } from 'node:worker_threads';
import type Database from 'better-sqlite3';

/** How often the worker copies the write-ahead log into the database file. */
const CHECKPOINT_INTERVAL_MS = 100;
/**
 * Pages the log may reach before a commit checkpoints it itself (SQLite's default is 1,000): a
 * backstop for when the worker falls behind, so the log cannot grow without bound.
 */
export const BACKSTOP_PAGES = 10_000;
const SQLITE_DEFAULT_PAGES = 1_000;

// Run as an eval'd worker so it loads the same way from src (tests) and dist. PASSIVE never waits
// for the writer or readers: it copies what it can and tries again on the next tick.
const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const Database = require(workerData.driver);
const db = new Database(workerData.path, { fileMustExist: true });
db.pragma('synchronous = NORMAL');
const timer = setInterval(() => db.pragma('wal_checkpoint(PASSIVE)'), workerData.intervalMs);
parentPort.once('message', () => {
  clearInterval(timer);
  db.close();
  parentPort.close();
});
`;

export interface BackgroundCheckpoints {
  /** Stops the worker and closes its connection; the store's own close then finishes the log. */
  stop(): Promise<void>;
}

/**
 * Copies the write-ahead log into the database file from a worker thread, so a commit only
 * appends to the log and the copying (with its fsync) runs on another core instead of inside the
 * next request's transaction. For a long-running service; short CLI commands leave SQLite to
 * checkpoint as usual. If the worker cannot run, the connection goes back to SQLite's own
 * automatic checkpoints.
 */
export function startBackgroundCheckpoints(db: Database.Database, path: string, intervalMs = CHECKPOINT_INTERVAL_MS): BackgroundCheckpoints {
  db.pragma(`wal_autocheckpoint = ${BACKSTOP_PAGES}`);
  const worker = new Worker(WORKER_SOURCE, { eval: true, workerData: { driver: require.resolve('better-sqlite3'), path, intervalMs } });
  worker.unref();
  const exited = new Promise<void>((resolve) => worker.once('exit', () => resolve()));
  worker.on('error', () => {
    if (db.open) db.pragma(`wal_autocheckpoint = ${SQLITE_DEFAULT_PAGES}`);
  });
  return {
    async stop() {
      // Held while it stops: an unref'd worker alone would let Node exit before close finished.
      worker.ref();
      worker.postMessage('stop');
      await exited;
    },
  };
}
