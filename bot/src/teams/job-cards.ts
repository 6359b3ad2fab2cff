import { actorFromOfficer, currentOffers, TaskNotFoundError, viewTimeline, type Audience, type Officer, type Store, type Task, type TaskType, type TaskUpdate, type Ward } from '@wardline/core';
import { allowedJobVerbs, buildJobCard, type AdaptiveCard, type CardLinks, type CardNotice } from '../cards';
import { parseConversationRecord } from './port';

/** Reference data the cards read often, kept for a few seconds (a fan-out reads it per card). */
interface Snapshot {
  at: number;
  taskTypes: Map<string, TaskType>;
  wards: Map<string, Ward>;
  people: Map<string, Officer>;
  /** Supervisors by team name (lower case), so a card's refresh list is not a scan of everyone. */
  supervisorsByTeam: Map<string, Officer[]>;
  /** Teams user id per person with a readable conversation record. */
  teamsUserIds: Map<string, string>;
  /** Councillor ids by ward id, so a card's refresh list needs no store read. */
  councillorsByWard: Map<string, string[]>;
}

const teamNames = (teams: string | null | undefined): string[] => (teams ?? '').toLowerCase().split(',').map((t) => t.trim()).filter(Boolean);

function indexPeople(people: readonly Officer[]): Pick<Snapshot, 'supervisorsByTeam' | 'teamsUserIds'> {
  const supervisorsByTeam = new Map<string, Officer[]>();
  const teamsUserIds = new Map<string, string>();
  for (const person of people) {
    if (person.role === 'supervisor') for (const team of teamNames(person.teams)) supervisorsByTeam.set(team, [...(supervisorsByTeam.get(team) ?? []), person]);
    if (!person.conversationReference) continue;
    try {
      teamsUserIds.set(person.id, parseConversationRecord(person.conversationReference).userId);
    } catch {
      // An unreadable record is reported where it is used for sending; a refresh list just leaves the person out.
    }
  }
  return { supervisorsByTeam, teamsUserIds };
}

export interface JobCardsOptions {
  store: Store;
  links: CardLinks;
  timeZone: string;
  clock: () => Date;
  /** How long reference data is reused (default 5 s). */
  cacheMs?: number;
}

/**
 * Builds the job card a given person should see now, from the store: the job, its type and ward,
 * what this person may see (core/redaction) and do (core/lifecycle), the photos on the timeline,
 * and who else's card should refresh (assignee, the team's supervisors, the ward's councillors).
 */
export class JobCards {
  private snapshot: Snapshot | undefined;

  constructor(private readonly options: JobCardsOptions) {}

  get store(): Store {
    return this.options.store;
  }

  get links(): CardLinks {
    return this.options.links;
  }

  get timeZone(): string {
    return this.options.timeZone;
  }

  /** Reference data, reloaded when older than the cache time; `fresh` forces a reload. */
  async reference(fresh = false): Promise<Snapshot> {
    const now = this.options.clock().getTime();
    if (!fresh && this.snapshot && now - this.snapshot.at < (this.options.cacheMs ?? 5000)) return this.snapshot;
    const { store } = this.options;
    const [taskTypes, wards, people, members] = await Promise.all([store.listTaskTypes(), store.listWards(), store.listOfficers(), store.listWardMembers()]);
    const councillorsByWard = new Map<string, string[]>();
    for (const member of members) councillorsByWard.set(member.ward, [...(councillorsByWard.get(member.ward) ?? []), member.councillor]);
    this.snapshot = { at: now, taskTypes: new Map(taskTypes.map((t) => [t.id, t])), wards: new Map(wards.map((w) => [w.id, w])), people: new Map(people.map((p) => [p.id, p])), ...indexPeople(people), councillorsByWard };
    return this.snapshot;
  }

  /** Forgets cached reference data (after an officer's record changes). */
  invalidate(): void {
    this.snapshot = undefined;
  }

  async task(idOrReference: string): Promise<Task> {
    const task = (await this.options.store.getTask(idOrReference)) ?? (await this.options.store.getTaskByReference(idOrReference));
    if (!task) throw new TaskNotFoundError(idOrReference);
    return task;
  }

  async taskTypeOf(task: Task): Promise<TaskType | Pick<TaskType, 'name' | 'redaction' | 'checklist' | 'requirePhoto'>> {
    return (await this.reference()).taskTypes.get(task.taskType) ?? { name: 'Job', redaction: 'standard', checklist: null, requirePhoto: false };
  }

  async person(id: string | null | undefined): Promise<Officer | undefined> {
    return id ? (await this.reference()).people.get(id) : undefined;
  }

  /** Teams user ids of everyone whose view of this job should refresh (at most 60 are used). */
  async refreshUserIds(task: Task): Promise<string[]> {
    const { people, supervisorsByTeam, teamsUserIds, councillorsByWard } = await this.reference();
    const ids = new Set<string>();
    const add = (personId: string | null | undefined) => {
      const userId = personId ? teamsUserIds.get(personId) : undefined;
      if (userId) ids.add(userId);
    };
    add(task.assignedOfficer);
    const team = task.assignedTeam?.trim().toLowerCase();
    if (team) for (const supervisor of supervisorsByTeam.get(team) ?? []) add(supervisor.id);
    if (task.ward) for (const councillor of councillorsByWard.get(task.ward) ?? []) if (people.has(councillor)) add(councillor);
    // Teams refreshes a card for at most 60 users (Universal Actions); the card builder keeps the first 60.
    return [...ids];
  }

  /** Who holds an offer of the job now (outbox offers less declines). */
  async offeredTo(task: Task, timeline?: readonly TaskUpdate[]): Promise<string[]> {
    const [outbox, entries] = await Promise.all([this.options.store.listOutbox({ taskId: task.id, channel: 'teams' }), timeline ?? this.options.store.getTimeline(task.id)]);
    return currentOffers(outbox, entries);
  }

  /** The job card for one person (or an audience with nobody in particular, e.g. a card shared in a chat). */
  async cardFor(task: Task, viewer: Officer | { audience: Audience }, notice?: CardNotice, options: { actions?: boolean } = {}): Promise<AdaptiveCard> {
    const taskType = await this.taskTypeOf(task);
    const { wards } = await this.reference();
    const person = 'id' in viewer ? viewer : undefined;
    const audience: Audience = person ? person.role : (viewer as { audience: Audience }).audience;
    const timeline = await this.options.store.getTimeline(task.id);
    const verbs = person && options.actions !== false ? allowedJobVerbs(task, actorFromOfficer(person), await this.offeredTo(task, timeline)) : [];
    const photos = viewTimeline(timeline, audience, { viewerId: person?.id }).filter((e) => e.kind === 'photo' && e.attachmentUrl).map((e) => ({ url: e.attachmentUrl as string }));
    const assignee = await this.person(task.assignedOfficer);
    return buildJobCard({
      task, taskType, wardName: task.ward ? wards.get(task.ward)?.name : null, viewer: { audience, officerId: person?.id ?? null }, assigneeName: assignee?.name ?? null,
      photos, verbs, refreshUserIds: await this.refreshUserIds(task), links: this.options.links, timeZone: this.options.timeZone, notice,
    });
  }
}
