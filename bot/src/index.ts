/** @wardline/bot: the Wardline service (HTTP server, and later the Teams bot, intake, tab and resident pages). */
export * from './config';
export * from './server';
export { open311Routes, createOpen311Routes, addApiKey, revokeApiKey, ApiKeyError, ServiceCatalogue, parseAttributes, type AddedKey, type ServiceAttribute } from './open311';
export { createNotifyChannel, notifyReceiptRoutes, NotifyApi, parseNotifyKey } from './notify';
export { channelModules, type ChannelModule } from './server/channels';
export { teamsRoutes, teamsChannelModule, buildTeamsPackage, DEFAULT_PACKAGE_PATH, readTeamsConfig, createTeamsRuntime, type TeamsPackageOptions } from './teams';
export { intakeRoutes, createIntakeRoutes, sharedTaskService } from './intake';
export { residentRoutes, createResidentRoutes } from './resident';
