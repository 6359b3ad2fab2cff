import { openTaskService, readCouncilSettings } from '@wardline/core';
import { SlidingWindowLimiter } from '@wardline/bot/teams';
import { activityFrom, HIGH_STREET, people, startHarness, type Harness } from './support/harness';

/** The Teams outbox channel against the loopback connector: limits, retries, gone chats, exactly once. */
let h: Harness;
beforeEach(async () => (h = await startHarness()));
afterEach(async () => h.close());

const settings = readCouncilSettings({ WARDLINE_COUNCIL_NAME: 'Colchester City Council', WARDLINE_SERVICE_URL: 'https://wardline.colchester.example' });
async function assignedEvent() {
  const service = await openTaskService({ store: h.store, settings });
  const { task } = await service.report({ taskTypeCode: 'fly-tipping', description: 'Sofa on the verge', ...HIGH_STREET, source: 'cli' });
  const events = await h.store.listOutbox({ taskId: task.id, channel: 'teams' });
  return { task, event: events.find((e) => e.recipient === 'off-sam')! };
}

describe('Teams channel', () => {
  it('retries 429 and 502 with backoff, honouring Retry-After, and delivers once', async () => {
    await h.post(activityFrom(h, people.sam, { type: 'installationUpdate', action: 'add' }));
    const { event } = await assignedEvent();
    h.connector.scripted.push({ status: 429, code: 'Throttled', retryAfter: 1 }, { status: 502, code: 'BadGateway' });
    const started = Date.now();
    expect(await h.runtime.channel.deliver(event)).toEqual({ outcome: 'delivered' });
    expect(Date.now() - started).toBeGreaterThanOrEqual(1000);
    expect(h.runtime.channel.stats.retriedResponses).toEqual({ 429: 1, 502: 1 });
    const sends = h.connector.calls.filter((c) => c.conversationId === 'a:chat-off-sam' && c.method === 'POST');
    expect(sends.map((c) => c.status)).toEqual([201, 429, 502, 201]);
    // The dispatcher delivers the same event again (a crash before it recorded the delivery): nothing is sent.
    expect(await h.runtime.channel.deliver(event)).toEqual({ outcome: 'delivered', detail: 'already delivered earlier; nothing sent' });
    expect(h.connector.calls.filter((c) => c.conversationId === 'a:chat-off-sam' && c.status === 201)).toHaveLength(2);
  });

  it('hands repeated passing failures back to the dispatcher to retry later', async () => {
    await h.post(activityFrom(h, people.sam, { type: 'installationUpdate', action: 'add' }));
    const { event } = await assignedEvent();
    h.connector.scripted.push({ status: 504, code: 'GatewayTimeout' }, { status: 504, code: 'GatewayTimeout' }, { status: 412, code: 'PreconditionFailed' });
    const result = await h.runtime.channel.deliver(event);
    expect(result).toMatchObject({ outcome: 'retry' });
    expect(result.outcome === 'retry' && result.reason).toContain('HTTP 412');
  });

  it('does not retry a chat that is gone: marks the person unreachable and tells their supervisor', async () => {
    await h.post(activityFrom(h, people.sam, { type: 'installationUpdate', action: 'add' }));
    await h.post(activityFrom(h, people.ruth, { type: 'installationUpdate', action: 'add' }));
    const { event, task } = await assignedEvent();
    h.connector.gone.add('a:chat-off-sam');
    const result = await h.runtime.channel.deliver(event);
    expect(result).toMatchObject({ outcome: 'failed' });
    expect(result.outcome === 'failed' && result.reason).toContain('BotNotInConversationRoster');
    expect(h.connector.calls.filter((c) => c.conversationId === 'a:chat-off-sam' && c.status === 403)).toHaveLength(1);
    expect((await h.store.getOfficer('off-sam'))!.conversationStale).toBe(true);
    await h.drain();
    const alert = h.connector.cardsIn('a:chat-sup-ruth').map((a) => JSON.stringify(a)).find((a) => a.includes('Could not reach an officer in Teams'));
    expect(alert).toContain(task.reference);
    expect(alert).toContain('Sam Patel');
    // Sam comes back (any message in the chat): the record is fresh again.
    h.connector.gone.delete('a:chat-off-sam');
    await h.post(activityFrom(h, people.sam, { type: 'message', text: 'help' }));
    expect((await h.store.getOfficer('off-sam'))!.conversationStale).toBe(false);
  });

  it('an officer with no chat yet: a personal chat is opened when Teams allows it, else the supervisor is told', async () => {
    await h.post(activityFrom(h, people.ruth, { type: 'installationUpdate', action: 'add' }));
    const { event } = await assignedEvent();
    h.connector.notInstalled.add('aad-off-sam');
    expect(await h.runtime.channel.deliver(event)).toMatchObject({ outcome: 'failed' });
    expect((await h.store.getOfficer('off-sam'))!.conversationStale).toBe(true);
    h.connector.notInstalled.delete('aad-off-sam');
    expect(await h.runtime.channel.deliver({ ...event, idempotencyKey: `${event.idempotencyKey}:again` })).toEqual({ outcome: 'delivered' });
    expect(JSON.parse((await h.store.getOfficer('off-sam'))!.conversationReference!)).toMatchObject({ conversationId: 'a:personal-aad-off-sam' });
  });

  it('a new card answered with 504 (Teams may have posted it) is retried by updating the job card the person holds, not by posting again', async () => {
    await h.post(activityFrom(h, people.sam, { type: 'installationUpdate', action: 'add' }));
    const { event, task } = await assignedEvent();
    expect(await h.runtime.channel.deliver(event)).toEqual({ outcome: 'delivered' });
    const jobCard = h.connector.calls.filter((c) => c.conversationId === 'a:chat-off-sam' && c.method === 'POST' && c.status === 201).at(-1)!;
    const overdue = { ...event, id: `${event.id}-overdue`, eventType: 'task.overdue', idempotencyKey: `task.overdue:${task.id}:1:teams:off-sam`, payload: JSON.stringify({ eventType: 'task.overdue', taskId: task.id, rowVersion: task.rowVersion, reason: 'assignee' }) };
    h.connector.scripted.push({ status: 504, code: 'GatewayTimeout' });
    expect(await h.runtime.channel.deliver(overdue)).toMatchObject({ outcome: 'delivered', detail: expect.stringContaining('replaced') });
    const calls = h.connector.calls.filter((c) => c.conversationId === 'a:chat-off-sam' && c.at >= jobCard.at && c !== jobCard);
    expect(calls.map((c) => [c.method, c.status])).toEqual([['POST', 504], ['PUT', 200]]);
    expect(calls[1].activityId).toBe(jobCard.postedId);
    expect(JSON.stringify(calls[1].body)).toContain('This job is overdue');
    expect(h.runtime.channel.stats).toMatchObject({ replaced: 1 });
  });

  it('a new card refused with 429 is sure not to have been posted: the retry posts it', async () => {
    await h.post(activityFrom(h, people.sam, { type: 'installationUpdate', action: 'add' }));
    const { event, task } = await assignedEvent();
    expect(await h.runtime.channel.deliver(event)).toEqual({ outcome: 'delivered' });
    const overdue = { ...event, id: `${event.id}-overdue`, eventType: 'task.overdue', idempotencyKey: `task.overdue:${task.id}:1:teams:off-sam`, payload: JSON.stringify({ eventType: 'task.overdue', taskId: task.id, rowVersion: task.rowVersion, reason: 'assignee' }) };
    h.connector.scripted.push({ status: 429, code: 'Throttled' }, { status: 429, code: 'Throttled' }, { status: 429, code: 'Throttled' });
    expect(await h.runtime.channel.deliver(overdue)).toMatchObject({ outcome: 'retry' });
    // The dispatcher tries again later: all three calls were refused, so this is a plain post.
    expect(await h.runtime.channel.deliver(overdue)).toEqual({ outcome: 'delivered' });
    const overdueCalls = h.connector.calls.filter((c) => c.conversationId === 'a:chat-off-sam' && JSON.stringify(c.body ?? {}).includes('This job is overdue'));
    expect(overdueCalls.map((c) => [c.method, c.status])).toEqual([['POST', 429], ['POST', 429], ['POST', 429], ['POST', 201]]);
    expect(h.runtime.channel.stats).toMatchObject({ replaced: 0 });
  });

  it('keeps at most one send a second in a chat', async () => {
    await h.post(activityFrom(h, people.sam, { type: 'installationUpdate', action: 'add' }));
    const { event } = await assignedEvent();
    for (let i = 0; i < 3; i += 1) await h.runtime.channel.deliver({ ...event, idempotencyKey: `${event.idempotencyKey}:${i}` });
    const times = h.connector.calls.filter((c) => c.conversationId === 'a:chat-off-sam' && c.method === 'POST' && c.status === 201).slice(1).map((c) => c.at);
    expect(times).toHaveLength(3);
    expect(times[1] - times[0]).toBeGreaterThanOrEqual(950);
    expect(times[2] - times[1]).toBeGreaterThanOrEqual(950);
  });
});

describe('SlidingWindowLimiter', () => {
  it('books the earliest moment every window allows', () => {
    let now = 0;
    const limiter = new SlidingWindowLimiter([{ limit: 7, windowMs: 1000 }, { limit: 8, windowMs: 2000 }], () => now);
    const waits = Array.from({ length: 9 }, () => limiter.reserve('chat'));
    expect(waits).toEqual([0, 0, 0, 0, 0, 0, 0, 1000, 2000]);
    now = 5000;
    expect(limiter.reserve('chat')).toBe(0);
    expect(limiter.reserve('other')).toBe(0);
  });
});
