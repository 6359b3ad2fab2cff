import type Database from 'better-sqlite3';
import { openTeamsSideFile } from '../teams-side-file';

export interface LedgerDelivery {
  idempotencyKey: string;
  /**
   * `sending`: a call to Teams was started and its outcome never recorded (in flight, the process
   * died, or Teams' answer left it unclear); `unsent`: the last call was refused by Teams (a 4xx
   * answer), so nothing reached the person; `delivered`: done.
   */
  state: 'sending' | 'unsent' | 'delivered';
  activityId: string | null;
  conversationId: string | null;
}

/** What beginSending found: how many calls this key has had, and how the one before ended. */
export interface SendingIntent {
  attempts: number;
  /** The state before this call: `sending` means an earlier call may or may not have reached the person. */
  previous: LedgerDelivery['state'] | undefined;
}

/**
 * What the Teams channel has sent, in the bot's side file (teams-side-file.ts):
 * - deliveries: one row per outbox idempotency key, written `sending` (with the chat) before each
 *   call to Teams and `delivered` with Teams' activity id straight after, so a restarted
 *   dispatcher never sends a delivered key again and knows which keys' outcome is unknown;
 * - cards: the activity id of the job card each person holds, so later events (taken, reassigned,
 *   cancelled) update that card in place instead of posting another, and a send whose outcome is
 *   unknown replaces it instead of posting a second card (see teams-channel.ts).
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

  /** Records the intent to send to a chat, before the call to Teams; says how the call before this one ended. */
  beginSending(idempotencyKey: string, conversationId: string, now: string): SendingIntent {
    return this.db.transaction((): SendingIntent => {
      const before = this.statement('SELECT state, attempts FROM teams_delivery WHERE idempotency_key = ?').get(idempotencyKey) as { state: LedgerDelivery['state']; attempts: number } | undefined;
      this.statement(`INSERT INTO teams_delivery (idempotency_key, state, conversation_id, updated_on) VALUES (?, 'sending', ?, ?)
        ON CONFLICT(idempotency_key) DO UPDATE SET state = 'sending', conversation_id = excluded.conversation_id, attempts = attempts + 1, updated_on = excluded.updated_on`).run(idempotencyKey, conversationId, now);
      return { attempts: (before?.attempts ?? 0) + 1, previous: before?.state };
    })();
  }

  /** Teams refused the call (a 4xx answer): nothing reached the person, so the next try may post freely. */
  markUnsent(idempotencyKey: string, now: string): void {
    this.statement(`UPDATE teams_delivery SET state = 'unsent', updated_on = ? WHERE idempotency_key = ? AND state = 'sending'`).run(now, idempotencyKey);
  }

  /**
   * Done, in one transaction: the key is delivered (with the activity it made or updated, if any)
   * and, for a job card, that activity is remembered as the person's card of the job.
   */
  markDelivered(idempotencyKey: string, activityId: string | null, conversationId: string | null, now: string, card?: { taskId: string; personId: string }): void {
    this.db.transaction(() => {
      this.statement(`UPDATE teams_delivery SET state = 'delivered', activity_id = ?, conversation_id = ?, updated_on = ? WHERE idempotency_key = ?`).run(activityId, conversationId, now, idempotencyKey);
      if (card && activityId && conversationId) this.rememberCard(card.taskId, card.personId, conversationId, activityId, now);
    })();
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
