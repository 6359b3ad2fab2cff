import type { Officer, Priority, TaskStatus, Visibility } from '../model';

export interface Photo {
  url: string;
  /** Media type, e.g. image/jpeg. */
  type: string;
}

/**
 * Every action on a job. `clientId` (from a device) makes a retried offline sync apply once;
 * `occurredOn` (from a device that was offline) is when it really happened, for the timeline.
 */
export type TaskAction = (
  | { kind: 'assign'; officer: Pick<Officer, 'id' | 'name' | 'role'>; team?: string }
  | { kind: 'offer'; officers: Pick<Officer, 'id' | 'name' | 'role'>[] }
  | { kind: 'accept' }
  | { kind: 'decline'; reason: string }
  | { kind: 'start' }
  | { kind: 'hold'; reason: string }
  | { kind: 'resume' }
  | { kind: 'complete'; publicNote: string; internalNote?: string; photo?: Photo }
  | { kind: 'couldNotComplete'; reason: string; internalNote?: string }
  | { kind: 'cancel'; reason: string }
  | { kind: 'reassign'; officer?: Pick<Officer, 'id' | 'name' | 'role'>; team?: string; reason?: string }
  | { kind: 'reprioritise'; priority: Priority; reason: string }
  | { kind: 'merge'; into: { id: string; reference: string; status: TaskStatus }; reason?: string }
  | { kind: 'note'; text: string; visibility?: Visibility }
  | { kind: 'photo'; photo: Photo; note?: string; visibility?: Visibility }
) & { clientId?: string; occurredOn?: string };

export type TaskActionKind = TaskAction['kind'];

/** The action in words, for messages: "reprioritise", "complete". */
export const actionVerb: Record<TaskActionKind, string> = {
  assign: 'assign', offer: 'offer', accept: 'accept', decline: 'decline', start: 'start', hold: 'put on hold', resume: 'resume',
  complete: 'complete', couldNotComplete: 'close as could not complete', cancel: 'cancel', reassign: 'reassign',
  reprioritise: 'reprioritise', merge: 'merge', note: 'add a note to', photo: 'add a photo to',
};
