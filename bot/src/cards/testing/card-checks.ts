import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import Ajv, { type ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';
import { JSDOM } from 'jsdom';
import MarkdownIt from 'markdown-it';
import type { AdaptiveCard } from '../adaptive-card';

/**
 * Test support (not loaded by the service): checks cards against Microsoft's Adaptive Card 1.5
 * JSON schema and renders them with the real `adaptivecards` renderer and the Teams host config,
 * both read from ../shared/reference/teams-schemas (never copied into the repository).
 */
export const TEAMS_SCHEMAS = resolve(__dirname, '../../../../../shared/reference/teams-schemas');

const readJson = (path: string): Record<string, unknown> => JSON.parse(readFileSync(resolve(TEAMS_SCHEMAS, path), 'utf8')) as Record<string, unknown>;

let cardValidator: ValidateFunction | undefined;

/** Schema errors of a card against Adaptive Cards 1.5 (draft-06; the legacy `id` is renamed to `$id` in memory). */
export function cardSchemaErrors(card: AdaptiveCard | Record<string, unknown>): string[] {
  if (!cardValidator) {
    const ajv = new Ajv({ allErrors: true, strict: false });
    addFormats(ajv);
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    ajv.addMetaSchema(require('ajv/dist/refs/json-schema-draft-06.json'));
    const schema = structuredClone(readJson('adaptive-cards/1.5.0/adaptive-card.json'));
    schema.$id = schema.id;
    delete schema.id;
    cardValidator = ajv.compile(schema);
  }
  return cardValidator(card) ? [] : (cardValidator.errors ?? []).map((e) => `${e.instancePath || '/'} ${e.message ?? ''}`);
}

export interface RenderedCard {
  /** The renderer's HTML. */
  html: string;
  /** Visible text of the rendered card. */
  text: string;
  /** Parse warnings and validation failures reported by the renderer. */
  problems: string[];
  /** Titles of the rendered action buttons, top level. */
  buttons: string[];
}

interface AdaptiveCardsModule {
  AdaptiveCard: new () => { hostConfig: unknown; parse(json: unknown, context: unknown): void; render(): HTMLElement | undefined; validateProperties(): { validationEvents: { message: string }[] } };
  HostConfig: new (json: unknown) => unknown;
  SerializationContext: new () => { eventCount: number; getEventAt(i: number): { message: string } };
}

let dom: JSDOM | undefined;

/** Renders a card with the adaptivecards 3.0.6 UMD bundle inside a jsdom window, with the Teams light or dark host config. */
export function renderCard(card: AdaptiveCard, theme: 'light' | 'dark' = 'light'): RenderedCard {
  if (!dom) {
    dom = new JSDOM('<!doctype html><html lang="en-GB"><body></body></html>', { runScripts: 'outside-only', pretendToBeVisual: true });
    dom.window.eval(readFileSync(require.resolve('adaptivecards/dist/adaptivecards.js'), 'utf8'));
    // Teams renders TextBlock markdown; the renderer leaves that to the host. markdown-it (inline, no HTML) stands in.
    const markdown = new MarkdownIt({ html: false, linkify: false, breaks: true });
    (dom.window as unknown as { AdaptiveCards: { AdaptiveCard: { onProcessMarkdown: (text: string, result: { didProcess: boolean; outputHtml?: string }) => void } } }).AdaptiveCards.AdaptiveCard.onProcessMarkdown = (text, result) => {
      result.outputHtml = markdown.render(text);
      result.didProcess = true;
    };
  }
  const ac = (dom.window as unknown as { AdaptiveCards: AdaptiveCardsModule }).AdaptiveCards;
  const rendered = new ac.AdaptiveCard();
  rendered.hostConfig = new ac.HostConfig(readJson(`adaptive-cards/host-config/microsoft-teams-${theme}.json`));
  const context = new ac.SerializationContext();
  rendered.parse(JSON.parse(JSON.stringify(card)), context);
  const problems: string[] = [];
  for (let i = 0; i < context.eventCount; i += 1) problems.push(context.getEventAt(i).message);
  problems.push(...rendered.validateProperties().validationEvents.map((e) => e.message));
  const element = rendered.render();
  if (!element) return { html: '', text: '', problems: [...problems, 'renderer returned nothing'], buttons: [] };
  const buttons = [...element.querySelectorAll('button')].filter((b) => b.closest('.ac-adaptiveCard') === element).map((b) => b.getAttribute('aria-label') ?? b.textContent ?? '');
  return { html: element.outerHTML, text: element.textContent ?? '', problems, buttons };
}
