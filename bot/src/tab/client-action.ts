import { InvalidInputError, priority as priorityChoice, visibility as visibilityChoice, type Priority, type Task, type TaskAction, type Visibility } from '@wardline/core';
import type { Directory } from './directory';
import { TabError, TabErrors } from './tab-errors';

/** An action as the tab sends it: people and jobs by id or reference, everything else as core takes it. */
export interface ClientAction {
  kind: string;
  reason?: string;
  publicNote?: string;
  internalNote?: string;
  text?: string;
  visibility?: string;
  officerId?: string;
  team?: string;
  priority?: string;
  intoReference?: string;
}

const priorities = new Set<string>(priorityChoice.options.map((o) => o.key));
const visibilities = new Set<string>(visibilityChoice.options.map((o) => o.key));

const text = (value: unknown, field: string, required: boolean): string | undefined => {
  if (value === undefined || value === null || (typeof value === 'string' && value.trim() === '')) {
    if (required) throw new InvalidInputError(field, 'is required');
    return undefined;
  }
  if (typeof value !== 'string') throw new InvalidInputError(field, 'must be text');
  return value.trim();
};

/** Turns the tab's action into core's, looking up people and jobs; bad input names the field. */
export async function toTaskAction(input: ClientAction, directory: Directory, findTask: (reference: string) => Promise<Task>): Promise<TaskAction> {
  if (!input || typeof input !== 'object' || typeof input.kind !== 'string') throw new InvalidInputError('action.kind', 'is required');
  const reason = (required: boolean) => text(input.reason, 'action.reason', required);
  switch (input.kind) {
    case 'accept': case 'start': case 'resume':
      return { kind: input.kind };
    case 'decline': case 'hold': case 'cancel':
      return { kind: input.kind, reason: reason(true) as string };
    case 'complete':
      return { kind: 'complete', publicNote: text(input.publicNote, 'action.publicNote', true) as string, internalNote: text(input.internalNote, 'action.internalNote', false) };
    case 'couldNotComplete':
      return { kind: 'couldNotComplete', reason: reason(true) as string, internalNote: text(input.internalNote, 'action.internalNote', false) };
    case 'note': {
      const visibility = text(input.visibility, 'action.visibility', false);
      if (visibility && !visibilities.has(visibility)) throw new InvalidInputError('action.visibility', `"${visibility}" is not one of ${[...visibilities].join(', ')}`);
      return { kind: 'note', text: text(input.text, 'action.text', true) as string, visibility: visibility as Visibility | undefined };
    }
    case 'reassign': {
      const officerId = text(input.officerId, 'action.officerId', false);
      const officer = officerId ? directory.people.get(officerId) : undefined;
      if (officerId && !officer) throw new TabError(TabErrors.NotFound, { what: 'officer', id: officerId });
      return { kind: 'reassign', officer: officer && { id: officer.id, name: officer.name, role: officer.role }, team: text(input.team, 'action.team', false), reason: reason(false) };
    }
    case 'reprioritise': {
      const value = text(input.priority, 'action.priority', true) as string;
      if (!priorities.has(value)) throw new InvalidInputError('action.priority', `"${value}" is not one of ${[...priorities].join(', ')}`);
      return { kind: 'reprioritise', priority: value as Priority, reason: reason(true) as string };
    }
    case 'merge': {
      const into = await findTask(text(input.intoReference, 'action.intoReference', true) as string);
      return { kind: 'merge', into: { id: into.id, reference: into.reference, status: into.status }, reason: reason(false) };
    }
    default:
      throw new InvalidInputError('action.kind', `"${input.kind}" is not an action the tab offers`);
  }
}
