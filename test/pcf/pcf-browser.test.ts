/**
 * Both controls' BUILT bundles (pcf-controls/out/controls, made by `npm run build:pcf`) hosted in a
 * small local page with the shared mocked context, in headless Chromium. Saves a screenshot of
 * each state to docs/screenshots/pcf/ for the makers' guide.
 */
import { mkdirSync } from 'node:fs';
import * as path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { pointInside, referenceWards, OUTSIDE_EVERY_WARD } from '../../pcf-controls/testing/reference-wards';
import { offsetMetres } from '../../pcf-controls/MapPicker/components/geometry';
import { launch, hostPage } from './host/browser';
import { assertControlsBuilt, buildHost, REPO } from './host/build-host';
import type { HostWindow, MapPickerConfig, TaskCardConfig } from './host/host-api';
import { startHostServer, type HostServer } from './host/server';

const SHOTS = path.join(REPO, 'docs', 'screenshots', 'pcf');
const NOW = '2026-03-10T09:00:00Z';
const wards = referenceWards();
const home = pointInside(wards[0]);
const bin = { id: 'LB-001', name: 'LB-001', assetType: 'Litter bin', ...offsetMetres(home, 0, 10) };
const bench = { id: 'BN-007', name: 'Memorial bench', assetType: 'Bench', ...offsetMetres(home, 100, 0) };

let browser: Browser;
let server: HostServer;

beforeAll(async () => {
  assertControlsBuilt();
  await buildHost();
  mkdirSync(SHOTS, { recursive: true });
  server = await startHostServer();
  browser = await launch();
}, 600_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

async function openMapPicker(config: Partial<MapPickerConfig> = {}, size = {}): Promise<{ page: Page; offHost: string[]; errors: string[] }> {
  const opened = await hostPage(browser, server, size);
  await opened.page.goto(`${server.origin}/MapPicker.html`);
  const full: MapPickerConfig = { latitude: home.latitude, longitude: home.longitude, wards: JSON.stringify(wards), assets: JSON.stringify([bin, bench]), ...config };
  await opened.page.evaluate((c) => (window as unknown as HostWindow).wardlineHost.mountMapPicker(c), full);
  await opened.page.waitForSelector('.wl-mappicker');
  return opened;
}

const state = (page: Page) => page.evaluate(() => (window as unknown as HostWindow).wardlineHost.mapPickerState());
const shot = (page: Page, name: string) => page.screenshot({ path: path.join(SHOTS, `${name}.png`), fullPage: true });

describe('MapPicker (built bundle in Chromium)', () => {
  it('shows the ward and nearby assets with no tiles, fetching nothing', async () => {
    const { page, offHost, errors } = await openMapPicker();
    await page.getByRole('status').filter({ hasText: `In ${wards[0].name} ward` }).waitFor();
    expect(await page.locator('path.wl-asset').count()).toBe(2);
    expect(await page.locator('.leaflet-tile').count()).toBe(0);
    await shot(page, 'mappicker-ward');
    expect(offHost).toEqual([]);
    expect(server.requests.filter((r) => r.startsWith('/tiles/'))).toEqual([]);
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it('moves the pin with the mouse: a click on the map and a drag of the pin', async () => {
    const { page } = await openMapPicker();
    const map = (await page.locator('.wl-mappicker__map').boundingBox())!;
    await page.mouse.click(map.x + map.width / 2 - 150, map.y + map.height / 2 - 80);
    const clicked = await state(page);
    expect(clicked.notifications).toBe(1);
    expect(clicked.outputs.latitude as number).toBeGreaterThan(home.latitude);
    expect(clicked.outputs.longitude as number).toBeLessThan(home.longitude);
    expect(clicked.outputs.assetId).toBeUndefined();
    const pin = (await page.locator('.wl-pin').boundingBox())!;
    await page.mouse.move(pin.x + pin.width / 2, pin.y + pin.height / 2);
    await page.mouse.down();
    await page.mouse.move(pin.x + pin.width / 2 + 40, pin.y + pin.height / 2 + 30, { steps: 8 });
    await page.mouse.move(pin.x + pin.width / 2 + 80, pin.y + pin.height / 2 + 60, { steps: 8 });
    await page.mouse.up();
    const dragged = await state(page);
    expect(dragged.notifications).toBe(2);
    expect(dragged.outputs.latitude as number).toBeLessThan(clicked.outputs.latitude as number);
    expect(dragged.outputs.longitude as number).toBeGreaterThan(clicked.outputs.longitude as number);
    await page.context().close();
  });

  it('snaps to an asset clicked near, and says so', async () => {
    const { page } = await openMapPicker();
    const benchMarker = (await page.locator('path.wl-asset').nth(1).boundingBox())!;
    const marker = (await page.locator('path.wl-asset').first().boundingBox())!;
    const target = benchMarker.y < marker.y ? benchMarker : marker;
    await page.mouse.click(target.x + target.width / 2 + 12, target.y + target.height / 2);
    const snapped = await state(page);
    expect(snapped.outputs).toMatchObject({ latitude: bench.latitude, longitude: bench.longitude, assetId: 'BN-007', address: 'At Memorial bench' });
    await page.getByText('Moved onto the nearest asset, Memorial bench').waitFor();
    await shot(page, 'mappicker-snapped');
    await page.context().close();
  });

  it('moves the pin with the arrow keys', async () => {
    const { page } = await openMapPicker();
    await page.locator('.wl-pin').focus();
    for (let i = 0; i < 3; i += 1) await page.keyboard.press('ArrowUp');
    await page.keyboard.press('Shift+ArrowLeft');
    const moved = offsetMetres(offsetMetres(offsetMetres(offsetMetres(home, 5, 0), 5, 0), 5, 0), 0, -50);
    const after = await state(page);
    expect(after.outputs).toMatchObject({ latitude: moved.latitude, longitude: moved.longitude });
    expect(after.notifications).toBe(4);
    expect(await page.evaluate(() => document.activeElement?.getAttribute('aria-roledescription'))).toBe('map pin');
    await shot(page, 'mappicker-keyboard');
    await page.context().close();
  });

  it('warns when the point is outside every ward', async () => {
    const { page } = await openMapPicker({ latitude: OUTSIDE_EVERY_WARD.latitude, longitude: OUTSIDE_EVERY_WARD.longitude });
    await page.getByRole('alert').filter({ hasText: 'outside every ward of the council' }).waitFor();
    expect((await state(page)).outputs.wardCode).toBeUndefined();
    await shot(page, 'mappicker-outside-ward');
    await page.context().close();
  });

  it('explains a refused location', async () => {
    const { page } = await openMapPicker({ position: 'denied' });
    await page.getByRole('button', { name: 'Use my location' }).click();
    await page.getByRole('alert').filter({ hasText: 'Your device did not share its location' }).waitFor();
    expect(await state(page)).toMatchObject({ notifications: 0, positionRequests: 1 });
    await shot(page, 'mappicker-location-denied');
    await page.context().close();
  });

  it('is read-only when the form is', async () => {
    const { page } = await openMapPicker({ disabled: true });
    expect(await page.getByRole('button', { name: 'Use my location' }).isDisabled()).toBe(true);
    const map = (await page.locator('.wl-mappicker__map').boundingBox())!;
    await page.mouse.click(map.x + 40, map.y + 40);
    await page.locator('.wl-pin').focus();
    await page.keyboard.press('ArrowUp');
    expect((await state(page)).notifications).toBe(0);
    await shot(page, 'mappicker-read-only');
    await page.context().close();
  });

  it('fetches tiles only from the configured template, and credits them', async () => {
    // Templates must be https; the page answers that origin itself with the loopback server's tiles.
    const tileOrigin = 'https://tiles.wardline.test';
    const opened = await hostPage(browser, server);
    const tiles: string[] = [];
    await opened.page.route(`${tileOrigin}/**`, async (route) => {
      tiles.push(route.request().url());
      const local = await fetch(`${server.origin}${new URL(route.request().url()).pathname}`);
      await route.fulfill({ status: local.status, contentType: 'image/svg+xml', body: await local.text() });
    });
    await opened.page.goto(`${server.origin}/MapPicker.html`);
    const config: MapPickerConfig = { latitude: home.latitude, longitude: home.longitude, wards: JSON.stringify(wards), assets: JSON.stringify([bin, bench]), tileUrlTemplate: `${tileOrigin}/tiles/{z}/{x}/{y}.svg`, tileAttribution: '© Test tiles' };
    await opened.page.evaluate((c) => (window as unknown as HostWindow).wardlineHost.mountMapPicker(c), config);
    await opened.page.getByText('© Test tiles').waitFor();
    await opened.page.waitForFunction(() => document.querySelectorAll('.leaflet-tile-loaded').length > 0);
    expect(tiles.length).toBeGreaterThan(0);
    expect(tiles.every((url) => /^https:\/\/tiles\.wardline\.test\/tiles\/\d+\/\d+\/\d+\.svg$/.test(url))).toBe(true);
    expect(opened.offHost).toEqual([]);
    await shot(opened.page, 'mappicker-tiles');
    await opened.page.context().close();
  });
});

async function openTaskCard(config: TaskCardConfig, size: { width?: number; height?: number } = {}): Promise<{ page: Page; errors: string[] }> {
  const opened = await hostPage(browser, server, { ...size, now: NOW });
  await opened.page.goto(`${server.origin}/TaskCard.html`);
  await opened.page.evaluate((c) => (window as unknown as HostWindow).wardlineHost.mountTaskCard(c), config);
  return opened;
}

const field = {
  jobTitle: 'Fly-tipped mattress in alley',
  jobReference: 'WL-26-000123',
  jobTaskType: 'Fly-tipping',
  jobStatus: 'In progress',
  jobPriority: 'urgent',
  jobDueBy: '2026-03-08T09:00:00Z',
  jobWard: 'Maldon North',
  jobAddress: 'Rear of 12 High Street, Maldon',
  jobAssignedOfficer: 'Priya Shah',
  jobLastUpdate: 'Priya Shah: on site, waiting for the van.',
};

describe('TaskCard (built bundle in Chromium)', () => {
  it('shows one job in field mode, overdue in words', async () => {
    const { page, errors } = await openTaskCard({ mode: 'field', now: NOW, field }, { width: 520, height: 420 });
    await page.getByRole('heading', { name: 'Fly-tipped mattress in alley' }).waitFor();
    await page.getByText('Overdue by 2 days').waitFor();
    expect(await page.getByLabel('Priority: Urgent').textContent()).toBe('Urgent');
    await shot(page, 'taskcard-field');
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it('shows a view as a grid of cards that open, select and page', async () => {
    const { page } = await openTaskCard({ mode: 'dataset', now: NOW, count: 30, pageSize: 6 }, { width: 1100, height: 900 });
    await page.getByText('Showing 1 to 6 of 30 jobs').waitFor();
    await page.getByRole('checkbox', { name: 'Select Fly-tipped mattress in alley' }).check();
    await shot(page, 'taskcard-dataset');
    await page.getByRole('button', { name: 'Broken bench slat' }).click();
    await page.getByRole('button', { name: 'Next page' }).click();
    await page.getByText('Showing 7 to 12 of 30 jobs').waitFor();
    const seen = await page.evaluate(() => (window as unknown as HostWindow).wardlineHost.taskCardState());
    expect(seen.openedForms).toEqual([{ entityName: 'wl_task', entityId: '00000000-0000-4000-8000-000000000003' }]);
    expect(seen.selected).toEqual(['00000000-0000-4000-8000-000000000002']);
    await page.context().close();
  });

  it('follows a dark theme and right-to-left text', async () => {
    const { page } = await openTaskCard({ mode: 'dataset', now: NOW, count: 4, pageSize: 4, rtl: true, dark: true }, { width: 900, height: 700 });
    await page.getByText('4 jobs').waitFor();
    expect(await page.locator('.fui-FluentProvider').first().getAttribute('dir')).toBe('rtl');
    await shot(page, 'taskcard-rtl-dark');
    await page.context().close();
  });

  it('reflows at 200% zoom without sideways scrolling', async () => {
    // 200% zoom on a 1280-pixel window leaves a 640-pixel CSS viewport.
    const { page } = await openTaskCard({ mode: 'dataset', now: NOW, count: 3, pageSize: 3 }, { width: 640, height: 900 });
    await page.getByText('3 jobs').waitFor();
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    await shot(page, 'taskcard-zoom-200');
    await page.context().close();
  });
});
