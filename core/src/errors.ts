/**
 * Core's error catalogue. Every error has a stable code and a message a council admin can act
 * on; `{placeholders}` are filled from the details. docs/errors.md is generated from this list.
 */
export const CoreErrors = {
  InvalidInput: { code: 'WL-CORE-001', message: '{field}: {problem}' },
  UnknownTaskType: { code: 'WL-CORE-002', message: 'Unknown task type "{code}". Run `wardline import task-types` or pick one of the catalogue codes.' },
  OutsideCouncil: { code: 'WL-CORE-003', message: 'The point {latitude}, {longitude} is outside every ward of the council.' },
  NoWards: { code: 'WL-CORE-004', message: 'No wards are loaded. Run `wardline import wards FILE.geojson` first.' },
  TaskNotFound: { code: 'WL-CORE-010', message: 'No job with reference or id "{ref}".' },
  StaleTask: { code: 'WL-STORE-010', message: 'Job {ref} changed since you opened it (you had version {expected}, it is now {actual}). Reload it and try again.' },
  DuplicateKey: { code: 'WL-STORE-011', message: '{table} already has a row with {key} "{value}".' },
  MissingReference: { code: 'WL-STORE-012', message: '{table}.{column} points to {target} "{value}", which does not exist.' },
  StoreUnavailable: { code: 'WL-STORE-001', message: 'The store at {location} cannot be opened: {reason}' },
  TransitionNotAllowed: { code: 'WL-LIFE-001', message: 'A job that is {from} cannot be moved to {to}.' },
  ActionNotAllowedInStatus: { code: 'WL-LIFE-007', message: 'A job that is {from} cannot be {action}.' },
  ActorNotAllowed: { code: 'WL-LIFE-002', message: '{actor} may not {action} job {ref}: {reason}' },
  ReasonRequired: { code: 'WL-LIFE-003', message: 'A reason is needed to {action} job {ref}.' },
  PhotoRequired: { code: 'WL-LIFE-004', message: 'Job {ref} is a {taskType}: a photo is needed to complete it.' },
  SettingInvalid: { code: 'WL-CORE-020', message: 'Setting {variable} ({schemaName}): {problem}' },
  DescriptionRequired: { code: 'WL-LIFE-005', message: 'A public note saying what was done is needed to {action} job {ref}.' },
  MergeTargetInvalid: { code: 'WL-LIFE-006', message: 'Job {ref} cannot be merged into {target}: {reason}' },
  ImportFailed: { code: 'WL-IMPORT-001', message: '{file}{location}: {problem}' },
  ChannelMissing: { code: 'WL-OUTBOX-001', message: 'No delivery channel "{channel}" is registered; event {id} waits until one is.' },
} as const;

export type ErrorDefinition = { readonly code: string; readonly message: string };
export type ErrorDetails = Record<string, string | number | boolean | null | undefined>;

/** Fills `{name}` placeholders from details; unknown placeholders stay visible so gaps are noticed. */
export function formatMessage(template: string, details: ErrorDetails): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => (details[name] === undefined || details[name] === null ? whole : String(details[name])));
}

/** Base of every Wardline error: a stable `code`, a readable message and the details behind it. */
export class WardlineError extends Error {
  readonly code: string;
  readonly details: ErrorDetails;
  constructor(definition: ErrorDefinition, details: ErrorDetails = {}, options?: { cause?: unknown }) {
    super(formatMessage(definition.message, details), options);
    this.name = new.target.name;
    this.code = definition.code;
    this.details = details;
  }
}

/** Bad input from a person or a system: the message names the field and what is wrong. */
export class InvalidInputError extends WardlineError {
  constructor(field: string, problem: string, details: ErrorDetails = {}) {
    super(CoreErrors.InvalidInput, { ...details, field, problem });
  }
}
export class UnknownTaskTypeError extends WardlineError {
  constructor(code: string) {
    super(CoreErrors.UnknownTaskType, { code });
  }
}
export class OutsideCouncilError extends WardlineError {
  constructor(latitude: number, longitude: number) {
    super(CoreErrors.OutsideCouncil, { latitude, longitude });
  }
}
export class TaskNotFoundError extends WardlineError {
  constructor(ref: string) {
    super(CoreErrors.TaskNotFound, { ref });
  }
}
/** The job's row version moved on: reload and retry; never overwrite silently. */
export class StaleTaskError extends WardlineError {
  constructor(ref: string, expected: number, actual: number) {
    super(CoreErrors.StaleTask, { ref, expected, actual });
  }
}
export class DuplicateKeyError extends WardlineError {
  constructor(table: string, key: string, value: string) {
    super(CoreErrors.DuplicateKey, { table, key, value });
  }
}
export class TransitionNotAllowedError extends WardlineError {
  /** With `action` (e.g. "reprioritised") the message names the action rather than a target status. */
  constructor(from: string, to: string, action?: string) {
    super(action ? CoreErrors.ActionNotAllowedInStatus : CoreErrors.TransitionNotAllowed, { from, to, action });
  }
}
export class ActorNotAllowedError extends WardlineError {
  constructor(actor: string, action: string, ref: string, reason: string) {
    super(CoreErrors.ActorNotAllowed, { actor, action, ref, reason });
  }
}
/** A council setting (environment variable) is missing or malformed; names the variable. */
export class SettingError extends WardlineError {
  constructor(variable: string, schemaName: string, problem: string) {
    super(CoreErrors.SettingInvalid, { variable, schemaName, problem });
  }
}
/** A lifecycle action needs a reason (decline, hold, could not complete, cancel, reprioritise). */
export class ReasonRequiredError extends WardlineError {
  constructor(action: string, ref: string) {
    super(CoreErrors.ReasonRequired, { action, ref });
  }
}
/** The task type requires a photo to complete and none was given. */
export class PhotoRequiredError extends WardlineError {
  constructor(ref: string, taskType: string) {
    super(CoreErrors.PhotoRequired, { ref, taskType });
  }
}
/** Completing a job needs a public note for the resident. */
export class DescriptionRequiredError extends WardlineError {
  constructor(action: string, ref: string) {
    super(CoreErrors.DescriptionRequired, { action, ref });
  }
}
export class MergeTargetInvalidError extends WardlineError {
  constructor(ref: string, target: string, reason: string) {
    super(CoreErrors.MergeTargetInvalid, { ref, target, reason });
  }
}
/** An import stopped: names the file, line and field; nothing was stored. */
export class ImportError extends WardlineError {
  constructor(file: string, problem: string, where: { line?: number; field?: string; feature?: number } = {}) {
    const parts = [where.line !== undefined ? `line ${where.line}` : '', where.feature !== undefined ? `feature ${where.feature}` : '', where.field ? `field "${where.field}"` : ''].filter(Boolean);
    super(CoreErrors.ImportFailed, { file, problem, location: parts.length ? `, ${parts.join(', ')}` : '', ...where });
  }
}

export const isWardlineError = (error: unknown): error is WardlineError => error instanceof WardlineError;
