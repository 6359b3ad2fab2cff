import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import Database from 'better-sqlite3';

/**
 * The Teams bot's own SQLite file (WARDLINE_TEAMS_LEDGER, teams.db beside the store): what the
 * channel has sent (delivery/teams-ledger.ts) and reports people are part way through raising in
 * the chat (bot/report-drafts.ts). Each user of the file opens it on first use with its own
 * tables, so a service that never talks to Teams never creates it. Writes are synchronous and
 * durable once they return (WAL), which is what the crash and restart guarantees rest on.
 */
export function openTeamsSideFile(path: string, schema: string): Database.Database {
  if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
  const db = new Database(path);
  db.pragma('journal_mode = WAL');
  db.pragma('busy_timeout = 5000');
  db.exec(schema);
  return db;
}
