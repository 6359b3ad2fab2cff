import type { PersonRole } from '@wardline/core';
import { adaptiveCard, text, type AdaptiveCard, type CardElement } from './adaptive-card';
import { escapeMarkdown } from './card-format';
import { jobLink, type CardLinks } from './card-links';

const roleLines: Record<PersonRole, string[]> = {
  officer: [
    'New jobs for you arrive here as cards. Accept, start, put on hold and complete them from the card.',
    'Send a photo while a job is in progress and it is added to that job.',
  ],
  volunteer: [
    'Offers of help near you arrive here. You see the area and the kind of help first; the details come once you accept.',
    'Say **on duty** or **off duty** to start or stop offers.',
  ],
  supervisor: [
    'You hear here when a job in your teams is overdue or declined, and can reassign it in one tap.',
  ],
  councillor: [
    'You hear here when a job in your ward is raised, accepted, overdue, completed or could not be completed.',
    'Choose which updates you want with **updates**.',
  ],
};

const commandLines: Record<PersonRole, string[]> = {
  officer: ['**my jobs**: your open jobs', '**job WL-26-000123**: one job', '**report**: raise a job where you are', '**on duty** / **off duty**', '**help**'],
  volunteer: ['**my jobs**: what you have taken on', '**on duty** / **off duty**', '**help**'],
  supervisor: ['**my jobs**: open jobs in your teams', '**job WL-26-000123**: one job', '**report**: raise a job', '**help**'],
  councillor: ['**job WL-26-000123**: one job in your ward', '**report**: raise a job', '**updates**: choose your updates', '**help**'],
};

/** The card a person gets when Wardline is installed for them, and in answer to "help". */
export function buildWelcomeCard(options: { name: string; role: PersonRole; councilName: string; links: CardLinks; registered: boolean }): AdaptiveCard {
  const body: CardElement[] = [
    text(`Hello ${escapeMarkdown(options.name)}`, { size: 'Medium', weight: 'Bolder' }),
    text(`Wardline brings ${escapeMarkdown(options.councilName)}'s street and community jobs to Teams.`),
  ];
  if (!options.registered) {
    body.push({ type: 'Container', style: 'warning', items: [text('Wardline does not know you yet. Ask your supervisor to add you as an officer, volunteer or councillor; then say **help** again.')] });
  } else {
    roleLines[options.role].forEach((line) => body.push(text(line)));
    body.push(text('You can say:', { weight: 'Bolder', separator: true }));
    body.push(text(commandLines[options.role].map((line) => `- ${line}`).join('\r')));
  }
  const tab = jobLink(options.links, '').replace(/%2F?$/, '');
  return adaptiveCard(body, { actions: [{ type: 'Action.OpenUrl', title: 'Open Wardline', url: tab }], fallbackText: `Welcome to Wardline, ${options.name}.` });
}
