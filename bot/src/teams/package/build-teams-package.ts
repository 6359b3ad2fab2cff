import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import JSZip from 'jszip';
import type { CouncilSettings } from '@wardline/core';
import { TeamsPackageError } from '../teams-errors';
import { colourIcon, outlineIcon } from './icons';
import { buildManifest } from './manifest';

export interface TeamsPackageOptions {
  settings: Pick<CouncilSettings, 'councilName' | 'serviceUrl' | 'botAppId' | 'tabAppId'>;
  /** WARDLINE_TEAMS_APP_ID. */
  teamsAppId?: string;
  /** Manifest version (default 1.0.0). */
  version?: string;
  /** Where to write the zip (default bot/appPackage/build/wardline-teams.zip). */
  outFile?: string;
}

export const DEFAULT_PACKAGE_PATH = resolve(__dirname, '../../../appPackage/build/wardline-teams.zip');
const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Builds the Teams app package (manifest.json, color.png, outline.png). Missing or bad values stop it with the variable's name. */
export async function buildTeamsPackage(options: TeamsPackageOptions): Promise<{ file: string; manifest: Record<string, unknown>; bytes: number }> {
  const need = (value: string | undefined, variable: string, what: string): string => {
    if (!value || !value.trim()) throw new TeamsPackageError(`${variable} is not set: it is the ${what}`);
    if (!GUID.test(value.trim())) throw new TeamsPackageError(`${variable} "${value}" is not a GUID (the ${what})`);
    return value.trim();
  };
  const teamsAppId = need(options.teamsAppId, 'WARDLINE_TEAMS_APP_ID', 'Teams app id (any new GUID, kept for the life of the app)');
  const botAppId = need(options.settings.botAppId, 'WARDLINE_BOT_APP_ID', 'bot registration\'s Entra app id');
  const tabAppId = options.settings.tabAppId ? need(options.settings.tabAppId, 'WARDLINE_TAB_APP_ID', 'tab\'s Entra app id for single sign-on') : undefined;
  const serviceUrl = options.settings.serviceUrl;
  let url: URL;
  try {
    url = new URL(serviceUrl);
  } catch {
    throw new TeamsPackageError(`WARDLINE_SERVICE_URL "${serviceUrl}" is not an address`);
  }
  if (url.protocol !== 'https:' || url.hostname === 'localhost') throw new TeamsPackageError(`WARDLINE_SERVICE_URL "${serviceUrl}" must be the service's public https address (Teams refuses others)`);
  const version = options.version ?? '1.0.0';
  if (!/^\d+\.\d+\.\d+$/.test(version)) throw new TeamsPackageError(`version "${version}" must be three numbers, e.g. 1.2.0`);
  const manifest = buildManifest({ teamsAppId, botAppId, tabAppId, serviceUrl, councilName: options.settings.councilName, version });
  const zip = new JSZip();
  // Fixed dates keep the zip byte-for-byte the same for the same inputs.
  const date = new Date('2026-01-01T00:00:00Z');
  zip.file('manifest.json', JSON.stringify(manifest, null, 2), { date });
  zip.file('color.png', colourIcon(), { date });
  zip.file('outline.png', outlineIcon(), { date });
  const content = await zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
  const file = options.outFile ?? DEFAULT_PACKAGE_PATH;
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, content);
  return { file, manifest, bytes: content.length };
}
