/** bot/teams: the Teams bot on the Microsoft 365 Agents SDK, behind Wardline's own port. */
export * from './port';
export { TeamsErrors, TeamsSendError, TeamsConfigError, TeamsConfigMissingError, AttachmentRefusedError, TeamsPackageError } from './teams-errors';
export { readTeamsConfig, type TeamsConfig } from './teams-config';
export { createTeamsChannel, type TeamsChannelOptions, type TeamsChannelStats } from './teams-channel';
export { SlidingWindowLimiter, PER_CONVERSATION_WINDOWS, DEFAULT_GLOBAL_PER_SECOND, type RateWindow } from './delivery/rate-limiter';
export { TeamsLedger } from './delivery/teams-ledger';
export { ReportDrafts, type ReportDraft } from './bot/report-drafts';
export { JobCards } from './job-cards';
export { createTeamsRuntime, type TeamsRuntime, type TeamsRuntimeOptions } from './teams-runtime';
export { teamsRoutes, teamsChannelModule } from './teams-routes';
export { createAgentsHost, LOCAL_BOT_APP_ID } from './sdk/agents-host';
export { AgentsTeamsPort } from './sdk/agents-teams-port';
export { buildTeamsPackage, DEFAULT_PACKAGE_PATH, type TeamsPackageOptions } from './package/build-teams-package';
export { buildManifest, MANIFEST_VERSION, type ManifestOptions } from './package/manifest';
