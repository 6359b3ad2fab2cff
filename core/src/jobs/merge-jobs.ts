import { MergeTargetInvalidError, StaleTaskError } from '../errors';
import { isOpenStatus } from '../lifecycle';
import type { Actor } from '../lifecycle';
import type { Task } from '../model';
import type { NewSubscription } from '../store/store';
import type { TaskService } from './task-service';

const RETRIES = 3;

/**
 * An officer's merge of two jobs about the same thing: the source becomes "merged as duplicate"
 * of the target (core/lifecycle checks who may and when), and the target takes over what the
 * source stood for: its report count, its residents' subscriptions (so they hear when it is
 * done) and a timeline entry saying so. Running it again after an interruption finishes the
 * second step without repeating anything (the entry's client id marks it done).
 */
export async function mergeJobs(service: TaskService, sourceRef: string, targetRef: string, actor: Actor, reason?: string): Promise<{ source: Task; target: Task }> {
  const store = service.store;
  let source = await service.getTask(sourceRef);
  let target = await service.getTask(targetRef);
  if (source.id === target.id) throw new MergeTargetInvalidError(source.reference, target.reference, 'a job cannot be merged into itself');
  if (!(source.status === 'merged' && source.duplicateOf === target.id)) {
    source = (await service.act(source.id, { kind: 'merge', into: { id: target.id, reference: target.reference, status: target.status }, reason }, actor)).task;
  }
  const clientId = `merge:${source.id}`;
  for (let attempt = 1; ; attempt += 1) {
    if (await store.getTimelineEntryByClientId(clientId)) return { source, target: await service.getTask(target.id) };
    target = await service.getTask(target.id);
    if (!isOpenStatus(target.status)) throw new MergeTargetInvalidError(source.reference, target.reference, `it is ${target.status}`);
    const already = new Set((await store.listSubscriptions({ taskId: target.id })).map((s) => `${s.channel}:${s.contact ?? s.person}`));
    const moved: NewSubscription[] = (await store.listSubscriptions({ taskId: source.id }))
      .filter((s) => s.active && !already.has(`${s.channel}:${s.contact ?? s.person}`))
      .map((s) => ({ name: s.name.replace(source.reference, target.reference).slice(0, 200), person: s.person, contact: s.contact, channel: s.channel, events: s.events, active: true }));
    try {
      target = await store.updateTask({
        id: target.id,
        expectedRowVersion: target.rowVersion,
        set: { reportCount: target.reportCount + source.reportCount },
        timeline: [{ kind: 'merged', summary: `Job ${source.reference} merged into this one`.slice(0, 200), note: reason?.trim() || null, occurredOn: source.modifiedOn, visibility: 'councillor', author: actor.id, authorName: actor.name, clientId }],
        subscriptions: moved,
      });
      return { source, target };
    } catch (error) {
      if (!(error instanceof StaleTaskError) || attempt >= RETRIES) throw error;
    }
  }
}
