import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import type { Officer, Task } from '@wardline/core';
import { demoPeople, startTabHarness, type TabHarness } from './tab-harness';

// The real service with the demo council, the built tab (tab/dist, built by `npm test`'s pretest)
// and Chromium: one browser for the file, a fresh context per person.
// Each test drives a real browser through several views (axe and screenshots at two sizes): allow for a busy machine.
jest.setTimeout(120_000);

const SHOTS = path.resolve(__dirname, '../../docs/screenshots/tab');
const AXE = require.resolve('axe-core/axe.min.js');
const SIZES = { phone: { width: 390, height: 844 }, desktop: { width: 1366, height: 900 } } as const;

let harness: TabHarness;
let browser: Browser;
let people: Awaited<ReturnType<typeof demoPeople>>;

beforeAll(async () => {
  mkdirSync(SHOTS, { recursive: true });
  harness = await startTabHarness();
  people = await demoPeople(harness.store);
  browser = await chromium.launch({ executablePath: '/usr/bin/chromium', headless: true, args: ['--no-sandbox', '--disable-background-networking', '--disable-component-update', '--disable-sync'] });
}, 60_000);
afterAll(async () => {
  await browser?.close();
  await harness?.close();
});

async function signedIn(person: Officer, size: keyof typeof SIZES = 'desktop'): Promise<{ context: BrowserContext; page: Page }> {
  const token = await harness.tokenFor(person);
  const context = await browser.newContext({ viewport: SIZES[size], locale: 'en-GB', serviceWorkers: 'block' });
  await context.addInitScript((value) => localStorage.setItem('wardline.tab.devToken', value), token);
  const page = await context.newPage();
  return { context, page };
}

/** axe-core (from node_modules) finds no serious or critical violations on the page as it stands. */
async function checkAccessible(page: Page, name: string): Promise<void> {
  await page.addScriptTag({ path: AXE });
  const violations = await page.evaluate(async () => {
    const result = await (window as unknown as { axe: { run: (o: unknown) => Promise<{ violations: { id: string; impact: string; help: string; nodes: { target: string[] }[] }[] }> } }).axe.run({ resultTypes: ['violations'] });
    return result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id} (${v.impact}): ${v.help} at ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(', ')}`);
  });
  expect({ page: name, violations }).toEqual({ page: name, violations: [] });
}

/** Screenshots a view at phone and desktop widths for the guides. */
async function shoot(page: Page, name: string, settle: () => Promise<void>): Promise<void> {
  for (const [size, viewport] of Object.entries(SIZES)) {
    await page.setViewportSize(viewport);
    await settle();
    await page.screenshot({ path: path.join(SHOTS, `${name}-${size}.png`), fullPage: false });
  }
}

describe('tab in Chromium', () => {
  it('offers the development sign-in, clearly marked, and signs a councillor in', async () => {
    const context = await browser.newContext({ viewport: SIZES.desktop, locale: 'en-GB', serviceWorkers: 'block' });
    const page = await context.newPage();
    await page.goto(`${harness.url}/tab/`);
    await expect(page.getByRole('heading', { name: 'Development sign-in' }).isVisible()).resolves.toBe(true);
    await page.getByText('Not for real use').waitFor();
    await checkAccessible(page, 'sign-in');
    await shoot(page, 'sign-in', () => page.getByText('Not for real use').waitFor());
    await page.getByRole('button', { name: `Sign in as ${people.councillor.name}` }).click();
    await page.getByRole('heading', { name: 'My wards' }).waitFor();
    await context.close();
  });

  it("asks for a councillor's first page of cases while the scripts load, and only once", async () => {
    const { context, page } = await signedIn(people.councillor);
    const asked: string[] = [];
    page.on('request', (request) => { if (request.url().includes('/api/tab/')) asked.push(new URL(request.url()).pathname + new URL(request.url()).search); });
    // Hold the app's script back until the first page has been asked for (at most 5 seconds): only
    // the page's own early script can ask while the app's script has not arrived.
    let askedBeforeApp = false;
    await page.route(/\/tab\/assets\/main-[^/]+\.js$/, async (route) => {
      for (let waited = 0; waited < 5000 && !askedBeforeApp; waited += 50) {
        askedBeforeApp = asked.some((url) => url.startsWith('/api/tab/jobs'));
        if (!askedBeforeApp) await new Promise((resolve) => setTimeout(resolve, 50));
      }
      await route.continue();
    });
    await page.goto(`${harness.url}/tab/#/wards`);
    await page.locator('.wl-case').first().waitFor();
    await page.getByRole('status').filter({ hasText: /Showing 1 to/ }).waitFor();
    expect(askedBeforeApp).toBe(true);
    // The page's own script (index.html) asked; the app used those answers rather than asking again.
    expect(asked.filter((url) => url.startsWith('/api/tab/jobs')).sort()).toEqual(['/api/tab/jobs?status=open&page=1&pageSize=25']);
    expect(asked.filter((url) => url === '/api/tab/me')).toHaveLength(1);
    expect(asked.filter((url) => url === '/api/tab/auth-config')).toHaveLength(1);

    // A card's link to a case: this device remembers a councillor signed in, so the case is asked for early too, once.
    const reference = (await page.locator('.wl-case .wl-card-title').first().getAttribute('href'))?.replace('#/jobs/', '') as string;
    const caseLink = await context.newPage();
    const askedForCase: string[] = [];
    caseLink.on('request', (request) => { if (request.url().includes('/api/tab/')) askedForCase.push(new URL(request.url()).pathname); });
    await caseLink.goto(`${harness.url}/tab/#/jobs/${reference}`);
    await caseLink.getByRole('heading', { name: 'Timeline' }).waitFor();
    expect(askedForCase.filter((url) => url.startsWith('/api/tab/jobs'))).toEqual([`/api/tab/jobs/${reference}`]);
    await context.close();
  });

  it("fetches Teams' library while the app's script loads when sign-in is through Teams", async () => {
    const context = await browser.newContext({ viewport: SIZES.desktop, locale: 'en-GB', serviceWorkers: 'block' });
    const page = await context.newPage();
    // As in Teams on a phone (a frameless web view that gives the page nativeInterface).
    await context.addInitScript(() => { (window as unknown as { nativeInterface: object }).nativeInterface = {}; });
    // This service uses the development sign-in; answer as a service with an Entra app would.
    await page.route('**/api/tab/auth-config', (route) => route.fulfill({ json: { mode: 'entra', appId: '00000000-0000-4000-8000-000000000001' } }));
    // The chunks the page's early script names (the page's own preloads are the entry's imports).
    const earlyScript = /<script>([\s\S]*?)<\/script>/.exec(await (await fetch(`${harness.url}/tab/`)).text())?.[1] ?? '';
    const teamsJs = earlyScript.match(/\/tab\/assets\/chunk-[A-Z0-9]+\.js/g) ?? [];
    const asked: string[] = [];
    page.on('request', (request) => asked.push(new URL(request.url()).pathname));
    let askedBeforeApp = false;
    await page.route(/\/tab\/assets\/main-[^/]+\.js$/, async (route) => {
      for (let waited = 0; waited < 5000 && !askedBeforeApp; waited += 50) {
        askedBeforeApp = asked.some((url) => teamsJs.includes(url));
        if (!askedBeforeApp) await new Promise((resolve) => setTimeout(resolve, 50));
      }
      await route.continue();
    });
    await page.goto(`${harness.url}/tab/`);
    expect(teamsJs.length).toBeGreaterThan(0);
    expect(askedBeforeApp).toBe(true);
    const chunk = asked.find((url) => teamsJs.includes(url)) as string;
    expect(await (await fetch(`${harness.url}${chunk}`)).text()).toContain('getAuthToken');
    await context.close();
  });

  it('shows a councillor only the cases in their wards: list, map, figures and case page', async () => {
    const { context, page } = await signedIn(people.councillor);
    const wards = people.members.filter((m) => m.councillor === people.councillor.id).map((m) => m.ward);
    await page.goto(`${harness.url}/tab/#/wards`);
    // The open cases show at once (index.html asked for them early); then every case, once asked for.
    await page.getByRole('status').filter({ hasText: /Showing 1 to/ }).waitFor();
    await page.getByRole('combobox', { name: 'Status' }).selectOption('all');
    const total = (await harness.store.listTasks({ wardIds: wards, limit: 0 })).total;
    await page.getByRole('status').filter({ hasText: `of ${total} cases` }).waitFor();
    const references = await page.locator('.wl-case .wl-card-title').evaluateAll((links) => links.map((a) => a.getAttribute('href')?.replace('#/jobs/', '') ?? ''));
    expect(references.length).toBeGreaterThan(0);
    for (const reference of references) expect(wards).toContain((await harness.store.getTaskByReference(reference))?.ward);
    await checkAccessible(page, 'my wards: cases');
    await shoot(page, 'councillor-cases', () => page.locator('.wl-case').first().waitFor());

    await page.getByRole('button', { name: 'Map' }).click();
    await page.locator('.leaflet-interactive').first().waitFor();
    await checkAccessible(page, 'my wards: map');
    await shoot(page, 'councillor-map', () => page.waitForTimeout(400));

    await page.getByRole('button', { name: 'Figures' }).click();
    await page.getByRole('heading', { name: /in figures$/ }).first().waitFor();
    await checkAccessible(page, 'my wards: figures');
    await shoot(page, 'councillor-figures', () => page.getByRole('heading', { name: /in figures$/ }).first().waitFor());

    await page.goto(`${harness.url}/tab/#/jobs/${references[0]}`);
    await page.getByRole('heading', { name: 'Timeline' }).waitFor();
    await expect(page.getByText('staff only').count()).resolves.toBe(0);
    await checkAccessible(page, 'case page');
    await shoot(page, 'councillor-case', () => page.getByRole('heading', { name: 'Timeline' }).waitFor());

    
    await page.goto(`${harness.url}/tab/#/wards`);
    await page.getByRole('button', { name: 'Raise a case' }).click();
    await page.getByRole('heading', { name: 'Raise a case' }).waitFor();
    await checkAccessible(page, 'raise a case');
    await shoot(page, 'councillor-raise', () => page.getByRole('heading', { name: 'Raise a case' }).waitFor());
    await context.close();
  });

  it('lets an officer complete a job offline; it syncs on reconnect, once', async () => {
    const candidates = (await harness.store.listTasks({ statuses: ['accepted', 'in_progress'], limit: 500 })).items;
    const types = new Map((await harness.store.listTaskTypes()).map((t) => [t.id, t]));
    const job = candidates.find((t) => t.assignedOfficer && !types.get(t.taskType)?.requirePhoto && people.people.find((p) => p.id === t.assignedOfficer)?.role === 'officer') as Task;
    expect(job).toBeDefined();
    const officer = people.people.find((p) => p.id === job.assignedOfficer) as Officer;
    const { context, page } = await signedIn(officer, 'phone');
    await page.goto(`${harness.url}/tab/#/jobs`);
    await page.getByRole('heading', { name: 'My jobs' }).waitFor();
    await page.getByRole('link', { name: job.title }).first().waitFor();
    await checkAccessible(page, 'my jobs');
    await shoot(page, 'officer-jobs', () => page.getByRole('heading', { name: 'My jobs' }).waitFor());

    await page.getByRole('link', { name: job.title }).first().click();
    await page.getByRole('heading', { name: job.title }).waitFor();
    await checkAccessible(page, 'officer job');
    await shoot(page, 'officer-job', () => page.getByRole('heading', { name: job.title }).waitFor());

    await context.setOffline(true);
    await page.getByText('No connection').waitFor();
    await page.getByRole('button', { name: 'Complete', exact: true }).click();
    await page.getByLabel(/What was done\?/).fill('Cleared and swept; area left safe.');
    await page.getByRole('button', { name: 'Complete', exact: true }).click();
    await page.getByText('1 change waiting to send.').waitFor();
    await shoot(page, 'officer-offline', () => page.getByText('1 change waiting to send.').waitFor());
    expect((await harness.store.getTask(job.id))?.status).toBe(job.status);

    await context.setOffline(false);
    await page.waitForFunction(() => !document.body.innerText.includes('waiting to send'), undefined, { timeout: 15_000 });
    const after = (await harness.store.getTask(job.id)) as Task;
    expect(after.status).toBe('completed');
    expect(after.resolution).toBe('Cleared and swept; area left safe.');
    await page.reload();
    await page.getByRole('heading', { name: 'My jobs' }).waitFor();
    const completions = (await harness.store.getTimeline(job.id)).filter((e) => e.toStatus === 'completed');
    expect(completions).toHaveLength(1);
    expect(completions[0].clientId).toMatch(/^[0-9a-f-]{36}$/);
    await context.close();
  });

  it('opens My jobs with no signal once the app has been installed (service worker shell, jobs saved on the device)', async () => {
    const officer = people.byRole('officer').find((o) => o.teams) as Officer;
    const holding = (await harness.store.listTasks({ assignedOfficer: officer.id, statuses: ['assigned', 'accepted', 'in_progress', 'on_hold'], limit: 1 })).total;
    const token = await harness.tokenFor(officer);
    const context = await browser.newContext({ viewport: SIZES.phone, locale: 'en-GB' });
    await context.addInitScript((value) => localStorage.setItem('wardline.tab.devToken', value), token);
    const page = await context.newPage();
    await page.goto(`${harness.url}/tab/#/jobs`);
    await page.getByRole('heading', { name: 'My jobs' }).waitFor();
    await page.evaluate(async () => { await navigator.serviceWorker.ready; });
    await page.reload();
    await page.waitForFunction(() => !!navigator.serviceWorker.controller);
    await page.getByRole('heading', { name: 'My jobs' }).waitFor();
    const manifest = await (await fetch(`${harness.url}/tab/manifest.webmanifest`)).json() as { start_url: string; icons: unknown[]; display: string };
    expect(manifest).toMatchObject({ start_url: '/tab/#/', display: 'standalone' });

    await context.setOffline(true);
    const fromWorker: boolean[] = [];
    page.on('response', (response) => { if (response.request().resourceType() === 'document') fromWorker.push(response.fromServiceWorker()); });
    await page.reload();
    await page.getByRole('heading', { name: 'My jobs' }).waitFor();
    await page.getByText('No connection').waitFor();
    expect(fromWorker).toEqual([true]);
    await expect(page.getByRole('list', { name: 'Open jobs' }).getByRole('listitem').count()).resolves.toBe(holding);
    await context.close();
  });

  it("lets a supervisor reassign a job, and the officer's view follows", async () => {
    const supervisor = people.byRole('supervisor').find((s) => (s.teams ?? '').includes('Street care')) as Officer;
    const team = 'Street care';
    const officers = people.people.filter((p) => p.role === 'officer' && (p.teams ?? '').split(',').map((t) => t.trim()).includes(team));
    const job = (await harness.store.listTasks({ assignedTeam: team, statuses: ['assigned', 'accepted'], limit: 200 })).items.find((t) => officers.some((o) => o.id === t.assignedOfficer)) as Task;
    expect(job).toBeDefined();
    const from = officers.find((o) => o.id === job.assignedOfficer) as Officer;
    const to = officers.find((o) => o.id !== from.id) as Officer;

    const officer = await signedIn(from, 'phone');
    await officer.page.goto(`${harness.url}/tab/#/jobs`);
    await officer.page.getByRole('link', { name: job.title }).first().waitFor();

    const { context, page } = await signedIn(supervisor);
    await page.goto(`${harness.url}/tab/#/board`);
    await page.getByRole('heading', { name: 'Team board' }).waitFor();
    await page.getByRole('heading', { name: /^Unassigned/ }).waitFor();
    await checkAccessible(page, 'team board');
    await shoot(page, 'supervisor-board', () => page.getByRole('heading', { name: /^Unassigned/ }).waitFor());
    const row = page.locator('.wl-case', { has: page.getByRole('link', { name: job.title }) }).first();
    await row.getByRole('button', { name: 'Reassign' }).click();
    await row.getByRole('combobox', { name: `Give ${job.reference} to` }).selectOption(to.id);
    await row.getByRole('textbox', { name: 'Reason (optional)' }).fill('Covering a sick colleague');
    await row.getByRole('button', { name: 'Save' }).click();
    await page.getByText(`${job.reference}: saved.`).waitFor();
    expect((await harness.store.getTask(job.id))?.assignedOfficer).toBe(to.id);

    await page.getByRole('button', { name: 'Map' }).click();
    await page.locator('.leaflet-interactive').first().waitFor();
    await checkAccessible(page, 'team map');
    await shoot(page, 'supervisor-map', () => page.waitForTimeout(400));

    await officer.page.reload();
    await officer.page.getByRole('heading', { name: 'My jobs' }).waitFor();
    await officer.page.waitForFunction(() => !document.querySelector('.wl-cards li'), undefined, { timeout: 1000 }).catch(() => undefined);
    await expect(officer.page.getByRole('link', { name: job.title }).count()).resolves.toBe(0);
    await officer.context.close();
    await context.close();
  });
});
