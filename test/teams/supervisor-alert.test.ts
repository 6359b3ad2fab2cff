import { openTaskService, readCouncilSettings } from '@wardline/core';
import { activityFrom, HIGH_STREET, people, startHarness, type Harness } from './support/harness';

/**
 * "Declined with no taker" over HTTP: when the assignee declines, or every person offered a pool
 * job declines it, the team's supervisor gets an alert card through the outbox, and one tap on
 * it gives the job to another officer, whose card then arrives.
 */
let h: Harness;
afterEach(async () => h.close());

type CardBody = { type: string; text?: string; items?: CardBody[]; facts?: { title: string; value: string }[] };
type CardAction = { type: string; title: string; data?: Record<string, unknown>; card?: { body: { type: string; id?: string; choices?: { title: string; value: string }[] }[]; actions?: CardAction[] } };
type Card = { body: CardBody[]; actions?: CardAction[] };
const cardText = (card: Card): string => JSON.stringify(card.body);
const cardOf = (activity: Record<string, unknown>): Card => ((activity.attachments as { content: Card }[])[0]).content;
const invoke = (who: Partial<typeof people.sam>, verb: string, data: Record<string, unknown>) =>
  h.post(activityFrom(h, who, { type: 'invoke', name: 'adaptiveCard/action', value: { action: { type: 'Action.Execute', verb, data: { ...data, wlVerb: verb } }, trigger: 'manual' } }));
const answerCard = (answer: { body: unknown }): Card => (answer.body as { value: Card }).value;
const alertsFor = (chat: string): Card[] => h.connector.cardsIn(chat).filter((a) => a.attachments).map(cardOf).filter((c) => cardText(c).includes('Declined: nobody has it'));

async function report(taskTypeCode: string) {
  const service = await openTaskService({ store: h.store, settings: readCouncilSettings({ WARDLINE_COUNCIL_NAME: 'Colchester City Council', WARDLINE_SERVICE_URL: 'https://wardline.colchester.example' }) });
  return (await service.report({ taskTypeCode, description: 'Tags on the underpass wall', ...HIGH_STREET, address: '12 High Street, Colchester', source: 'cli' })).task;
}

/** Presses Reassign on the alert with the first officer offered, as Teams sends the form. */
async function reassignFromAlert(alert: Card, choose: string) {
  const reassign = alert.actions!.find((a) => a.title === 'Reassign')!;
  expect(reassign.type).toBe('Action.ShowCard');
  const choices = reassign.card!.body.find((e) => e.type === 'Input.ChoiceSet')!.choices!;
  expect(choices.map((c) => c.value)).toContain(choose);
  const submit = reassign.card!.actions![0];
  return invoke(people.ruth, 'reassign', { ...submit.data, 'reassign.officer': choose });
}

describe('supervisor alert: declined with no taker', () => {
  it('a pool job every recipient declines: the supervisor is told only after the last decline, and reassigns in one tap', async () => {
    // Who works in which team is set before the service starts: the task service reads people when it opens.
    h = await startHarness({
      prepare: async (store) => {
        for (const id of ['off-sam', 'off-alex', 'sup-ruth']) await store.updateOfficer(id, { teams: 'Street care,Graffiti pool' });
      },
    });
    for (const who of [people.sam, people.alex, people.ann, people.ruth]) await install(who);
    const task = await report('graffiti');
    expect(task).toMatchObject({ status: 'new', dispatchMode: 'pool', assignedOfficer: null });
    await h.drain();
    const offered = (await h.store.listOutbox({ taskId: task.id, channel: 'teams' })).filter((e) => e.eventType === 'task.offered').map((e) => e.recipient as string);
    expect(offered.length).toBeGreaterThanOrEqual(2);
    const person = (id: string) => Object.values(people).find((p) => p.id === id)!;

    for (const [index, id] of offered.entries()) {
      const current = (await h.store.getTask(task.id))!;
      const answer = await invoke(person(id), 'decline', { taskId: task.id, rowVersion: current.rowVersion, 'decline.reason': index === offered.length - 1 ? 'Van off the road today' : 'Too far away' });
      expect(cardText(answerCard(answer))).toContain('You declined this job');
      await h.drain();
      // Nobody is alerted while someone still holds the offer.
      if (index < offered.length - 1) expect(alertsFor('a:chat-sup-ruth')).toEqual([]);
    }
    const alerts = alertsFor('a:chat-sup-ruth');
    expect(alerts).toHaveLength(1);
    expect(cardText(alerts[0])).toContain(task.reference);
    expect(cardText(alerts[0])).toContain(`Everyone offered this job declined it (${offered.length} people)`);
    expect(cardText(alerts[0])).toContain('Van off the road today');
    expect((await h.store.getTask(task.id))!).toMatchObject({ status: 'new', assignedOfficer: null });

    const answer = await reassignFromAlert(alerts[0], 'off-alex');
    expect(cardText(answerCard(answer))).toContain('Reassigned');
    expect((await h.store.getTask(task.id))!).toMatchObject({ status: 'assigned', assignedOfficer: 'off-alex' });
    await h.drain();
    const given = h.connector.cardsIn('a:chat-off-alex').filter((a) => a.attachments).map(cardOf).filter((c) => cardText(c).includes(task.reference)).at(-1)!;
    expect(given.actions!.map((a) => a.title)).toEqual(['Accept', 'Decline', 'Open in Wardline']);
    expect(cardText(given)).toContain('Alex Jones');
    // The alert went through the outbox like every other card, once.
    const outboxAlerts = (await h.store.listOutbox({ taskId: task.id, channel: 'teams' })).filter((e) => e.eventType === 'task.declined');
    expect(outboxAlerts.map((e) => [e.recipient, e.status])).toEqual([['sup-ruth', 'delivered']]);
  });

  it('a single assignee declines: the job goes back to the queue and the supervisor can give it to someone else', async () => {
    h = await startHarness();
    for (const who of [people.sam, people.alex, people.ruth]) await install(who);
    const task = await report('fly-tipping');
    expect(task.assignedOfficer).toBe('off-sam');
    await h.drain();
    const answer = await invoke(people.sam, 'decline', { taskId: task.id, rowVersion: task.rowVersion, 'decline.reason': 'Needs two people to lift' });
    expect(cardText(answerCard(answer))).toContain('You declined this job');
    expect((await h.store.getTask(task.id))!).toMatchObject({ status: 'new', assignedOfficer: null });
    await h.drain();
    const [alert] = alertsFor('a:chat-sup-ruth');
    expect(cardText(alert)).toContain('Sam Patel declined it');
    expect(cardText(alert)).toContain('Needs two people to lift');
    expect(alert.actions!.map((a) => a.title)).toEqual(['Reassign', 'Open in Wardline']);

    await reassignFromAlert(alert, 'off-alex');
    expect((await h.store.getTask(task.id))!).toMatchObject({ status: 'assigned', assignedOfficer: 'off-alex' });
    await h.drain();
    const given = h.connector.cardsIn('a:chat-off-alex').filter((a) => a.attachments).map(cardOf).filter((c) => cardText(c).includes(task.reference)).at(-1)!;
    expect(given.actions!.map((a) => a.title)).toEqual(['Accept', 'Decline', 'Open in Wardline']);

    // Pressing the same alert again is harmless: the job has moved on, nothing changes.
    const again = await reassignFromAlert(alert, 'off-sam');
    expect(cardText(answerCard(again))).toContain('This job changed since this card was sent');
    expect((await h.store.getTask(task.id))!.assignedOfficer).toBe('off-alex');
  });
});

async function install(who: Partial<typeof people.sam>) {
  const answer = await h.post(activityFrom(h, who, { type: 'installationUpdate', action: 'add' }));
  expect(answer.status).toBe(200);
}
