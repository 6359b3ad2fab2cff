/**
 * The resident pages in Chromium (playwright-core, /usr/bin/chromium): axe-core finds no serious
 * or critical violations, the form works with JavaScript switched off and with the map pin when
 * it is on, the page weighs under 100 KB before the photo, and screenshots are saved for docs.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { createResidentRoutes } from '../../bot/src/resident';
import { createIntakeRoutes } from '../../bot/src/intake/intake-routes';
import { startHarness, type Harness } from '../open311/open311-harness';

const SHOTS = path.resolve(__dirname, '../../docs/screenshots/resident');
const AXE = readFileSync(require.resolve('axe-core/axe.min.js', { paths: [path.resolve(__dirname, '../../bot')] }), 'utf8');
// A real 1x1 PNG, as a resident's photo.
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==', 'base64');

let harness: Harness;
let browser: Browser;

beforeAll(async () => {
  harness = await startHarness({ now: '2025-01-06T09:14:03Z', routes: (media) => [createResidentRoutes({ media }), createIntakeRoutes({ env: {} })] });
  browser = await chromium.launch({ executablePath: '/usr/bin/chromium', headless: true, args: ['--no-sandbox', '--disable-background-networking', '--disable-component-update', '--disable-sync'] });
});
afterAll(async () => {
  await browser?.close();
  await harness.close();
});

/** axe needs scripting; pages checked with scripting off are audited again in a scripting context. */
async function auditUrl(url: string, prepare?: (page: Page) => Promise<void>): Promise<{ id: string; impact: string; nodes: number }[]> {
  const context = await browser.newContext({ bypassCSP: true });
  try {
    const page = await context.newPage();
    await page.goto(url);
    if (prepare) await prepare(page);
    return await axe(page);
  } finally {
    await context.close();
  }
}

async function axe(page: Page): Promise<{ id: string; impact: string; nodes: number }[]> {
  await page.addScriptTag({ content: AXE });
  const result = await page.evaluate(async () => {
    const run = (window as unknown as { axe: { run(o: object): Promise<{ violations: { id: string; impact: string; nodes: unknown[] }[] }> } }).axe.run;
    return run({ runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'] } });
  });
  return result.violations.map((v) => ({ id: v.id, impact: v.impact, nodes: v.nodes.length }));
}
const serious = (violations: { impact: string }[]) => violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');

/** Bytes over the wire for the page and everything it loaded (Resource Timing transfer sizes). */
const pageWeight = (page: Page) => page.evaluate(() => {
  const entries = [...performance.getEntriesByType('navigation'), ...performance.getEntriesByType('resource')] as PerformanceResourceTiming[];
  return entries.reduce((sum, e) => sum + e.transferSize, 0);
});

describe('resident pages', () => {
  it('the report form: accessible, light, and a report with JavaScript off goes through with an address', async () => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(`${harness.url}/report`);
    expect(await page.title()).toBe('Report a problem – Report a problem – Colchester City Council');
    expect(serious(await auditUrl(`${harness.url}/report`))).toEqual([]);
    await page.screenshot({ path: path.join(SHOTS, 'report-form-no-js.png'), fullPage: true });

    await page.click('button[type=submit]');
    expect(await page.title()).toMatch(/^Error: /);
    expect(await page.locator('.govuk-error-summary__list li').allTextContents()).toEqual(['Select the problem you are reporting', 'Enter a description of the problem', 'Enter the street name, a nearby building or the postcode']);
    expect(serious(await auditUrl(`${harness.url}/report`, async (p) => {
      await p.click('button[type=submit]');
      await p.waitForSelector('.govuk-error-summary');
    }))).toEqual([]);
    await page.screenshot({ path: path.join(SHOTS, 'report-form-errors.png'), fullPage: true });

    await page.selectOption('#taskType', 'graffiti');
    await page.fill('#description', 'Large tag on the library wall by the entrance');
    await page.fill('#address', 'Library, Trinity Square, Colchester CO1 1JB');
    await page.fill('#email', 'jo.bloggs@example.com');
    await page.setInputFiles('#photo', { name: 'wall.png', mimeType: 'image/png', buffer: PNG });
    await page.click('button[type=submit]');
    await page.waitForURL(/\/report\/received\//);
    const reference = (await page.locator('.govuk-panel__body strong').textContent()) ?? '';
    expect(reference).toMatch(/^WL-25-\d{6}$/);
    expect(serious(await auditUrl(page.url()))).toEqual([]);
    await page.screenshot({ path: path.join(SHOTS, 'report-received.png'), fullPage: true });

    const task = await harness.store.getTaskByReference(reference);
    expect(task).toMatchObject({ sourceChannel: 'resident_form', address: 'Library, Trinity Square, Colchester CO1 1JB', reporterEmail: 'jo.bloggs@example.com' });
    const timeline = await harness.store.getTimeline(task!.id);
    expect(timeline.map((e) => e.summary)).toEqual(expect.arrayContaining(['Location not pinpointed', 'Photo from the reporter']));
    const photo = timeline.find((e) => e.kind === 'photo')?.attachmentUrl ?? '';
    const served = await fetch(`${harness.url}${new URL(photo).pathname}`);
    expect(Buffer.from(await served.arrayBuffer())).toEqual(PNG);
    await context.close();
  });

  it('with JavaScript on: a pin dropped on the ward map sets the position, and the page is under 100 KB', async () => {
    // The page's own Content-Security-Policy is enforced here: the scripts must work under it.
    const context = await browser.newContext();
    const page = await context.newPage();
    const problems: string[] = [];
    page.on('console', (message) => { if (message.type() === 'error') problems.push(message.text()); });
    await page.goto(`${harness.url}/report`);
    await page.waitForSelector('svg.wardline-map');
    expect(await page.evaluate(() => document.body.classList.contains('govuk-frontend-supported'))).toBe(true);
    await page.waitForLoadState('networkidle');
    const weight = await pageWeight(page);
    expect(weight).toBeLessThan(100 * 1024);
    expect(problems).toEqual([]);
    expect(serious(await auditUrl(`${harness.url}/report`, async (p) => void (await p.waitForSelector('svg.wardline-map'))))).toEqual([]);
    const map = page.locator('svg.wardline-map');
    const box = (await map.boundingBox())!;
    await map.click({ position: { x: box.width * 0.5, y: box.height * 0.5 } });
    const lat = Number(await page.inputValue('#latitude'));
    const lon = Number(await page.inputValue('#longitude'));
    expect(lat).toBeGreaterThan(51.7);
    expect(lat).toBeLessThan(52.0);
    expect(lon).toBeGreaterThan(0.7);
    expect(lon).toBeLessThan(1.1);
    await page.selectOption('#taskType', 'fly-tipping');
    await page.fill('#description', 'Bags of rubbish dumped by the path');
    await page.screenshot({ path: path.join(SHOTS, 'report-form-map-pin.png'), fullPage: true });
    await page.click('button[type=submit]');
    await page.waitForURL(/\/report\/received\//);
    const reference = (await page.locator('.govuk-panel__body strong').textContent()) ?? '';
    const task = await harness.store.getTaskByReference(reference);
    expect(task?.latitude).toBeCloseTo(lat, 5);
    await context.close();
    console.log(`Report form page weight with scripts, stylesheet and map: ${(weight / 1024).toFixed(1)} KB`);
  });

  it('the status page shows the public view only, and is accessible', async () => {
    const settingsName = 'Colchester City Council';
    const created = await fetch(`${harness.url}/report`, {
      method: 'POST', redirect: 'manual',
      body: (() => {
        const form = new FormData();
        form.set('taskType', 'fly-tipping');
        form.set('description', 'Mattress dumped behind the garages');
        form.set('latitude', '51.8891');
        form.set('longitude', '0.9012');
        form.set('name', 'Jo Bloggs');
        form.set('email', 'jo.private@example.com');
        return form;
      })(),
    });
    expect(created.status).toBe(303);
    const reference = decodeURIComponent((created.headers.get('location') ?? '').split('/').pop() ?? '');
    const context = await browser.newContext({ bypassCSP: true });
    const page = await context.newPage();
    await page.goto(`${harness.url}/status/${reference}`);
    expect(await page.locator('h1').textContent()).toBe('Fly-tipping in Castle');
    const text = await page.locator('main').innerText();
    expect(text).toContain('Mattress dumped behind the garages');
    expect(text).not.toContain('jo.private@example.com');
    expect(text).not.toContain('Jo Bloggs');
    expect(text).not.toContain('Triage');
    expect(await page.title()).toContain(settingsName);
    expect(serious(await axe(page))).toEqual([]);
    await page.screenshot({ path: path.join(SHOTS, 'status-page.png'), fullPage: true });
    const missing = await page.goto(`${harness.url}/status/WL-25-999999`);
    expect(missing?.status()).toBe(404);
    expect(serious(await axe(page))).toEqual([]);
    await context.close();
  });

  it('refuses a file that is not a photo and a description over 4,000 characters, storing nothing', async () => {
    const before = (await harness.store.listTasks({})).total;
    const form = new FormData();
    form.set('taskType', 'graffiti');
    form.set('description', 'x'.repeat(4001));
    form.set('address', 'High Street');
    form.set('photo', new Blob(['<?php echo 1; ?>'], { type: 'image/png' }), 'evil.png');
    const answer = await fetch(`${harness.url}/report`, { method: 'POST', body: form });
    expect(answer.status).toBe(400);
    const body = await answer.text();
    expect(body).toContain('Description must be 4,000 characters or fewer');
    expect(body).toContain('The selected file must be a JPG, PNG, GIF or WebP');
    expect((await harness.store.listTasks({})).total).toBe(before);
  });
  it('refuses a description that is not valid UTF-8, storing nothing', async () => {
    const before = (await harness.store.listTasks({})).total;
    const boundary = 'wardline-test-boundary';
    const part = (name: string, value: Buffer) => Buffer.concat([Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n`), value, Buffer.from('\r\n')]);
    const body = Buffer.concat([
      part('taskType', Buffer.from('graffiti')),
      part('description', Buffer.from([0x54, 0x61, 0x67, 0x20, 0xc3, 0x28, 0x20, 0x6f, 0x6e, 0x20, 0x77, 0x61, 0x6c, 0x6c])),
      part('address', Buffer.from('High Street')),
      Buffer.from(`--${boundary}--\r\n`),
    ]);
    const answer = await fetch(`${harness.url}/report`, { method: 'POST', headers: { 'content-type': `multipart/form-data; boundary=${boundary}` }, body });
    expect(answer.status).toBe(400);
    expect(await answer.text()).toContain('The description contains characters that could not be read');
    expect((await harness.store.listTasks({})).total).toBe(before);
  });
});
