import { CoreErrors, WardlineError } from '../errors';

/**
 * Errors only the stores raise, beyond those in core's catalogue (`CoreErrors`). Codes continue
 * the WL-STORE range; docs/errors.md lists them with the rest.
 */
export const StoreErrors = {
  RowNotFound: { code: 'WL-STORE-013', message: '{table} has no row with id "{id}".' },
  InvalidValue: { code: 'WL-STORE-014', message: '{table}.{column}: {problem}' },
  InUse: { code: 'WL-STORE-015', message: '{table} row "{id}" cannot be removed: {referencing} still points to it.' },
  SchemaTooOld: { code: 'WL-STORE-016', message: 'The store at {location} has schema version {version}, older than the model. Open it once without readonly to upgrade it.' },
  BadImport: { code: 'WL-STORE-017', message: 'Import into {table}: {problem}' },
  ReadOnly: { code: 'WL-STORE-018', message: 'The store at {location} is open read-only; writing needs it opened without readonly.' },
} as const;

/** A lookup column points to a row that does not exist (or an import left one dangling). */
export class MissingReferenceError extends WardlineError {
  constructor(table: string, column: string, target: string, value: string) {
    super(CoreErrors.MissingReference, { table, column, target, value });
  }
}

/** The store file cannot be opened or used: wrong path, not a Wardline store, locked. */
export class StoreUnavailableError extends WardlineError {
  constructor(location: string, reason: string, cause?: unknown) {
    super(CoreErrors.StoreUnavailable, { location, reason }, { cause });
  }
}

/** No row with that id in that table. */
export class RowNotFoundError extends WardlineError {
  constructor(table: string, id: string) {
    super(StoreErrors.RowNotFound, { table, id });
  }
}

/** A value breaks a column rule from core/model: required, a choice key, a length, a range. */
export class InvalidValueError extends WardlineError {
  constructor(table: string, column: string, problem: string, details: { value?: string } = {}) {
    super(StoreErrors.InvalidValue, { table, column, problem, ...details });
  }
}

/** A row is still referenced by a restricting lookup (e.g. a task type jobs still use). */
export class RowInUseError extends WardlineError {
  constructor(table: string, id: string, referencing: string) {
    super(StoreErrors.InUse, { table, id, referencing });
  }
}

/** A readonly open found a store whose schema is older than the model. */
export class SchemaTooOldError extends WardlineError {
  constructor(location: string, version: number) {
    super(StoreErrors.SchemaTooOld, { location, version });
  }
}

/** An import batch is malformed (unknown table, upsert without a usable key). */
export class BadImportError extends WardlineError {
  constructor(table: string, problem: string) {
    super(StoreErrors.BadImport, { table, problem });
  }
}

/** A write was asked of a store opened read-only. */
export class StoreReadOnlyError extends WardlineError {
  constructor(location: string) {
    super(StoreErrors.ReadOnly, { location });
  }
}
