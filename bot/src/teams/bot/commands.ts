import { openStatuses, type Officer, type Task, type TaskQuery } from '@wardline/core';
import { buildJobListCard, buildNoticeCard, buildWelcomeCard, preferencesAction, type AdaptiveCard } from '../../cards';
import type { InboundTurn, TurnReply } from '../port';
import type { BotContext } from './bot-context';
import { startReport } from './field-report';

const REFERENCE = /\bWL-\d{2}-\d{6}\b/i;

export const welcomeFor = (context: BotContext, person: Officer | undefined, name?: string): AdaptiveCard =>
  buildWelcomeCard({ name: person?.name ?? name ?? 'there', role: person?.role ?? 'officer', councilName: context.settings.councilName, links: context.cards.links, registered: !!person });

/** Whether a person may see a job at all (officers and supervisors: any; councillors: their wards; volunteers: theirs). */
export async function maySee(context: BotContext, person: Officer, task: Task): Promise<boolean> {
  if (person.role === 'officer' || person.role === 'supervisor') return true;
  if (person.role === 'councillor') return (await context.store.listWardMembers({ councillorId: person.id })).some((m) => m.ward === task.ward);
  return task.assignedOfficer === person.id || (await context.cards.offeredTo(task)).includes(person.id);
}

async function myJobs(context: BotContext, person: Officer): Promise<TurnReply> {
  const base: TaskQuery = { statuses: [...openStatuses], orderBy: 'dueBy', limit: 15 };
  let query: TaskQuery = { ...base, assignedOfficer: person.id };
  let heading = 'Your open jobs';
  if (person.role === 'supervisor') {
    query = { ...base, assignedTeam: (person.teams ?? '').split(',')[0]?.trim() };
    heading = `Open jobs in ${query.assignedTeam ?? 'your team'}`;
  } else if (person.role === 'councillor') {
    query = { ...base, wardIds: (await context.store.listWardMembers({ councillorId: person.id })).map((m) => m.ward) };
    heading = 'Open jobs in your wards';
  }
  const page = await context.store.listTasks(query);
  return { kind: 'card', card: buildJobListCard({ heading, tasks: page.items, total: page.total, links: context.cards.links, timeZone: context.cards.timeZone }) };
}

async function oneJob(context: BotContext, person: Officer, reference: string): Promise<TurnReply> {
  const task = await context.store.getTaskByReference(reference.toUpperCase());
  if (!task || !(await maySee(context, person, task))) return { kind: 'text', text: `There is no job ${reference.toUpperCase()} that you can see.` };
  return { kind: 'card', card: await context.cards.cardFor(task, person) };
}

async function setDuty(context: BotContext, person: Officer, onDuty: boolean): Promise<TurnReply> {
  if (person.role === 'councillor') return { kind: 'text', text: 'Councillors do not take jobs, so there is no duty to switch.' };
  await context.store.updateOfficer(person.id, { onDuty });
  context.cards.invalidate();
  // Offers made from now on see the change at once, not after the task service's next re-read.
  await (await context.tasks()).reloadPeople();
  return { kind: 'text', text: onDuty ? 'You are on duty: offers near you will come here.' : 'You are off duty: no more offers until you say **on duty**.' };
}

/** Chat commands: "my jobs", "job REF", "report", "on duty" / "off duty", "updates", "help". */
export async function handleCommand(context: BotContext, turn: InboundTurn, person: Officer | undefined): Promise<TurnReply[]> {
  const text = (turn.text ?? '').trim();
  const lower = text.toLowerCase();
  if (!person) return [{ kind: 'card', card: welcomeFor(context, undefined, turn.from.name) }];
  if (/^(my )?jobs\b/.test(lower)) return [await myJobs(context, person)];
  const reference = REFERENCE.exec(text);
  if (/^job\b/.test(lower) && reference) return [await oneJob(context, person, reference[0])];
  if (/^job\b/.test(lower)) return [{ kind: 'text', text: 'Say **job** and the reference, for example **job WL-26-000123**.' }];
  if (/^on duty\b/.test(lower)) return [await setDuty(context, person, true)];
  if (/^off duty\b/.test(lower)) return [await setDuty(context, person, false)];
  if (/^report\b/.test(lower) || turn.location) return startReport(context, turn, person);
  if (/^updates?\b/.test(lower) && person.role === 'councillor') {
    const events = (await context.store.listSubscriptions({ personId: person.id })).find((s) => s.ward && !s.task)?.events.split(',').map((e) => e.trim()) ?? [];
    return [{ kind: 'card', card: buildNoticeCard('Your updates', 'Choose which updates about jobs in your wards you want here.', 'accent', [preferencesAction(events)]) }];
  }
  return [{ kind: 'card', card: welcomeFor(context, person) }];
}
