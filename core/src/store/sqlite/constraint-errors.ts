import { DuplicateKeyError, type WardlineError } from '../../errors';
import { choiceByName, type ColumnDef, type TableDef } from '../../model';
import { InvalidValueError, MissingReferenceError } from '../store-errors';
import { checkName, sqlName } from './schema';
import type { StatementCache } from './statements';

/**
 * Turns SQLite constraint failures into Wardline's typed errors, naming the model table, column
 * and value, so a caller (or an admin reading an import error) never sees raw SQL messages.
 */

function checkProblem(column: ColumnDef, value: unknown): string {
  switch (column.kind) {
    case 'choice':
      return `"${String(value)}" is not one of ${choiceByName(column.choice).options.map((o) => o.key).join(', ')}`;
    case 'string':
    case 'memo':
      return `is longer than ${column.maxLength} characters`;
    case 'integer':
    case 'float':
      return `${String(value)} is outside ${column.min ?? '-∞'} to ${column.max ?? '∞'}`;
    default:
      return `"${String(value)}" is not allowed`;
  }
}

/**
 * better-sqlite3 hands its error class to the native addon once per process, so when the module is
 * loaded twice (jest gives each test file its own registry and globals) `instanceof` can fail:
 * recognise it by name and code instead.
 */
const isSqliteError = (error: unknown): error is { name: string; code: string; message: string } =>
  typeof error === 'object' && error !== null && (error as { name?: unknown }).name === 'SqliteError' && typeof (error as { code?: unknown }).code === 'string';

const columnOf = (table: TableDef, sql: string): ColumnDef | undefined => table.columns.find((c) => sqlName(c.key) === sql);

/** The key named in "UNIQUE constraint failed: wl_task.wl_a, wl_task.wl_b", as model keys. */
function uniqueColumns(table: TableDef, message: string): string[] {
  const list = message.split(':')[1] ?? '';
  return list.split(',').map((part) => part.trim().split('.')[1] ?? '').map((sql) => (sql === 'id' ? 'id' : columnOf(table, sql)?.key ?? sql));
}

/** The first lookup in the row whose target does not exist. */
function missingReference(statements: StatementCache, table: TableDef, row: Record<string, unknown>): WardlineError | undefined {
  for (const column of table.columns) {
    if (column.kind !== 'lookup') continue;
    const value = row[column.key];
    if (value === null || value === undefined) continue;
    if (!statements.first(`SELECT 1 AS found FROM ${sqlName(column.target)} WHERE id = ?`, value)) return new MissingReferenceError(table.key, column.key, column.target, String(value));
  }
  return undefined;
}

/**
 * The typed error for a failed write of `row` into `table`, or the original error when it is not
 * a constraint failure. Call it while the transaction is still open (lookups are checked).
 */
export function translateConstraint(error: unknown, statements: StatementCache, table: TableDef, row: Record<string, unknown>): unknown {
  if (!isSqliteError(error)) return error;
  const message = error.message;
  switch (error.code) {
    case 'SQLITE_CONSTRAINT_NOTNULL': {
      const column = columnOf(table, message.split('.').pop() ?? '');
      return column ? new InvalidValueError(table.key, column.key, 'is required') : error;
    }
    case 'SQLITE_CONSTRAINT_CHECK': {
      const column = table.columns.find((c) => message.endsWith(checkName(table, c)));
      return column ? new InvalidValueError(table.key, column.key, checkProblem(column, row[column.key]), { value: String(row[column.key]) }) : error;
    }
    case 'SQLITE_CONSTRAINT_UNIQUE':
    case 'SQLITE_CONSTRAINT_PRIMARYKEY': {
      const keys = uniqueColumns(table, message);
      return new DuplicateKeyError(table.key, keys.join(' + '), keys.map((k) => String(row[k])).join(' + '));
    }
    case 'SQLITE_CONSTRAINT_FOREIGNKEY':
      return missingReference(statements, table, row) ?? error;
    case 'SQLITE_CONSTRAINT_DATATYPE': {
      const column = columnOf(table, message.split('.').pop() ?? '');
      return column ? new InvalidValueError(table.key, column.key, `${JSON.stringify(row[column.key])} is not a ${column.kind} value`) : error;
    }
    default:
      return error;
  }
}

/** Runs a write, translating a constraint failure on `row` into a typed error. */
export function guarded<T>(statements: StatementCache, table: TableDef, row: Record<string, unknown>, write: () => T): T {
  try {
    return write();
  } catch (error) {
    throw translateConstraint(error, statements, table, row);
  }
}
