import { actorFromOfficer } from '@wardline/core';
import { buildCouncillorCard, buildJobCard, buildJobListCard, buildNoticeCard, buildSupervisorAlertCard, buildWelcomeCard, allowedJobVerbs, cardLimitProblems, cardBytes, type AdaptiveCard } from '.';
import { cardSchemaErrors, renderCard } from './testing/card-checks';
import { flyTipping, person, taskRow } from './testing/fixtures';

const links = { serviceUrl: 'https://wardline.example.gov.uk', teamsAppId: '11111111-2222-3333-4444-555555555555' };
const sam = person({ id: 'off-sam', name: 'Sam Patel', role: 'officer' });
const alex = person({ id: 'off-alex', name: 'Alex Jones', role: 'officer' });
const cox = person({ id: 'cllr-cox', name: 'Cllr Cox', role: 'councillor', teams: null });
const ann = person({ id: 'vol-ann', name: 'Ann Lee', role: 'volunteer', teams: 'Community support' });

/** Every card must pass the 1.5 schema, Teams' limits, and render cleanly with the Teams host config. */
function expectValid(card: AdaptiveCard) {
  expect(cardSchemaErrors(card)).toEqual([]);
  expect(cardLimitProblems(card)).toEqual([]);
  const rendered = renderCard(card);
  expect(rendered.problems).toEqual([]);
  expect(renderCard(card, 'dark').problems).toEqual([]);
  return rendered;
}

const jobCard = (over: Partial<Parameters<typeof buildJobCard>[0]> = {}) =>
  buildJobCard({ task: taskRow(), taskType: flyTipping, wardName: 'Castle', viewer: { audience: 'officer', officerId: 'off-sam' }, assigneeName: 'Sam Patel', verbs: ['accept', 'decline'], links, timeZone: 'Europe/London', ...over });

describe('job card', () => {
  it('shows type, reference, facts with model labels, map link, description and the allowed actions', () => {
    const card = jobCard({ refreshUserIds: ['29:sam', '29:ruth', '29:cox'] });
    const rendered = expectValid(card);
    expect(rendered.text).toContain('Fly-tipping · WL-26-000123');
    expect(rendered.text).toContain('Mattress and bin bags on the verge');
    expect(rendered.text).toMatch(/Due by\s*Tue 3 Mar, 15:00/);
    expect(rendered.text).toContain('Flat 3, 12a High Street, Colchester');
    expect(rendered.text).toContain('Dumped overnight beside the bus stop [near the school]');
    expect(rendered.html).toContain('https://www.openstreetmap.org/?mlat=51.890412&amp;mlon=0.903633');
    expect(rendered.buttons).toEqual(['Accept', 'Decline', 'Open in Wardline']);
    expect(card.refresh).toMatchObject({ action: { type: 'Action.Execute', verb: 'refresh', data: { taskId: 'task-1', rowVersion: 3, wlVerb: 'refresh' } }, userIds: ['29:sam', '29:ruth', '29:cox'] });
    const accept = card.actions![0];
    expect(accept).toMatchObject({ type: 'Action.Execute', verb: 'accept', data: { taskId: 'task-1', rowVersion: 3, wlVerb: 'accept' }, fallback: { type: 'Action.Submit', data: { wlVerb: 'accept', taskId: 'task-1', rowVersion: 3 } } });
    const open = card.actions!.at(-1)!;
    expect(open).toMatchObject({ type: 'Action.OpenUrl' });
    expect(open.type === 'Action.OpenUrl' && decodeURIComponent(open.url)).toContain('"subEntityId":"WL-26-000123"');
  });

  it('asks for a public and an internal note to complete, and a reason to decline, hold or close', () => {
    const card = jobCard({ task: taskRow({ status: 'in_progress' }), verbs: ['hold', 'complete', 'couldNotComplete'] });
    expectValid(card);
    const complete = card.actions!.find((a) => a.title === 'Complete');
    expect(complete?.type).toBe('Action.ShowCard');
    if (complete?.type !== 'Action.ShowCard') return;
    expect(complete.card.body.map((e) => (e.type === 'Input.Text' ? [e.id, e.isRequired ?? false] : e.type))).toEqual([['complete.publicNote', true], ['complete.internalNote', false]]);
    expect(complete.card.actions![0]).toMatchObject({ type: 'Action.Execute', verb: 'complete' });
  });

  it('keeps refresh users to 60 and the card inside 40 KB and six actions, even with long text and photos', () => {
    const long = taskRow({ title: 'x'.repeat(500), description: 'Long words '.repeat(2000) });
    const card = jobCard({ task: long, refreshUserIds: Array.from({ length: 80 }, (_, i) => `29:user-${i}`), photos: Array.from({ length: 10 }, (_, i) => ({ url: `https://media.example/p${i}.jpg` })), verbs: ['start', 'hold', 'complete', 'couldNotComplete'] });
    expectValid(card);
    expect(card.refresh!.userIds).toHaveLength(60);
    expect(cardBytes(card)).toBeLessThan(40 * 1024);
    expect(card.actions!.length).toBeLessThanOrEqual(6);
  });

  it('shows a volunteer the area and no details before they accept, and everything after', () => {
    const offer = taskRow({ status: 'new', assignedOfficer: null, dispatchMode: 'volunteers' });
    const before = renderCard(jobCard({ task: offer, viewer: { audience: 'volunteer', officerId: 'vol-ann' }, assigneeName: null }));
    expect(before.text).toContain('High Street, Colchester (approximate)');
    expect(before.text).not.toContain('Flat 3');
    expect(before.text).not.toContain('Dumped overnight');
    expect(before.text).toContain('You will see the full details once you accept.');
    expect(before.html).not.toContain('51.890412');
    const after = renderCard(jobCard({ task: { ...offer, status: 'accepted', assignedOfficer: 'vol-ann' }, viewer: { audience: 'volunteer', officerId: 'vol-ann' } }));
    expect(after.text).toContain('Flat 3, 12a High Street');
    expect(after.text).toContain('Dumped overnight');
    expect(after.text).not.toContain('Pat Resident');
  });

  it('offers only what the lifecycle allows this person', () => {
    const assigned = taskRow();
    expect(allowedJobVerbs(assigned, actorFromOfficer(sam), [])).toEqual(['accept', 'decline']);
    expect(allowedJobVerbs(assigned, actorFromOfficer(alex), [])).toEqual([]);
    expect(allowedJobVerbs(assigned, actorFromOfficer(cox), [])).toEqual([]);
    expect(allowedJobVerbs(taskRow({ status: 'accepted' }), actorFromOfficer(sam), [])).toEqual(['start', 'hold', 'complete', 'couldNotComplete']);
    expect(allowedJobVerbs(taskRow({ status: 'on_hold' }), actorFromOfficer(sam), [])).toEqual(['resume', 'couldNotComplete']);
    expect(allowedJobVerbs(taskRow({ status: 'new', assignedOfficer: null }), actorFromOfficer(ann), ['vol-ann'])).toEqual(['accept', 'decline']);
    expect(allowedJobVerbs(taskRow({ status: 'completed' }), actorFromOfficer(sam), [])).toEqual([]);
  });
});

describe('other cards', () => {
  it('councillor update: what councillors may see, no reporter contact, with update choices', () => {
    const card = buildCouncillorCard({ event: 'completed', task: taskRow({ status: 'completed', resolution: 'Cleared and swept' }), taskType: { name: 'Fly-tipping', redaction: 'sensitive' }, wardName: 'Castle', publicNote: 'Cleared and swept', links, timeZone: 'Europe/London', subscribedEvents: ['raised', 'completed'] });
    const rendered = expectValid(card);
    expect(rendered.text).toContain('Job completed');
    expect(rendered.text).toContain('Cleared and swept');
    expect(rendered.text).not.toContain('Pat Resident');
    expect(rendered.text).not.toContain('Dumped overnight');
    expect(rendered.buttons).toEqual(['Open in Wardline', 'Choose updates']);
  });

  it('supervisor alert: one-tap reassignment to an officer of the team', () => {
    const card = buildSupervisorAlertCard({ alert: 'overdue', task: taskRow({ status: 'accepted' }), taskType: flyTipping, assigneeName: 'Sam Patel', candidates: [alex, { ...sam, onDuty: false }], links, timeZone: 'Europe/London' });
    const rendered = expectValid(card);
    expect(rendered.text).toContain('Overdue job');
    expect(rendered.buttons).toEqual(['Reassign', 'Back to the queue', 'Open in Wardline']);
    const reassign = card.actions![0];
    expect(reassign.type === 'Action.ShowCard' && reassign.card.body[0]).toMatchObject({ type: 'Input.ChoiceSet', choices: [{ title: 'Alex Jones', value: 'off-alex' }, { title: 'Sam Patel (off duty)', value: 'off-sam' }] });
  });

  it('welcome, list and notice cards are valid', () => {
    const welcome = expectValid(buildWelcomeCard({ name: 'Sam Patel', role: 'officer', councilName: 'Wardline Borough Council', links, registered: true }));
    expect(welcome.text).toContain('my jobs');
    expect(expectValid(buildWelcomeCard({ name: 'Stranger', role: 'officer', councilName: 'Wardline Borough Council', links, registered: false })).text).toContain('does not know you yet');
    expect(expectValid(buildJobListCard({ heading: 'Your open jobs', tasks: [taskRow(), taskRow({ id: 't2', reference: 'WL-26-000124' })], total: 2, links, timeZone: 'Europe/London' })).text).toContain('WL-26-000124');
    expect(expectValid(buildNoticeCard('Done', 'Saved.', 'good')).text).toContain('Saved.');
  });

  it('the schema check catches a broken card', () => {
    expect(cardSchemaErrors({ type: 'AdaptiveCard', version: '1.5', body: [{ type: 'TextBlok', text: 'x' }] }).length).toBeGreaterThan(0);
  });
});
