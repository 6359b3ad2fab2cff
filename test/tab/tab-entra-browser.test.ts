import { chromium, type Browser } from 'playwright-core';
import type { Officer, Task } from '@wardline/core';
import type { IdentityConfig } from '../../bot/src/identity';
import { startLoopbackEntra, type LoopbackEntra } from './loopback-entra';
import { api, demoPeople, startTabHarness, type TabHarness } from './tab-harness';

// The tab opened on its own (a browser tab, the installed field app on a phone) with an Entra app
// configured: it signs in with MSAL against a loopback "Entra-shaped" sign-in service (code flow
// with PKCE, by redirect), and the real service checks the token it gets. No internet.
jest.setTimeout(120_000);

const TENANT = '72f988bf-86f1-41af-91ab-2d7cd011db47';
const APP_ID = '6f1c2a3b-4d5e-4f60-8a7b-9c0d1e2f3a4b';
const PHONE = { width: 390, height: 844 };

let entra: LoopbackEntra;
let harness: TabHarness;
let browser: Browser;
let identity: Extract<IdentityConfig, { mode: 'entra' }>;
let people: Awaited<ReturnType<typeof demoPeople>>;

beforeAll(async () => {
  entra = await startLoopbackEntra({ tenant: TENANT, clientId: APP_ID });
  identity = {
    mode: 'entra', appId: APP_ID, tenantId: TENANT, audiences: [APP_ID, entra.app.appIdUri], issuers: [entra.issuer], jwksUrl: entra.jwksUrl,
    browser: { authority: entra.authority, scope: `${entra.app.appIdUri}/access_as_user`, redirectUri: '' },
  };
  harness = await startTabHarness({ identity, reports: 120 });
  // The service's address is known once it listens: the redirect address registered for the app.
  identity.browser.redirectUri = `${harness.url}/tab/`;
  entra.app.redirectUri = identity.browser.redirectUri;
  people = await demoPeople(harness.store);
  browser = await chromium.launch({ executablePath: '/usr/bin/chromium', headless: true, args: ['--no-sandbox', '--disable-background-networking', '--disable-component-update', '--disable-sync'] });
}, 60_000);
afterAll(async () => {
  await browser?.close();
  await harness?.close();
  await entra?.close();
});

/** An officer holding an accepted or in-progress job that needs no photo to complete. */
async function officerWithJob(): Promise<{ officer: Officer; job: Task }> {
  const candidates = (await harness.store.listTasks({ statuses: ['accepted', 'in_progress'], limit: 500 })).items;
  const types = new Map((await harness.store.listTaskTypes()).map((t) => [t.id, t]));
  const job = candidates.find((t) => t.assignedOfficer && !types.get(t.taskType)?.requirePhoto && people.people.find((p) => p.id === t.assignedOfficer)?.role === 'officer') as Task;
  expect(job).toBeDefined();
  return { officer: people.people.find((p) => p.id === job.assignedOfficer) as Officer, job };
}

describe('tab outside Teams with an Entra app (MSAL, loopback sign-in service)', () => {
  it('tells the page how to sign in outside Teams', async () => {
    const config = await api(harness, undefined, '/auth-config');
    expect(config.body).toEqual({ mode: 'entra', appId: APP_ID, tenantId: TENANT, authority: entra.authority, scope: `api://127.0.0.1/${APP_ID}/access_as_user`, redirectUri: `${harness.url}/tab/` });
  });

  it('signs an officer in by redirect (code flow with PKCE), shows their jobs, and keeps working with no signal', async () => {
    const { officer, job } = await officerWithJob();
    entra.person = { oid: officer.entraObjectId, name: officer.name, username: `${officer.name.replace(/\W+/g, '.').toLowerCase()}@council.example` };
    entra.requests.length = 0;
    // Tokens inside MSAL's renewal margin: every request needs a silent renewal (refresh token), so
    // with no signal the page cannot get a fresh one and must carry on offline.
    entra.lifetime = 240;
    const context = await browser.newContext({ viewport: PHONE, locale: 'en-GB', ignoreHTTPSErrors: true });
    const page = await context.newPage();
    const scripts: string[] = [];
    page.on('request', (request) => { if (request.resourceType() === 'script') scripts.push(new URL(request.url()).pathname); });
    await page.goto(`${harness.url}/tab/#/jobs/${job.reference}`);

    // Sent to the sign-in service and back, signed in, on the page they asked for.
    await page.getByRole('heading', { name: job.title }).waitFor();
    expect(page.url()).toBe(`${harness.url}/tab/#/jobs/${job.reference}`);
    const authorize = entra.requests.filter((r) => r.path.endsWith('/oauth2/v2.0/authorize'));
    expect(authorize).toHaveLength(1);
    expect(authorize[0].query).toMatchObject({ client_id: APP_ID, response_type: 'code', code_challenge_method: 'S256', response_mode: 'query', redirect_uri: `${harness.url}/tab/` });
    expect(authorize[0].query.scope.split(' ')).toContain(`api://127.0.0.1/${APP_ID}/access_as_user`);
    const redeemed = entra.requests.filter((r) => r.path.endsWith('/oauth2/v2.0/token'));
    expect(redeemed[0].form.grant_type).toBe('authorization_code');
    expect(redeemed[0].form.code_verifier).toMatch(/^[A-Za-z0-9_-]{43,128}$/);
    // Outside Teams the page never loads Teams' library.
    expect(scripts.some((s) => s.includes('teams'))).toBe(false);

    // My jobs, signed in; opening the page again needs no new sign-in (MSAL's cache on the device).
    await page.goto(`${harness.url}/tab/#/jobs`);
    await page.getByRole('heading', { name: 'My jobs' }).waitFor();
    await page.getByRole('link', { name: job.title }).first().waitFor();
    await page.getByText(officer.name).first().waitFor();
    await page.evaluate(async () => { await navigator.serviceWorker.ready; });
    await page.reload();
    await page.waitForFunction(() => !!navigator.serviceWorker.controller);
    await page.getByRole('link', { name: job.title }).first().waitFor();
    expect(entra.requests.filter((r) => r.path.endsWith('/authorize'))).toHaveLength(1);

    // Renewed silently with the refresh token, never by sending the officer to sign in again.
    expect(entra.requests.filter((r) => r.path.endsWith('/token')).slice(1).map((r) => r.form.grant_type)).toContain('refresh_token');
    expect(entra.requests.filter((r) => r.path.endsWith('/token')).every((r) => ['authorization_code', 'refresh_token'].includes(r.form.grant_type))).toBe(true);

    // No signal: the installed app opens with the officer's jobs and queues a completion.
    await context.setOffline(true);
    const renewalsBefore = entra.requests.filter((r) => r.form.grant_type === 'refresh_token').length;
    await page.reload();
    await page.getByRole('heading', { name: 'My jobs' }).waitFor();
    await page.getByText('No connection').waitFor();
    await page.getByRole('link', { name: job.title }).first().click();
    await page.getByRole('heading', { name: job.title }).waitFor();
    await page.getByRole('button', { name: 'Complete', exact: true }).click();
    await page.getByLabel(/What was done\?/).fill('Cleared with no signal; signed in through the browser.');
    await page.getByRole('button', { name: 'Complete', exact: true }).click();
    await page.getByText('1 change waiting to send.').waitFor();
    expect((await harness.store.getTask(job.id))?.status).toBe(job.status);

    // Back online: the queued change is sent with an Entra token, once, and no new sign-in was needed.
    await context.setOffline(false);
    await page.waitForFunction(() => !document.body.innerText.includes('waiting to send'), undefined, { timeout: 20_000 });
    const after = (await harness.store.getTask(job.id)) as Task;
    expect(after.status).toBe('completed');
    expect((await harness.store.getTimeline(job.id)).filter((e) => e.toStatus === 'completed')).toHaveLength(1);
    expect(entra.requests.filter((r) => r.path.endsWith('/authorize'))).toHaveLength(1);
    expect(entra.requests.filter((r) => r.form.grant_type === 'refresh_token').length).toBeGreaterThan(renewalsBefore);
    entra.lifetime = 3600;
    await context.close();
  });

  it('sends the officer to sign in again when the renewal is refused, keeping the change made with no signal', async () => {
    const { officer, job } = await officerWithJob();
    entra.person = { oid: officer.entraObjectId, name: officer.name, username: 'second.officer@council.example' };
    entra.requests.length = 0;
    entra.lifetime = 240;
    const context = await browser.newContext({ viewport: PHONE, locale: 'en-GB', ignoreHTTPSErrors: true, serviceWorkers: 'block' });
    const page = await context.newPage();
    await page.goto(`${harness.url}/tab/#/jobs/${job.reference}`);
    await page.getByRole('heading', { name: job.title }).waitFor();

    await context.setOffline(true);
    await page.getByText('No connection').waitFor();
    await page.getByRole('button', { name: 'Complete', exact: true }).click();
    await page.getByLabel(/What was done\?/).fill('Done while the sign-in lapsed.');
    await page.getByRole('button', { name: 'Complete', exact: true }).click();
    await page.getByText('1 change waiting to send.').waitFor();

    // Meanwhile the refresh token lapses: back online, the renewal is refused, so the page goes to
    // the sign-in service, comes back to the same job, and then sends the change, once.
    entra.revokeRefreshTokens();
    await context.setOffline(false);
    for (let waited = 0; waited < 30_000 && (await harness.store.getTask(job.id))?.status !== 'completed'; waited += 200) await new Promise((resolve) => setTimeout(resolve, 200));
    expect((await harness.store.getTask(job.id))?.status).toBe('completed');
    expect(entra.requests.filter((r) => r.path.endsWith('/authorize'))).toHaveLength(2);
    expect(entra.requests.some((r) => r.form.grant_type === 'refresh_token')).toBe(true);
    await page.getByRole('heading', { name: job.title }).waitFor();
    expect(page.url()).toBe(`${harness.url}/tab/#/jobs/${job.reference}`);
    expect((await harness.store.getTimeline(job.id)).filter((e) => e.toStatus === 'completed')).toHaveLength(1);
    entra.lifetime = 3600;
    await context.close();
  });

  it("accepts the sign-in service's token for the app and refuses one from another issuer, as before", async () => {
    const { officer } = await officerWithJob();
    const person = { oid: officer.entraObjectId, name: officer.name, username: 'officer@council.example' };
    const good = await api(harness, await entra.accessToken(person), '/me');
    expect(good.status).toBe(200);
    const wrongIssuer = await api<{ code: string; message: string }>(harness, await entra.accessToken(person, { iss: `https://login.microsoftonline.com/${TENANT}/v2.0` }), '/me');
    expect(wrongIssuer.status).toBe(401);
    expect(wrongIssuer.body.code).toBe('WL-ID-002');
    expect(wrongIssuer.body.message).toContain('iss');
    const wrongAudience = await api<{ code: string }>(harness, await entra.accessToken(person, { aud: '00000003-0000-0000-c000-000000000000' }), '/me');
    expect(wrongAudience.status).toBe(401);
  });
});
