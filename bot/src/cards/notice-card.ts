import { adaptiveCard, text, type AdaptiveCard, type CardAction } from './adaptive-card';
import type { CardNotice } from './job-card';

/** A short card with a headline and a line of text: confirmations, refusals, the unreachable-officer note. */
export function buildNoticeCard(headline: string, detail: string, tone: CardNotice['tone'] = 'accent', actions: CardAction[] = []): AdaptiveCard {
  return adaptiveCard([{ type: 'Container', style: tone, items: [text(headline, { weight: 'Bolder', size: 'Medium' })] }, text(detail)], { actions: actions.length ? actions : undefined, fallbackText: `${headline}. ${detail}` });
}
