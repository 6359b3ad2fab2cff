import type { TabApi } from '../app/api';
import type { ChangeResult } from '../app/types';
import { pending, remove, type QueuedChange } from './queue';

export interface SyncReport {
  sent: number;
  /** Changes the service could not apply, with its plain reason (a reassigned or closed job). */
  problems: ChangeResult[];
  /** Still queued (the connection dropped). */
  left: number;
}

let running: Promise<SyncReport> | undefined;

/**
 * Sends queued changes in the order they were made: runs of actions in one /sync call, photos one
 * by one. Each change leaves the queue once the service has answered for it (applied, already
 * applied, or refused with a reason); a network failure stops the run and keeps the rest.
 */
export function flushQueue(api: TabApi): Promise<SyncReport> {
  return (running ??= run(api).finally(() => (running = undefined)));
}

async function run(api: TabApi): Promise<SyncReport> {
  const queue = await pending();
  const problems: ChangeResult[] = [];
  let sent = 0;
  let index = 0;
  try {
    while (index < queue.length) {
      const change = queue[index];
      if (change.photo) {
        const result = await api.photo(change.reference, change.photo, { clientId: change.clientId, occurredOn: change.occurredOn, note: change.note });
        await settle(change, result, problems);
        index += 1;
        sent += 1;
        continue;
      }
      const run: QueuedChange[] = [];
      while (index < queue.length && !queue[index].photo && run.length < 100) run.push(queue[index++]);
      const { results } = await api.sync(run.map(({ clientId, occurredOn, reference, action }) => ({ clientId, occurredOn, reference, action })));
      for (const [i, result] of results.entries()) await settle(run[i], result, problems);
      sent += run.length;
    }
  } catch (error) {
    if (!(error instanceof TypeError)) throw error;
  }
  return { sent, problems, left: (await pending()).length };
}

async function settle(change: QueuedChange, result: ChangeResult, problems: ChangeResult[]): Promise<void> {
  if (result.outcome === 'conflict' || result.outcome === 'refused') problems.push(result);
  if (change.seq !== undefined) await remove(change.seq);
}
