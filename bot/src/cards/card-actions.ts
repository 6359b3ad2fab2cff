import type { ActionData, ExecuteAction, ShowCardAction, CardElement } from './adaptive-card';
import { adaptiveCard } from './adaptive-card';

/**
 * Verbs of Wardline's card actions. Each travels as the Action.Execute verb and again in the data
 * (`wlVerb`), so the Action.Submit fallback (a plain message with the data) carries it too.
 */
export const cardVerbs = ['accept', 'decline', 'start', 'hold', 'resume', 'complete', 'couldNotComplete', 'reassign', 'refresh', 'preferences'] as const;
export type CardVerb = (typeof cardVerbs)[number];

/** The lifecycle verbs an officer or volunteer works a job with. */
export type JobVerb = Extract<CardVerb, 'accept' | 'decline' | 'start' | 'hold' | 'resume' | 'complete' | 'couldNotComplete'>;
export const jobVerbs: readonly JobVerb[] = ['accept', 'decline', 'start', 'hold', 'resume', 'complete', 'couldNotComplete'];

/** Inputs a card may send with an action. */
export const cardInputs = { reason: 'reason', publicNote: 'publicNote', internalNote: 'internalNote', officer: 'officer', events: 'events' } as const;
export type CardInput = (typeof cardInputs)[keyof typeof cardInputs];

/** Input ids are unique across a card (the renderer and Teams require it): the verb's form owns its inputs. */
export const inputId = (verb: CardVerb, input: CardInput): string => `${verb}.${input}`;

/** What a card action carries: the verb, the job and the row version the card showed. */
export interface CardActionData {
  wlVerb: CardVerb;
  taskId?: string;
  rowVersion?: number;
}

export const isCardVerb = (value: unknown): value is CardVerb => typeof value === 'string' && (cardVerbs as readonly string[]).includes(value);

/** Action.Execute with an Action.Submit fallback carrying the same data. */
export function executeAction(title: string, verb: CardVerb, data: Omit<CardActionData, 'wlVerb'> & ActionData, style?: ExecuteAction['style']): ExecuteAction {
  const payload: ActionData = { ...data, wlVerb: verb };
  return { type: 'Action.Execute', title, verb, data: payload, ...(style ? { style } : {}), fallback: { type: 'Action.Submit', title, data: payload } };
}

/** A button that opens a small form (a reason, notes) and then runs the verb. */
export function formAction(title: string, verb: CardVerb, data: Omit<CardActionData, 'wlVerb'> & ActionData, inputs: CardElement[], submitTitle: string): ShowCardAction {
  return { type: 'Action.ShowCard', title, card: adaptiveCard(inputs, { actions: [executeAction(submitTitle, verb, data)] }) };
}
