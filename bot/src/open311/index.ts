/** bot/open311: the Open311 GeoReport v2 server (with mySociety's extensions) and its API keys. */
export { open311Routes, createOpen311Routes, createOpen311Context, type Open311Options } from './open311-routes';
export { createOpen311Router } from './open311-router';
export { addApiKey, revokeApiKey, hashKey, generateKey, ApiKeyRegistry, ApiKeyError, ApiKeyErrors, type AddedKey } from './api-keys';
export { Open311Error, Open311Errors, type Open311Problem } from './open311-errors';
export { ServiceCatalogue, type Service } from './service-catalogue';
export { parseAttributes, type ServiceAttribute } from './attributes';
export { statusMap } from './status-map';
export { open311ConfigFrom, type Open311Config } from './open311-config';
export { render, type WireDocument, type Format } from './wire';
export { createOpen311PushChannel, type PushChannelOptions } from './push-channel';
export { open311PushChannelModule } from './push-module';
