import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openSqliteStore, type Officer } from '@wardline/core';
import { ReportDrafts } from '@wardline/bot/teams';
import { activityFrom, HIGH_STREET, people, startHarness, type Harness } from './support/harness';
import { LoopbackConnector } from './support/loopback-connector';
import { killService, startService, type ServiceProcess } from './support/service-process';

/**
 * Raising a job from the field in the chat: "report TYPE: DESCRIPTION", then the location Teams
 * mobile shares as a message of its own. The draft between the two is kept in the bot's side
 * file, so a restart of the service in between loses nothing.
 */
const located = (latitude: number, longitude: number) => ({ text: '', entities: [{ type: 'Place', geo: { type: 'GeoCoordinates', latitude, longitude } }] });
const textsIn = (connector: LoopbackConnector, conversationId: string): string[] => connector.cardsIn(conversationId).map((a) => (typeof a.text === 'string' ? a.text : JSON.stringify(a.attachments ?? '')));

describe('field report in the chat', () => {
  let h: Harness;
  afterEach(async () => h.close());

  it('waits for the location, then raises the job once, routed like any report', async () => {
    h = await startHarness();
    await h.post(activityFrom(h, people.sam, { type: 'message', text: 'report fly-tipping: fridge dumped in the lay-by' }));
    expect(textsIn(h.connector, 'a:chat-off-sam').at(-1)).toContain('Got it: fly-tipping. Now share your location');
    expect((await h.store.listTasks({})).total).toBe(0);

    await h.post(activityFrom(h, people.sam, { type: 'message', ...located(HIGH_STREET.latitude, HIGH_STREET.longitude) }));
    const { items } = await h.store.listTasks({});
    expect(items).toHaveLength(1);
    expect(items[0]).toMatchObject({ description: 'fridge dumped in the lay-by', sourceChannel: 'teams', ward: 'E36002735' });
    expect(textsIn(h.connector, 'a:chat-off-sam').some((t) => t.includes(`Raised job ${items[0].reference}`))).toBe(true);

    // The draft was used up: another location alone raises nothing and says how to report.
    await h.post(activityFrom(h, people.sam, { type: 'message', ...located(HIGH_STREET.latitude, HIGH_STREET.longitude) }));
    expect(textsIn(h.connector, 'a:chat-off-sam').at(-1)).toContain('Thanks for the location. Say **report**');
    expect((await h.store.listTasks({})).total).toBe(1);
  });

  it('a draft whose job was stored just before a crash (the draft not yet cleared) finds that job instead of raising another', async () => {
    h = await startHarness();
    await h.post(activityFrom(h, people.sam, { type: 'message', text: 'report fly-tipping: tyres in the hedge' }));
    const drafts = new ReportDrafts(join(h.folder, 'teams.db'));
    const draft = drafts.get('off-sam')!;
    await h.post(activityFrom(h, people.sam, { type: 'message', ...located(HIGH_STREET.latitude, HIGH_STREET.longitude) }));
    const [job] = (await h.store.listTasks({})).items;
    // As if the service died after the job was stored and before the draft was cleared.
    drafts.save('off-sam', draft);
    drafts.close();
    await h.post(activityFrom(h, people.sam, { type: 'message', ...located(HIGH_STREET.latitude, HIGH_STREET.longitude) }));
    expect(textsIn(h.connector, 'a:chat-off-sam').some((t) => t.includes(`Already recorded as job ${job.reference}`))).toBe(true);
    expect((await h.store.listTasks({})).total).toBe(1);
  });

  it('a refused draft (a type Wardline does not have) is dropped with the reason', async () => {
    h = await startHarness();
    await h.post(activityFrom(h, people.sam, { type: 'message', text: 'report unicorns: one in the park' }));
    await h.post(activityFrom(h, people.sam, { type: 'message', ...located(HIGH_STREET.latitude, HIGH_STREET.longitude) }));
    expect(textsIn(h.connector, 'a:chat-off-sam').at(-1)).toContain('The job was not raised');
    await h.post(activityFrom(h, people.sam, { type: 'message', ...located(HIGH_STREET.latitude, HIGH_STREET.longitude) }));
    expect(textsIn(h.connector, 'a:chat-off-sam').at(-1)).toContain('Thanks for the location');
    expect((await h.store.listTasks({})).total).toBe(0);
  });
});

describe('field report across a restart of the service', () => {
  // A point in Abbeygate ward of the demo council (as the playground test uses).
  const ABBEYGATE = { latitude: 51.88205, longitude: 0.866903 };
  let folder: string;
  let connector: LoopbackConnector;
  let service: ServiceProcess | undefined;

  beforeAll(async () => {
    folder = mkdtempSync(join(tmpdir(), 'wardline-field-report-'));
    connector = await new LoopbackConnector().start();
  });
  afterAll(async () => {
    if (service) await killService(service);
    await connector.stop();
    rmSync(folder, { recursive: true, force: true });
  });

  const post = async (url: string, activity: Record<string, unknown>) => {
    const response = await fetch(`${url}/api/messages`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(activity) });
    expect(response.status).toBe(200);
  };
  const from = (officer: Officer, over: Record<string, unknown>) => ({
    type: 'message', channelId: 'msteams', serviceUrl: connector.url, id: `act-${Math.random().toString(36).slice(2)}`, timestamp: new Date().toISOString(),
    from: { id: `29:${officer.id}`, name: officer.name, aadObjectId: officer.entraObjectId }, recipient: { id: '28:wardline-bot', name: 'Wardline' },
    conversation: { id: `a:chat-${officer.id}`, conversationType: 'personal', tenantId: 'tenant-1' }, channelData: { tenant: { id: 'tenant-1' } }, ...over,
  });

  it('the report started before the service was killed is raised when the location arrives after the restart', async () => {
    const dbPath = join(folder, 'wardline.db');
    service = await startService(dbPath, folder);
    const reader = openSqliteStore({ path: dbPath, readonly: true });
    const officer = (await reader.listOfficers({ role: 'officer' }))[0];
    const before = (await reader.listTasks({})).total;
    await reader.close();

    await post(service.url, from(officer, { text: 'report fly-tipping: mattress and a sofa behind the bus shelter' }));
    expect(textsIn(connector, `a:chat-${officer.id}`).at(-1)).toContain('Got it: fly-tipping');
    await killService(service);
    expect(service.child.signalCode).toBe('SIGKILL');

    service = await startService(dbPath, folder);
    await post(service.url, from(officer, located(ABBEYGATE.latitude, ABBEYGATE.longitude)));
    const store = openSqliteStore({ path: dbPath, readonly: true });
    const raised = (await store.listTasks({ sourceChannel: 'teams' })).items.filter((t) => t.description === 'mattress and a sofa behind the bus shelter');
    const after = (await store.listTasks({})).total;
    await store.close();
    expect(raised).toHaveLength(1);
    expect(raised[0]).toMatchObject({ description: 'mattress and a sofa behind the bus shelter', sourceChannel: 'teams' });
    expect(after).toBe(before + 1);
    expect(textsIn(connector, `a:chat-${officer.id}`).some((t) => t.includes(`Raised job ${raised[0].reference}`))).toBe(true);
  }, 200_000);
});
