import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { openTaskService, readCouncilSettings } from '@wardline/core';
import { activityFrom, HIGH_STREET, people, startHarness, type Harness } from './support/harness';

/**
 * The Teams bot over HTTP: Teams-shaped activities posted to /api/messages on the real Agents SDK
 * adapter, every outbound Bot Connector call captured by the loopback connector, the job in a real
 * SQLite store.
 */
let h: Harness;
beforeEach(async () => (h = await startHarness()));
afterEach(async () => h.close());

type CardBody = { type: string; text?: string; items?: CardBody[]; facts?: { title: string; value: string }[] };
const cardText = (card: { body: CardBody[] }): string => JSON.stringify(card.body);
const cardOf = (activity: Record<string, unknown>) => ((activity.attachments as { content: { body: CardBody[]; actions?: { title: string; data?: Record<string, unknown> }[] } }[])[0]).content;
const invoke = (who: Partial<typeof people.sam>, verb: string, data: Record<string, unknown>) =>
  h.post(activityFrom(h, who, { type: 'invoke', name: 'adaptiveCard/action', value: { action: { type: 'Action.Execute', verb, data: { ...data, wlVerb: verb } }, trigger: 'manual' } }));

async function install(who: Partial<typeof people.sam>) {
  const answer = await h.post(activityFrom(h, who, { type: 'installationUpdate', action: 'add' }));
  expect(answer.status).toBe(200);
}

async function report(taskTypeCode = 'fly-tipping') {
  const service = await openTaskService({ store: h.store, settings: readCouncilSettings({ WARDLINE_COUNCIL_NAME: 'Colchester City Council', WARDLINE_SERVICE_URL: 'https://wardline.colchester.example' }) });
  return (await service.report({ taskTypeCode, description: 'Mattress and bags by the bus stop', ...HIGH_STREET, address: '12 High Street, Colchester', source: 'cli', reporter: { name: 'Pat Resident', email: 'pat@example.com' } })).task;
}

describe('Teams bot over HTTP', () => {
  it('registers a personal chat on install and welcomes the person', async () => {
    await install(people.sam);
    const sam = await h.store.getOfficer('off-sam');
    expect(JSON.parse(sam!.conversationReference!)).toMatchObject({ v: 1, serviceUrl: h.connector.url, conversationId: 'a:chat-off-sam', userId: '29:off-sam', aadObjectId: 'aad-off-sam', botId: '28:wardline-bot', tenantId: 'tenant-1' });
    const [welcome] = h.connector.cardsIn('a:chat-off-sam');
    expect(cardText(cardOf(welcome))).toContain('Hello Sam Patel');
    // Teams follows a personal install with conversationUpdate (bot added): still one welcome.
    await h.post(activityFrom(h, people.sam, { type: 'conversationUpdate', membersAdded: [{ id: '28:wardline-bot' }] }));
    expect(h.connector.cardsIn('a:chat-off-sam')).toHaveLength(1);
  });

  it('officer journey: job card, accept, stale card, refusal for someone else, start, photo, complete by the fallback; councillor told', async () => {
    for (const who of [people.sam, people.alex, people.ruth, people.cox]) await install(who);
    const task = await report();
    expect(task.assignedOfficer).toBe('off-sam');
    await h.drain();
    const samCards = h.connector.cardsIn('a:chat-off-sam').map(cardOf);
    const jobCard = samCards.find((c) => cardText(c).includes(task.reference))!;
    expect(jobCard.actions!.map((a) => a.title)).toEqual(['Accept', 'Decline', 'Open in Wardline']);
    expect(cardText(jobCard)).toContain('Mattress and bags by the bus stop');
    const councillorCard = h.connector.cardsIn('a:chat-cllr-cox').map(cardOf).find((c) => cardText(c).includes('New job in your ward'))!;
    expect(cardText(councillorCard)).not.toContain('Pat Resident');

    // Accept from the card (Action.Execute invoke): the job moves, the card comes back updated.
    const accepted = await invoke(people.sam, 'accept', { taskId: task.id, rowVersion: task.rowVersion });
    expect(accepted.status).toBe(200);
    expect(accepted.body).toMatchObject({ statusCode: 200, type: 'application/vnd.microsoft.card.adaptive' });
    const acceptedCard = (accepted.body as { value: { body: CardBody[]; actions: { title: string }[] } }).value;
    expect(cardText(acceptedCard)).toContain('You accepted this job');
    expect(acceptedCard.actions.map((a) => a.title)).toEqual(['Start', 'Put on hold', 'Complete', 'Could not complete', 'Open in Wardline']);
    const afterAccept = (await h.store.getTask(task.id))!;
    expect(afterAccept).toMatchObject({ status: 'accepted', rowVersion: task.rowVersion + 1 });

    // Teams retries the same invoke (or an old card is pressed): the current card comes back, nothing is applied twice.
    const again = await invoke(people.sam, 'accept', { taskId: task.id, rowVersion: task.rowVersion });
    expect(cardText((again.body as { value: { body: CardBody[] } }).value)).toContain('This job changed since this card was sent');
    expect((await h.store.getTask(task.id))!.rowVersion).toBe(afterAccept.rowVersion);

    // Someone who may not act: refused on the card, nothing changes.
    const refused = await invoke(people.alex, 'start', { taskId: task.id, rowVersion: afterAccept.rowVersion });
    expect(cardText((refused.body as { value: { body: CardBody[] } }).value)).toContain('Not done: Alex Jones may not start job');
    const councillorTry = await invoke(people.cox, 'complete', { taskId: task.id, rowVersion: afterAccept.rowVersion, 'complete.publicNote': 'x' });
    expect(cardText((councillorTry.body as { value: { body: CardBody[] } }).value)).toContain('councillors may raise, follow and add notes');
    expect((await h.store.getTask(task.id))!.rowVersion).toBe(afterAccept.rowVersion);

    await invoke(people.sam, 'start', { taskId: task.id, rowVersion: afterAccept.rowVersion });
    expect((await h.store.getTask(task.id))!.status).toBe('in_progress');

    // A photo in the chat while the job is in progress: downloaded from the connector, type-checked, on the timeline.
    const png = Buffer.from('89504e470d0a1a0a0000000d4948445200000001000000010806000000', 'hex');
    h.connector.files.set('/files/photo-1', { bytes: png, type: 'image/png', needsToken: true });
    const photo = await h.post(activityFrom(h, people.sam, { type: 'message', text: '', attachments: [{ contentType: 'image/png', contentUrl: `${h.connector.url}files/photo-1`, name: 'photo.png' }] }));
    expect(photo.status).toBe(200);
    const timeline = await h.store.getTimeline(task.id);
    const entry = timeline.find((e) => e.kind === 'photo')!;
    expect(entry.attachmentType).toBe('image/png');
    const file = /\/api\/teams\/media\/([^/]+)\/([^/]+)$/.exec(entry.attachmentUrl!)!;
    expect(existsSync(join(h.folder, 'media', file[1], file[2]))).toBe(true);
    const served = await fetch(`${h.url}/api/teams/media/${file[1]}/${file[2]}`);
    expect(served.headers.get('content-type')).toBe('image/png');
    expect(h.connector.cardsIn('a:chat-off-sam').some((a) => a.text === `Photo added to ${task.reference}.`)).toBe(true);
    // Something that is not a picture is refused.
    h.connector.files.set('/files/not-photo', { bytes: Buffer.from('<html>'), type: 'image/png', needsToken: true });
    await h.post(activityFrom(h, people.sam, { type: 'message', attachments: [{ contentType: 'image/png', contentUrl: `${h.connector.url}files/not-photo` }] }));
    expect(h.connector.cardsIn('a:chat-off-sam').some((a) => String(a.text).includes('it is not a JPEG, PNG, GIF or WebP picture'))).toBe(true);

    // Complete through the Action.Submit fallback (a message with the card's data): the card is updated in place.
    const current = (await h.store.getTask(task.id))!;
    const fallback = await h.post(activityFrom(h, people.sam, { type: 'message', replyToId: 'activity-card-1', value: { wlVerb: 'complete', taskId: task.id, rowVersion: current.rowVersion, 'complete.publicNote': 'Cleared and swept', 'complete.internalNote': 'Two bags of glass' } }));
    expect(fallback.status).toBe(200);
    expect((await h.store.getTask(task.id))!).toMatchObject({ status: 'completed', resolution: 'Cleared and swept' });
    const update = h.connector.calls.find((c) => c.method === 'PUT' && c.activityId === 'activity-card-1')!;
    expect(cardText(cardOf(update.body!))).toContain('Job completed. Thank you');

    await h.drain();
    const completedNotice = h.connector.cardsIn('a:chat-cllr-cox').map(cardOf).find((c) => cardText(c).includes('Job completed'))!;
    expect(cardText(completedNotice)).toContain('Cleared and swept');
    expect(cardText(completedNotice)).not.toContain('Two bags of glass');
  });

  it('chat commands: my jobs, job REF, off duty, help', async () => {
    await install(people.sam);
    const task = await report();
    await h.post(activityFrom(h, people.sam, { type: 'message', text: 'my jobs' }));
    await h.post(activityFrom(h, people.sam, { type: 'message', text: `job ${task.reference.toLowerCase()}` }));
    await h.post(activityFrom(h, people.sam, { type: 'message', text: 'off duty' }));
    await h.post(activityFrom(h, people.sam, { type: 'message', text: 'help' }));
    const sent = h.connector.cardsIn('a:chat-off-sam');
    const texts = sent.map((a) => (a.attachments ? cardText(cardOf(a)) : String(a.text)));
    expect(texts[1]).toContain('Your open jobs');
    expect(texts[1]).toContain(task.reference);
    expect(texts[2]).toContain('Mattress and bags');
    expect(texts[3]).toContain('You are off duty');
    expect((await h.store.getOfficer('off-sam'))!.onDuty).toBe(false);
    expect(texts[4]).toContain('You can say:');
  });

  it('pool dispatch: the first to accept takes it; everyone else is told it is taken', async () => {
    for (const who of [people.sam, people.alex, people.ann, people.ruth]) await install(who);
    await h.store.updateOfficer('off-sam', { teams: 'Street care,Graffiti pool' });
    await h.store.updateOfficer('off-alex', { teams: 'Street care,Graffiti pool', patch: 'E36002735' });
    const task = await report('graffiti');
    expect(task).toMatchObject({ status: 'new', dispatchMode: 'pool', assignedOfficer: null });
    await h.drain();
    const offered = (await h.store.listOutbox({ taskId: task.id, channel: 'teams' })).filter((e) => e.eventType === 'task.offered').map((e) => e.recipient).sort();
    expect(offered.length).toBeGreaterThanOrEqual(2);
    const [first, ...others] = offered as string[];
    const firstPerson = Object.values(people).find((p) => p.id === first)!;
    const answer = await invoke(firstPerson, 'accept', { taskId: task.id, rowVersion: task.rowVersion });
    expect(cardText((answer.body as { value: { body: CardBody[] } }).value)).toContain('You accepted this job');
    await h.drain();
    for (const other of others) {
      const put = h.connector.calls.filter((c) => c.method === 'PUT' && c.conversationId === `a:chat-${other}`).at(-1)!;
      expect(cardText(cardOf(put.body!))).toContain(`Taken by ${firstPerson.name}`);
      expect(cardOf(put.body!).actions!.map((a) => a.title)).toEqual(['Open in Wardline']);
    }
  });

  it('message extension search finds open jobs and offers shareable cards without personal data', async () => {
    await install(people.ruth);
    const task = await report();
    const answer = await h.post(activityFrom(h, people.ruth, { type: 'invoke', name: 'composeExtension/query', value: { commandId: 'findJob', parameters: [{ name: 'query', value: 'High Street' }] } }));
    const result = (answer.body as { composeExtension: { type: string; attachments: { content: { body: CardBody[] }; preview: { content: { title: string } } }[] } }).composeExtension;
    expect(result.type).toBe('result');
    expect(result.attachments[0].preview.content.title).toContain(task.reference);
    expect(cardText(result.attachments[0].content)).not.toContain('Pat Resident');
  });
});
