import { choiceByName, logicalName, tables } from '../../model';
import type { ColumnDef, TableDef } from '../../model';

/**
 * The SQLite schema, derived from core/model and never restated: table `task` becomes `wl_task`,
 * column `dueBy` becomes `wl_dueby`, and every table gets `id`, `createdon` and `modifiedon`.
 * Column rules (required, choice keys, lengths, ranges) become NOT NULL and named CHECK
 * constraints, so a failure can be traced back to the model column (see constraint-errors.ts).
 */

/** SQL name of a table or column key. */
export const sqlName = (key: string): string => logicalName(key);

/** Name of the CHECK constraint guarding a column: `ck_wl_task_wl_status`. */
export const checkName = (table: TableDef, column: ColumnDef): string => `ck_${sqlName(table.key)}_${sqlName(column.key)}`;

const quote = (text: string): string => `'${text.replace(/'/g, "''")}'`;

function sqlType(column: ColumnDef): string {
  if (column.kind === 'integer' || column.kind === 'boolean') return 'INTEGER';
  if (column.kind === 'float') return 'REAL';
  return 'TEXT';
}

/**
 * `x IN ('a', 'b') OR x IN ('c', 'd') OR …`: the allowed keys in IN lists of at most two. SQLite
 * compiles a list of one or two values to plain comparisons, but builds a temporary index for a
 * longer list every time an INSERT runs, which made the CHECKs of a job row cost more than half
 * the insert. Pairs are counted from the end so an appended option joins the last list.
 */
function choiceCheck(name: string, keys: readonly string[]): string {
  const lists: string[] = [];
  for (let end = keys.length; end > 0; end -= 2) lists.unshift(`${name} IN (${keys.slice(Math.max(0, end - 2), end).join(', ')})`);
  return lists.join(' OR ');
}

function checkExpression(column: ColumnDef): string | undefined {
  const name = sqlName(column.key);
  switch (column.kind) {
    case 'string':
    case 'memo':
      return `length(${name}) <= ${column.maxLength}`;
    case 'boolean':
      return `${name} IN (0, 1)`;
    case 'choice':
      return choiceCheck(name, choiceByName(column.choice).options.map((o) => quote(o.key)));
    case 'integer':
    case 'float': {
      const bounds = [column.min !== undefined ? `${name} >= ${column.min}` : '', column.max !== undefined ? `${name} <= ${column.max}` : ''].filter(Boolean);
      return bounds.length ? bounds.join(' AND ') : undefined;
    }
    default:
      return undefined;
  }
}

/** What a lookup does when its target row goes; a required lookup without a rule restricts. */
function onDeleteClause(column: Extract<ColumnDef, { kind: 'lookup' }>): string {
  const rule = column.onDelete ?? (column.required ? 'restrict' : 'removeLink');
  // NO ACTION (not RESTRICT) so an import may replace referenced rows inside one transaction.
  return rule === 'cascade' ? 'ON DELETE CASCADE' : rule === 'removeLink' ? 'ON DELETE SET NULL' : 'ON DELETE NO ACTION';
}

/** The column definition as it appears in CREATE TABLE (or ALTER TABLE ADD COLUMN). */
export function columnSql(table: TableDef, column: ColumnDef, options: { forAlter?: boolean } = {}): string {
  const parts = [sqlName(column.key), sqlType(column)];
  const defaultValue = column.kind === 'boolean' ? (column.defaultValue ? 1 : 0) : undefined;
  // A required column added to existing rows needs a default; without one it is added nullable.
  const notNull = column.kind === 'boolean' || (column.required && !options.forAlter);
  if (notNull) parts.push('NOT NULL');
  if (defaultValue !== undefined) parts.push(`DEFAULT ${defaultValue}`);
  const check = checkExpression(column);
  if (check) parts.push(`CONSTRAINT ${checkName(table, column)} CHECK (${check})`);
  if (column.kind === 'lookup') parts.push(`REFERENCES ${sqlName(column.target)}(id) ${onDeleteClause(column)}`);
  return parts.join(' ');
}

/** CREATE TABLE for one model table (STRICT, so types are enforced as Dataverse would). */
export function createTableSql(table: TableDef): string {
  const columns = ['id TEXT PRIMARY KEY NOT NULL', 'createdon TEXT NOT NULL', 'modifiedon TEXT NOT NULL', ...table.columns.map((c) => columnSql(table, c))];
  return `CREATE TABLE ${sqlName(table.key)} (\n  ${columns.join(',\n  ')}\n) STRICT`;
}

export interface IndexDef {
  readonly name: string;
  readonly sql: string;
}

/** Extra indexes the queries need, by table key and column keys (system columns by SQL name). */
const queryIndexes: Readonly<Record<string, readonly (readonly string[])[]>> = {
  task: [['ward', 'status'], ['status', 'dueBy'], ['assignedOfficer', 'status'], ['reportedOn'], ['modifiedon'], ['taskType', 'status']],
  taskUpdate: [['task', 'occurredOn']],
  outbox: [['status', 'nextAttemptOn'], ['status', 'leaseUntil']],
  routingRule: [['order']],
};

/** Query indexes only ever searched with `column <= ?` on this column, so rows where it is null are left out. */
const sparseIndexColumn: Readonly<Record<string, string>> = {
  // Only events under a lease (being delivered) have leaseUntil; the claim asks for lapsed leases.
  ix_wl_outbox_status_leaseuntil: 'leaseUntil',
};

const columnRef = (key: string): string => (key === 'id' || key === 'createdon' || key === 'modifiedon' ? key : sqlName(key));

/** Unique indexes for alternate keys (partial where a key column is optional), lookup indexes and query indexes. */
export function indexesFor(table: TableDef): IndexDef[] {
  const tableName = sqlName(table.key);
  const indexes: IndexDef[] = table.alternateKeys.map((key) => {
    const optional = key.columns.filter((k) => !table.columns.find((c) => c.key === k)?.required);
    const where = optional.length ? ` WHERE ${optional.map((k) => `${sqlName(k)} IS NOT NULL`).join(' AND ')}` : '';
    const name = `ak_${tableName}_${key.name}`;
    return { name, sql: `CREATE UNIQUE INDEX IF NOT EXISTS ${name} ON ${tableName} (${key.columns.map(sqlName).join(', ')})${where}` };
  });
  const composite = queryIndexes[table.key] ?? [];
  // A lookup gets its own index (for joins and cascades) unless a query index already leads with it.
  // An optional lookup's index leaves out rows without a link (most jobs are no one's duplicate,
  // most timeline entries have no author): fewer index writes per insert, and SQLite still uses it
  // for `column = ?` (joins, cascades).
  const lookups = table.columns.filter((c) => c.kind === 'lookup' && !composite.some((cols) => cols[0] === c.key));
  for (const column of lookups) {
    const name = `ix_${tableName}_${column.key.toLowerCase()}`;
    const where = column.required ? '' : ` WHERE ${sqlName(column.key)} IS NOT NULL`;
    indexes.push({ name, sql: `CREATE INDEX IF NOT EXISTS ${name} ON ${tableName} (${sqlName(column.key)})${where}` });
  }
  for (const columns of composite) {
    const name = `ix_${tableName}_${columns.map((c) => c.toLowerCase()).join('_')}`;
    const sparse = sparseIndexColumn[name];
    indexes.push({ name, sql: `CREATE INDEX IF NOT EXISTS ${name} ON ${tableName} (${columns.map(columnRef).join(', ')})${sparse ? ` WHERE ${sqlName(sparse)} IS NOT NULL` : ''}` });
  }
  return indexes;
}

/** Every model table, in the model's order. */
export const modelTables: readonly TableDef[] = tables;
