import type Database from 'better-sqlite3';
import { openTeamsSideFile } from '../teams-side-file';

/** A job someone began raising in the chat ("report TYPE: DESCRIPTION"), waiting for their location. */
export interface ReportDraft {
  taskTypeCode: string;
  description: string;
  /** When the draft was started (ISO 8601); drafts older than the bot's limit are dropped. */
  startedOn: string;
}

/**
 * Report drafts, one per person, kept in the bot's side file so a restart between "report …" and
 * the location Teams mobile sends as a separate message loses nothing. Not in the Wardline store:
 * a draft lives minutes, belongs to the Teams chat alone and is never shown anywhere else, like
 * the delivery ledger beside it.
 */
export class ReportDrafts {
  private opened: Database.Database | undefined;

  constructor(private readonly path: string) {}

  private get db(): Database.Database {
    this.opened ??= openTeamsSideFile(this.path, 'CREATE TABLE IF NOT EXISTS teams_report_draft (person_id TEXT PRIMARY KEY, task_type_code TEXT NOT NULL, description TEXT NOT NULL, started_on TEXT NOT NULL) STRICT;');
    return this.opened;
  }

  get(personId: string): ReportDraft | undefined {
    return this.db.prepare('SELECT task_type_code AS taskTypeCode, description, started_on AS startedOn FROM teams_report_draft WHERE person_id = ?').get(personId) as ReportDraft | undefined;
  }

  /** Keeps the person's draft, replacing any earlier one (the latest "report …" wins). */
  save(personId: string, draft: ReportDraft): void {
    this.db.prepare(`INSERT INTO teams_report_draft (person_id, task_type_code, description, started_on) VALUES (?, ?, ?, ?)
      ON CONFLICT(person_id) DO UPDATE SET task_type_code = excluded.task_type_code, description = excluded.description, started_on = excluded.started_on`).run(personId, draft.taskTypeCode, draft.description, draft.startedOn);
  }

  remove(personId: string): void {
    this.db.prepare('DELETE FROM teams_report_draft WHERE person_id = ?').run(personId);
  }

  close(): void {
    if (this.opened?.open) this.opened.close();
    this.opened = undefined;
  }
}
