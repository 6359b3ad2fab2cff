import type Database from 'better-sqlite3';
import { openTeamsSideFile } from '../teams-side-file';

export interface LedgerDelivery {
  idempotencyKey: string;
  state: 'sending' | 'delivered';
  activityId: string | null;
  conversationId: string | null;
}

/**
 * What the Teams channel has sent, in its own SQLite file (writes are synchronous and atomic):
 * - deliveries: one row per outbox idempotency key, written `sending` before the call and
 *   `delivered` with Teams' activity id straight after, so a restarted dispatcher never sends a
 *   delivered key again;
 * - cards: the activity id of the job card each person holds, so later events (taken, reassigned,
 *   cancelled) update that card in place instead of posting another.
 */
export class TeamsLedger {
  private opened: Database.Database | undefined;
  private readonly statements = new Map<string, Database.Statement>();

  /** The file is opened on first use, so a service that never talks to Teams never creates it. */
  constructor(private readonly path: string) {}

  private get db(): Database.Database {
    if (this.opened) return this.opened;
    this.opened = openTeamsSideFile(this.path, `
      CREATE TABLE IF NOT EXISTS teams_delivery (idempotency_key TEXT PRIMARY KEY, state TEXT NOT NULL, activity_id TEXT, conversation_id TEXT, attempts INTEGER NOT NULL DEFAULT 1, updated_on TEXT NOT NULL) STRICT;
      CREATE TABLE IF NOT EXISTS teams_card (task_id TEXT NOT NULL, person_id TEXT NOT NULL, conversation_id TEXT NOT NULL, activity_id TEXT NOT NULL, updated_on TEXT NOT NULL, PRIMARY KEY (task_id, person_id)) STRICT;
    `);
    return this.opened;
  }

  /** A prepared statement, prepared once per open file (a fan-out runs these per card). */
  private statement(sql: string): Database.Statement {
    let prepared = this.statements.get(sql);
    if (!prepared) {
      prepared = this.db.prepare(sql);
      this.statements.set(sql, prepared);
    }
    return prepared;
  }

  delivery(idempotencyKey: string): LedgerDelivery | undefined {
    return this.statement('SELECT idempotency_key AS idempotencyKey, state, activity_id AS activityId, conversation_id AS conversationId FROM teams_delivery WHERE idempotency_key = ?').get(idempotencyKey) as LedgerDelivery | undefined;
  }

  /** Records the intent to send; returns how many times this key has been attempted (2+ means an earlier attempt's outcome is unknown). */
  beginSending(idempotencyKey: string, now: string): number {
    const row = this.statement(`INSERT INTO teams_delivery (idempotency_key, state, updated_on) VALUES (?, 'sending', ?)
      ON CONFLICT(idempotency_key) DO UPDATE SET attempts = attempts + 1, updated_on = excluded.updated_on RETURNING attempts`).get(idempotencyKey, now) as { attempts: number };
    return row.attempts;
  }

  markDelivered(idempotencyKey: string, activityId: string | null, conversationId: string | null, now: string): void {
    this.statement(`UPDATE teams_delivery SET state = 'delivered', activity_id = ?, conversation_id = ?, updated_on = ? WHERE idempotency_key = ?`).run(activityId, conversationId, now, idempotencyKey);
  }

  card(taskId: string, personId: string): { conversationId: string; activityId: string } | undefined {
    return this.statement('SELECT conversation_id AS conversationId, activity_id AS activityId FROM teams_card WHERE task_id = ? AND person_id = ?').get(taskId, personId) as { conversationId: string; activityId: string } | undefined;
  }

  rememberCard(taskId: string, personId: string, conversationId: string, activityId: string, now: string): void {
    this.statement(`INSERT INTO teams_card (task_id, person_id, conversation_id, activity_id, updated_on) VALUES (?, ?, ?, ?, ?)
      ON CONFLICT(task_id, person_id) DO UPDATE SET conversation_id = excluded.conversation_id, activity_id = excluded.activity_id, updated_on = excluded.updated_on`).run(taskId, personId, conversationId, activityId, now);
  }

  close(): void {
    if (this.opened?.open) this.opened.close();
    this.opened = undefined;
    this.statements.clear();
  }
}
