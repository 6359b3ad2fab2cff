import type { AdaptiveCard, CardAction, CardElement } from './adaptive-card';

/** Teams' documented limits for bot cards, and Wardline's budget within them. */
export const MAX_CARD_BYTES = 40 * 1024;
export const MAX_ACTIONS = 6;
export const MAX_REFRESH_USERS = 60;

/** Size of the card as sent (UTF-8 JSON). */
export const cardBytes = (card: AdaptiveCard): number => Buffer.byteLength(JSON.stringify(card), 'utf8');

function countActions(actions: readonly CardAction[] | undefined, elements: readonly CardElement[]): number[] {
  const counts = [actions?.length ?? 0];
  for (const element of elements) {
    if (element.type === 'ActionSet') counts.push(element.actions.length);
    if (element.type === 'Container') counts.push(...countActions(undefined, element.items));
  }
  for (const action of actions ?? []) if (action.type === 'Action.ShowCard') counts.push(...countActions(action.card.actions, action.card.body));
  return counts;
}

/** Problems with a card against Teams' limits (empty when it fits). */
export function cardLimitProblems(card: AdaptiveCard): string[] {
  const problems: string[] = [];
  const bytes = cardBytes(card);
  if (bytes > MAX_CARD_BYTES) problems.push(`card is ${bytes} bytes; the budget is ${MAX_CARD_BYTES}`);
  const most = Math.max(...countActions(card.actions, card.body));
  if (most > MAX_ACTIONS) problems.push(`a set of actions has ${most}; Teams shows at most ${MAX_ACTIONS}`);
  if ((card.refresh?.userIds.length ?? 0) > MAX_REFRESH_USERS) problems.push(`refresh lists ${card.refresh?.userIds.length} users; Teams allows at most ${MAX_REFRESH_USERS}`);
  if (card.version !== '1.5') problems.push(`card version is ${card.version}; Universal Actions need 1.5`);
  return problems;
}
