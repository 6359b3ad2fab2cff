import { CARD_CONTENT_TYPE } from '../../cards';
import type { InvokeAnswer } from '../port';

/** The HTTP answer to an invoke: Universal Actions' `{statusCode, type, value}`, or a message extension result. */
export function invokeResponseOf(answer: InvokeAnswer): { status: number; body?: unknown } {
  switch (answer.kind) {
    case 'card':
      return { status: 200, body: { statusCode: 200, type: CARD_CONTENT_TYPE, value: answer.card } };
    case 'message':
      return { status: 200, body: { statusCode: 200, type: 'application/vnd.microsoft.activity.message', value: answer.text } };
    case 'error':
      return { status: 200, body: { statusCode: answer.status, type: 'application/vnd.microsoft.error', value: { code: answer.code, message: answer.message } } };
    case 'searchResults':
      return {
        status: 200,
        body: {
          composeExtension: {
            type: 'result',
            attachmentLayout: 'list',
            attachments: answer.results.map((r) => ({ contentType: CARD_CONTENT_TYPE, content: r.card, preview: { contentType: 'application/vnd.microsoft.card.thumbnail', content: { title: r.preview.title, text: r.preview.text } } })),
          },
        },
      };
    case 'empty':
      return { status: 200 };
  }
}
