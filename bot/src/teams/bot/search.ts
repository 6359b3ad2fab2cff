import { openStatuses, type Officer } from '@wardline/core';
import type { InvokeAnswer } from '../port';
import type { BotContext } from './bot-context';

/**
 * The search-based message extension: finds open jobs by reference, title or address and offers
 * each as a card to share in any chat. The shared card shows what a councillor may see (no
 * personal data) and refreshes for the officer, their supervisor and the ward's councillors.
 */
export async function handleSearch(context: BotContext, person: Officer | undefined, query: string): Promise<InvokeAnswer> {
  if (!person || person.role === 'volunteer') return { kind: 'searchResults', results: [] };
  const wardIds = person.role === 'councillor' ? (await context.store.listWardMembers({ councillorId: person.id })).map((m) => m.ward) : undefined;
  if (wardIds && wardIds.length === 0) return { kind: 'searchResults', results: [] };
  const { items } = await context.store.listTasks({ text: query.trim() || undefined, statuses: [...openStatuses], wardIds, orderBy: 'modifiedOn', descending: true, limit: 10 });
  const results = await Promise.all(items.map(async (task) => ({
    card: await context.cards.cardFor(task, { audience: 'councillor' }),
    preview: { title: `${task.reference} ${task.title}`.slice(0, 120), text: (task.address ?? '').slice(0, 120) },
  })));
  return { kind: 'searchResults', results };
}
