/**
 * Screenshots of Wardline's Teams cards for the guides (docs/screenshots/cards/*.png): each card is
 * built by bot/cards, rendered in headless Chromium by the real `adaptivecards` renderer with the
 * Microsoft Teams light host config (read from ../shared/reference, never copied), and captured.
 * The test checks each picture was written and that the rendered card shows the text expected.
 */
import { mkdirSync, readFileSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { buildCouncillorCard, buildJobCard, buildSupervisorAlertCard, buildWelcomeCard, type AdaptiveCard } from '../../bot/src/cards';
import { TEAMS_SCHEMAS } from '../../bot/src/cards/testing/card-checks';
import { flyTipping, person, taskRow } from '../../bot/src/cards/testing/fixtures';

const OUT = resolve(__dirname, '../../docs/screenshots/cards');
const links = { serviceUrl: 'https://wardline.example.gov.uk', teamsAppId: '11111111-2222-3333-4444-555555555555' };
const timeZone = 'Europe/London';

const PAGE = `<!doctype html><html lang="en-GB"><head><meta charset="utf-8"><title>Wardline card</title>
<style>
  body { margin: 0; padding: 16px; background: #f5f5f5; font-family: "Segoe UI", system-ui, sans-serif; }
  #frame { width: 440px; background: #fff; border: 1px solid #e0e0e0; border-radius: 6px; box-shadow: 0 1px 2px rgba(0,0,0,.14); overflow: hidden; }
  .ac-pushButton { border: 1px solid #d1d1d1; border-radius: 4px; background: #fff; color: #242424; padding: 5px 12px; font-weight: 600; cursor: pointer; }
  .ac-pushButton[aria-expanded="true"] { background: #ebebeb; }
  .ac-input { border: 1px solid #d1d1d1; border-radius: 4px; padding: 5px 8px; font: inherit; }
  a { color: #5b5fc7; }
</style></head><body><main><div id="frame"></div></main></body></html>`;

interface Shot {
  file: string;
  card: AdaptiveCard;
  expected: string[];
  /** Open this ShowCard action before capturing (to show the inline form). */
  expand?: string;
}

const sam = person({ id: 'off-sam', name: 'Sam Patel', role: 'officer' });
const alex = person({ id: 'off-alex', name: 'Alex Jones', role: 'officer' });
const priya = person({ id: 'off-priya', name: 'Priya Shah', role: 'officer', onDuty: false });

const shots: Shot[] = [
  {
    file: 'job-card-officer.png',
    card: buildJobCard({ task: taskRow(), taskType: flyTipping, wardName: 'Castle', viewer: { audience: 'officer', officerId: sam.id }, assigneeName: sam.name, verbs: ['accept', 'decline'], links, timeZone }),
    expected: ['Fly-tipping · WL-26-000123', 'Mattress and bin bags on the verge', 'Flat 3, 12a High Street, Colchester', 'Accept', 'Decline'],
  },
  {
    file: 'job-card-complete.png',
    card: buildJobCard({ task: taskRow({ status: 'in_progress' }), taskType: flyTipping, wardName: 'Castle', viewer: { audience: 'officer', officerId: sam.id }, assigneeName: sam.name, verbs: ['hold', 'complete', 'couldNotComplete'], links, timeZone }),
    expected: ['Complete', 'In progress'],
    expand: 'Complete',
  },
  {
    file: 'taken-by-card.png',
    card: buildJobCard({
      task: taskRow({ status: 'accepted', assignedOfficer: alex.id, dispatchMode: 'pool' }), taskType: flyTipping, wardName: 'Castle', viewer: { audience: 'officer', officerId: sam.id },
      assigneeName: alex.name, verbs: [], links, timeZone, notice: { text: `Taken by ${alex.name}`, tone: 'accent' },
    }),
    expected: ['Taken by Alex Jones', 'WL-26-000123'],
  },
  {
    file: 'councillor-update.png',
    card: buildCouncillorCard({ event: 'completed', task: taskRow({ status: 'completed', resolution: 'Cleared and swept' }), taskType: { name: 'Fly-tipping', redaction: 'sensitive' }, wardName: 'Castle', publicNote: 'Cleared and swept; the verge is clear.', links, timeZone, subscribedEvents: ['raised', 'completed'] }),
    expected: ['Job completed', 'Cleared and swept', 'Choose updates'],
  },
  {
    file: 'supervisor-alert.png',
    card: buildSupervisorAlertCard({ alert: 'declined', task: taskRow({ status: 'new', assignedOfficer: null }), taskType: flyTipping, reason: 'Everyone offered this job declined it (3 people); last, Priya Shah said "Van off the road today".', candidates: [alex, sam, priya], links, timeZone }),
    expected: ['Declined: nobody has it', 'Reassign', 'Alex Jones'],
    expand: 'Reassign',
  },
  {
    file: 'welcome-card.png',
    card: buildWelcomeCard({ name: sam.name, role: 'officer', councilName: 'Wardline Borough Council', links, registered: true }),
    expected: ['Sam Patel'],
  },
];

let browser: Browser;
let page: Page;

beforeAll(async () => {
  mkdirSync(OUT, { recursive: true });
  browser = await chromium.launch({ executablePath: '/usr/bin/chromium', headless: true, args: ['--no-sandbox', '--disable-background-networking', '--disable-component-update', '--disable-sync'] });
  page = await browser.newPage({ viewport: { width: 480, height: 400 }, deviceScaleFactor: 1 });
  // Nothing leaves the machine: every request other than the page itself is refused.
  await page.route('**/*', (route) => route.abort());
  await page.setContent(PAGE);
  await page.addScriptTag({ path: require.resolve('adaptivecards/dist/adaptivecards.js') });
  await page.addScriptTag({ path: require.resolve('markdown-it/dist/markdown-it.min.js') });
  const hostConfig = JSON.parse(readFileSync(resolve(TEAMS_SCHEMAS, 'adaptive-cards/host-config/microsoft-teams-light.json'), 'utf8')) as unknown;
  await page.evaluate((config) => {
    type Renderer = { hostConfig: unknown; parse(json: unknown): void; render(): HTMLElement | undefined };
    const w = window as unknown as {
      AdaptiveCards: { AdaptiveCard: { new (): Renderer; onProcessMarkdown: (text: string, result: { didProcess: boolean; outputHtml?: string }) => void }; HostConfig: new (json: unknown) => unknown };
      markdownit: (options: Record<string, boolean>) => { render(text: string): string };
      showCard: (card: unknown) => void;
    };
    const markdown = w.markdownit({ html: false, linkify: false, breaks: true });
    w.AdaptiveCards.AdaptiveCard.onProcessMarkdown = (text, result) => {
      result.outputHtml = markdown.render(text);
      result.didProcess = true;
    };
    const hostConfig = new w.AdaptiveCards.HostConfig(config);
    w.showCard = (card) => {
      const renderer = new w.AdaptiveCards.AdaptiveCard();
      renderer.hostConfig = hostConfig;
      renderer.parse(card);
      const frame = document.getElementById('frame') as HTMLElement;
      frame.replaceChildren(renderer.render() ?? document.createTextNode('The renderer returned nothing'));
    };
  }, hostConfig);
}, 60_000);

afterAll(async () => {
  await browser?.close();
});

describe('card screenshots for the guides', () => {
  it.each(shots.map((shot) => [shot.file, shot] as const))('%s', async (file, shot) => {
    await page.evaluate((card) => (window as unknown as { showCard: (c: unknown) => void }).showCard(card), JSON.parse(JSON.stringify(shot.card)) as unknown);
    if (shot.expand) await page.locator('#frame button', { hasText: shot.expand }).first().click();
    const text = (await page.locator('#frame').innerText()).replace(/\s+/g, ' ');
    for (const expected of shot.expected) expect(text).toContain(expected);
    const path = resolve(OUT, file);
    await page.locator('#frame').screenshot({ path, animations: 'disabled' });
    const png = readFileSync(path);
    expect(png.subarray(1, 4).toString('latin1')).toBe('PNG');
    expect(statSync(path).size).toBeGreaterThan(5000);
  });
});
