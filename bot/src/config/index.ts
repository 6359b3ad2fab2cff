/** bot/config: the service's environment, read once into a typed object. */
export { readServiceConfig, DEFAULT_PORT, DEFAULT_DB_PATH, DEMO_COUNCIL_NAME, LOG_LEVELS } from './service-config';
export type { ServiceConfig, LogLevel, Environment } from './service-config';
export { ConfigError, ConfigErrors } from './config-errors';
