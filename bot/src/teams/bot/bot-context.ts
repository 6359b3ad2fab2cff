import type { CouncilSettings, Officer, Store, TaskService } from '@wardline/core';
import type { Logger } from 'pino';
import type { JobCards } from '../job-cards';
import type { TeamsPort } from '../port';
import type { PhotoStore } from './photo-store';
import type { ReportDrafts } from './report-drafts';

/** What the bot's handlers share. */
export interface BotContext {
  store: Store;
  settings: CouncilSettings;
  cards: JobCards;
  port: TeamsPort;
  photos: PhotoStore;
  /** Reports waiting for a location, kept across restarts. */
  drafts: ReportDrafts;
  logger: Logger;
  clock: () => Date;
  /** The task service, opened on first use (it needs wards loaded). */
  tasks: () => Promise<TaskService>;
}

/** The person behind an inbound activity, by Entra object id. */
export async function personOf(context: BotContext, aadObjectId: string | undefined): Promise<Officer | undefined> {
  return aadObjectId ? context.store.getOfficerByEntraId(aadObjectId) : undefined;
}
