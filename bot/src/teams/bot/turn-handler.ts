import { isWardlineError } from '@wardline/core';
import type { InboundTurn, TurnHandler, TurnResult } from '../port';
import { personOf, type BotContext } from './bot-context';
import { handleCardAction } from './card-action';
import { handleCommand } from './commands';
import { handlePhotos } from './photos';
import { handleInstall, refreshRecord } from './registration';
import { handleSearch } from './search';

/**
 * Wardline's bot: one inbound turn in, replies and an invoke answer out. Knows nothing of the SDK
 * (see ../sdk for the host edge). Every activity from a personal chat refreshes the person's
 * conversation record first.
 */
export function createTurnHandler(context: BotContext): TurnHandler {
  async function handle(turn: InboundTurn): Promise<TurnResult> {
    const person = await refreshRecord(context, turn, await personOf(context, turn.from.aadObjectId));
    switch (turn.kind) {
      case 'installed':
      case 'uninstalled':
      case 'membersAdded':
        return { replies: await handleInstall(context, turn, person) };
      case 'cardAction':
        return { replies: [], invoke: await handleCardAction(context, { verb: turn.verb, data: turn.value ?? {}, person, activityId: turn.activityId, trigger: turn.trigger }) };
      case 'messageExtensionQuery':
        return { replies: [], invoke: await handleSearch(context, person, turn.query ?? '') };
      case 'message': {
        if (turn.value && typeof turn.value.wlVerb === 'string') {
          // Action.Submit fallback from a client where Action.Execute does not work: same handler, answer by updating the card.
          const answer = await handleCardAction(context, { data: turn.value, person, activityId: turn.activityId });
          if (answer.kind !== 'card') return { replies: [{ kind: 'text', text: answer.kind === 'error' || answer.kind === 'message' ? ('message' in answer ? answer.message : answer.text) : 'Done.' }] };
          return { replies: [turn.replyToId ? { kind: 'updateCard', activityId: turn.replyToId, card: answer.card } : { kind: 'card', card: answer.card }] };
        }
        if (person && turn.attachments.length) return { replies: await handlePhotos(context, turn, person) };
        return { replies: await handleCommand(context, turn, person) };
      }
      default:
        return { replies: [] };
    }
  }
  return {
    async handle(turn) {
      try {
        return await handle(turn);
      } catch (error) {
        context.logger.error({ err: error, kind: turn.kind }, 'Teams turn failed');
        const message = isWardlineError(error) ? error.message : 'Something went wrong in Wardline. Please try again in a minute.';
        if (turn.kind === 'cardAction' || turn.kind === 'messageExtensionQuery') return { replies: [], invoke: { kind: 'error', status: 500, code: isWardlineError(error) ? error.code : 'WL-TEAMS-500', message } };
        return { replies: turn.conversationType === 'personal' ? [{ kind: 'text', text: message }] : [] };
      }
    },
  };
}
