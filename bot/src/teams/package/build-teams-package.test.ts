import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import Ajv04 from 'ajv-draft-04';
import addFormats from 'ajv-formats';
import JSZip from 'jszip';
import { PNG } from 'pngjs';
import { buildTeamsPackage } from './build-teams-package';

const SCHEMAS = resolve(__dirname, '../../../../../shared/reference/teams-schemas/teams-manifest');
const settings = { councilName: 'Colchester City Council', serviceUrl: 'https://wardline.colchester.example', botAppId: '3f2a1b7c-5d6e-4f80-9a1b-2c3d4e5f6a7b', tabAppId: undefined };
const teamsAppId = '6d0e3e1c-58ad-4a5b-9c84-0c1f2f0d7a11';
let folder: string;
beforeEach(() => (folder = mkdtempSync(join(tmpdir(), 'wardline-pkg-'))));
afterEach(() => rmSync(folder, { recursive: true, force: true }));

function validateManifest(manifest: unknown, version: string): string[] {
  const ajv = new Ajv04({ allErrors: true, strict: false });
  addFormats(ajv);
  const validate = ajv.compile(JSON.parse(readFileSync(join(SCHEMAS, `v${version}`, 'MicrosoftTeams.schema.json'), 'utf8')));
  return validate(manifest) ? [] : (validate.errors ?? []).map((e) => `${e.instancePath} ${e.message}`);
}

describe('Teams app package', () => {
  it('builds a zip whose manifest validates against the v1.24 schema, with real icons', async () => {
    const { file, manifest } = await buildTeamsPackage({ settings, teamsAppId, outFile: join(folder, 'wardline-teams.zip') });
    const zip = await JSZip.loadAsync(readFileSync(file));
    expect(Object.keys(zip.files).sort()).toEqual(['color.png', 'manifest.json', 'outline.png']);
    const stored = JSON.parse(await zip.file('manifest.json')!.async('string'));
    expect(stored).toEqual(manifest);
    expect(validateManifest(stored, '1.24')).toEqual([]);
    expect(stored).toMatchObject({ id: teamsAppId, bots: [{ botId: settings.botAppId, scopes: ['personal', 'team'] }], devicePermissions: ['geolocation', 'media'], validDomains: ['wardline.colchester.example'], webApplicationInfo: { id: settings.botAppId } });
    const colour = PNG.sync.read(await zip.file('color.png')!.async('nodebuffer'));
    expect([colour.width, colour.height]).toEqual([192, 192]);
    const outline = PNG.sync.read(await zip.file('outline.png')!.async('nodebuffer'));
    expect([outline.width, outline.height]).toEqual([32, 32]);
    const alphas = new Set<number>();
    for (let i = 0; i < outline.data.length; i += 4) {
      expect([outline.data[i], outline.data[i + 1], outline.data[i + 2]]).toEqual([255, 255, 255]);
      alphas.add(outline.data[i + 3]);
    }
    expect([...alphas].sort()).toEqual([0, 255]);
  });

  it('the schema check catches a wrongly cased scope', () => {
    expect(validateManifest({ manifestVersion: '1.24', bots: [{ botId: settings.botAppId, scopes: ['groupchat'] }] }, '1.24').join('\n')).toMatch(/scopes/);
  });

  it('stops with the variable named when a value is missing or wrong', async () => {
    await expect(buildTeamsPackage({ settings, outFile: join(folder, 'x.zip') })).rejects.toThrow('WARDLINE_TEAMS_APP_ID is not set');
    await expect(buildTeamsPackage({ settings: { ...settings, botAppId: undefined }, teamsAppId, outFile: join(folder, 'x.zip') })).rejects.toThrow('WARDLINE_BOT_APP_ID is not set');
    await expect(buildTeamsPackage({ settings: { ...settings, serviceUrl: 'http://localhost:3978' }, teamsAppId, outFile: join(folder, 'x.zip') })).rejects.toThrow('WARDLINE_SERVICE_URL "http://localhost:3978" must be the service\'s public https address');
  });
});
