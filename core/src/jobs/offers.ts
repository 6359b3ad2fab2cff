import type { OutboxEvent, TaskUpdate } from '../model';

/**
 * Who currently holds an offer of a job: the Teams recipients of its task.offered events, less
 * anyone who has since declined. The outbox is the durable record of who was offered what.
 */
export function currentOffers(outbox: readonly OutboxEvent[], timeline: readonly TaskUpdate[]): string[] {
  const offered = new Set<string>();
  for (const event of outbox) if (event.eventType === 'task.offered' && event.channel === 'teams' && event.recipient) offered.add(event.recipient);
  for (const entry of timeline) if (entry.kind === 'decline' && entry.author) offered.delete(entry.author);
  return [...offered];
}
