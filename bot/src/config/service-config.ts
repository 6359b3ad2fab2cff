import { readCouncilSettings, type CouncilSettings } from '@wardline/core';
import { ConfigError } from './config-errors';

/** Log levels pino understands, quietest last. */
export const LOG_LEVELS = ['trace', 'debug', 'info', 'warn', 'error', 'fatal', 'silent'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

/** Everything the service reads from its environment, once, typed. */
export interface ServiceConfig {
  /** PORT: where the service listens (default 3978, the Teams bot convention). */
  port: number;
  /** WARDLINE_HOST: the interface to bind (default all). */
  host?: string;
  /** WARDLINE_DB: the embedded store's file (default .wardline/wardline.db). */
  dbPath: string;
  /** WARDLINE_LOG_LEVEL: pino level (default info). */
  logLevel: LogLevel;
  /** The council's settings (core/model environment variables). */
  settings: CouncilSettings;
  /** Required council variables that were not set and were given local defaults (named in the start-up log). */
  localDefaults: string[];
}

export const DEFAULT_PORT = 3978;
export const DEFAULT_DB_PATH = '.wardline/wardline.db';
/** The fictional council of the demo data, used when no council name is configured. */
export const DEMO_COUNCIL_NAME = 'Wardline Borough Council';

export type Environment = Readonly<Record<string, string | undefined>>;

const blank = (value: string | undefined): boolean => value === undefined || value.trim() === '';

/**
 * Reads the service's configuration. Council settings come from core (which names any bad
 * variable); a laptop or CI run with no council configured gets the demo council's name and a
 * localhost service URL, so `npm start` works on a fresh clone. Production sets both.
 */
export function readServiceConfig(env: Environment = process.env): ServiceConfig {
  const port = readPort(env.PORT);
  const logLevel = readLogLevel(env.WARDLINE_LOG_LEVEL);
  const localDefaults: string[] = [];
  const filled: Record<string, string | undefined> = { ...env };
  if (blank(env.WARDLINE_COUNCIL_NAME)) {
    filled.WARDLINE_COUNCIL_NAME = DEMO_COUNCIL_NAME;
    localDefaults.push('WARDLINE_COUNCIL_NAME');
  }
  if (blank(env.WARDLINE_SERVICE_URL)) {
    filled.WARDLINE_SERVICE_URL = `http://localhost:${port}`;
    localDefaults.push('WARDLINE_SERVICE_URL');
  }
  return {
    port,
    host: blank(env.WARDLINE_HOST) ? undefined : env.WARDLINE_HOST?.trim(),
    dbPath: blank(env.WARDLINE_DB) ? DEFAULT_DB_PATH : (env.WARDLINE_DB ?? '').trim(),
    logLevel,
    settings: readCouncilSettings(filled),
    localDefaults,
  };
}

function readPort(value: string | undefined): number {
  if (blank(value)) return DEFAULT_PORT;
  const text = (value ?? '').trim();
  const port = Number(text);
  if (!/^\d+$/.test(text) || port > 65535) throw new ConfigError('PORT', `"${text}" is not a port number (0 to 65535)`);
  return port;
}

function readLogLevel(value: string | undefined): LogLevel {
  if (blank(value)) return 'info';
  const level = (value ?? '').trim().toLowerCase();
  if (!(LOG_LEVELS as readonly string[]).includes(level)) throw new ConfigError('WARDLINE_LOG_LEVEL', `"${value ?? ''}" is not one of ${LOG_LEVELS.join(', ')}`);
  return level as LogLevel;
}
