import { sharedTaskService } from '../intake/shared-task-service';
import express, { type Express } from 'express';
import { type CouncilSettings, type Store, type TaskService } from '@wardline/core';
import type { Logger } from 'pino';
import { PhotoStore } from './bot/photo-store';
import { ReportDrafts } from './bot/report-drafts';
import { createTurnHandler } from './bot/turn-handler';
import { TeamsLedger } from './delivery/teams-ledger';
import { JobCards } from './job-cards';
import type { TeamsPort } from './port';
import { AgentsTeamsPort } from './sdk/agents-teams-port';
import { createAgentsHost, createMessagesHandler } from './sdk/agents-host';
import { readTeamsConfig, type TeamsConfig } from './teams-config';
import { createTeamsChannel } from './teams-channel';

export interface TeamsRuntimeOptions {
  store: Store;
  settings: CouncilSettings;
  logger: Logger;
  clock: () => Date;
  config?: TeamsConfig;
  /** Replace the Agents SDK port (tests of the channel alone). */
  port?: TeamsPort;
}

/** The Teams bot wired together: SDK host, port, cards, the bot's handler and the outbox channel. */
export interface TeamsRuntime {
  config: TeamsConfig;
  channel: ReturnType<typeof createTeamsChannel>;
  cards: JobCards;
  port: TeamsPort;
  /** Mounts POST /api/messages and GET /api/teams/media/:taskId/:name. */
  mount(app: Express): void;
  close(): Promise<void>;
}

export function createTeamsRuntime(options: TeamsRuntimeOptions): TeamsRuntime {
  const { store, settings, logger, clock } = options;
  const config = options.config ?? readTeamsConfig(settings);
  const host = createAgentsHost({ appId: config.appId, appPassword: config.appPassword, tenantId: config.tenantId, logger, clock });
  if (host.anonymous) logger.warn('TEAMS BOT AUTHENTICATION IS OFF: WARDLINE_BOT_APP_ID is not set, so /api/messages accepts requests without a token. Use this only on your own machine (Agents Playground); set the bot\'s app id and secret anywhere else.');
  const port = options.port ?? new AgentsTeamsPort(host);
  const cards = new JobCards({ store, links: { serviceUrl: settings.serviceUrl, teamsAppId: config.teamsAppId }, timeZone: settings.timeZone, clock });
  const ledger = new TeamsLedger(config.ledgerPath);
  const photos = new PhotoStore(config.mediaDir, settings.serviceUrl);
  const drafts = new ReportDrafts(config.ledgerPath);
  // The same task service as every other intake, so duplicate checks see reports from Teams too.
  const tasks = (): Promise<TaskService> => sharedTaskService({ store, settings, clock });
  const handler = createTurnHandler({ store, settings, cards, port, photos, drafts, logger, clock, tasks });
  const channel = createTeamsChannel({ store, port, cards, ledger, logger, clock, globalPerSecond: config.globalPerSecond });
  return {
    config, channel, cards, port,
    mount(app) {
      app.post('/api/messages', express.json({ limit: '1mb' }), createMessagesHandler(host, handler));
      // Open the task service now, not on the first card action: with 20,000 jobs its open-job index
      // takes a second or more to build, which the first Accept after a restart would otherwise wait
      // for (Teams gives an invoke 15 seconds; Wardline aims for well under 3). A store with no
      // wards yet fails here quietly and the service is opened on first use instead.
      tasks().catch((error: unknown) => logger.debug({ err: error }, 'task service not opened at start; it will be on first use'));
      app.get('/api/teams/media/:taskId/:name', (request, response) => {
        const photo = photos.read(String(request.params.taskId), String(request.params.name));
        if (!photo) {
          response.status(404).json({ code: 'WL-TEAMS-404', message: 'No such photo.' });
          return;
        }
        response.setHeader('Cache-Control', 'private, max-age=86400');
        response.type(photo.type).send(photo.bytes);
      });
    },
    async close() {
      ledger.close();
      drafts.close();
    },
  };
}
