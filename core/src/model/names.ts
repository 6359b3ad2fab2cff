import { choices } from './choices';
import { tables } from './tables';
import type { ChoiceDef, ColumnDef, TableDef } from './types';

/** The publisher prefix every Wardline name carries. */
export const PUBLISHER_PREFIX = 'wl';

/** `task` -> `wl_task`; `dueBy` -> `wl_dueby`. Dataverse logical names are lower case. */
export const logicalName = (key: string): string => `${PUBLISHER_PREFIX}_${key.toLowerCase()}`;

/** `dueBy` -> `wl_DueBy`: the schema name Dataverse shows makers. */
export const schemaName = (key: string): string => `${PUBLISHER_PREFIX}_${key.charAt(0).toUpperCase()}${key.slice(1)}`;

/** The primary key column's logical name, e.g. `wl_taskid`. */
export const primaryIdName = (table: TableDef): string => `${logicalName(table.key)}id`;

/** Web API entity set name: Dataverse pluralises the logical name by appending `s` (`es` after s/x). */
export const entitySetName = (table: TableDef): string => {
  const name = logicalName(table.key);
  return /(s|x|ch|sh)$/.test(name) ? `${name}es` : name.endsWith('y') && !/[aeiou]y$/.test(name) ? `${name.slice(0, -1)}ies` : `${name}s`;
};

export function tableByKey(key: string): TableDef {
  const table = tables.find((t) => t.key === key);
  if (!table) throw new Error(`Unknown table key "${key}" in core/model`);
  return table;
}

export function columnByKey(table: TableDef, key: string): ColumnDef {
  const column = table.columns.find((c) => c.key === key);
  if (!column) throw new Error(`Unknown column "${key}" on table ${table.key} in core/model`);
  return column;
}

export function choiceByName(name: string): ChoiceDef {
  const choice = choices.find((c) => c.name === name);
  if (!choice) throw new Error(`Unknown choice "${name}" in core/model`);
  return choice;
}

/** Display label of a choice option by its code key, e.g. choiceLabel('wl_taskstatus', 'in_progress') -> 'In progress'. */
export function choiceLabel(name: string, key: string): string {
  return choiceByName(name).options.find((o) => o.key === key)?.label ?? key;
}

/** Dataverse option value of a choice key. */
export function choiceValue(name: string, key: string): number {
  const option = choiceByName(name).options.find((o) => o.key === key);
  if (!option) throw new Error(`Choice ${name} has no option "${key}"`);
  return option.value;
}

/** Choice key of a Dataverse option value. */
export function choiceKeyOf(name: string, value: number): string {
  const option = choiceByName(name).options.find((o) => o.value === value);
  if (!option) throw new Error(`Choice ${name} has no option value ${value}`);
  return option.key;
}

/** Column label from the model: columnLabel('task', 'dueBy') -> 'Due by'. */
export const columnLabel = (tableKey: string, columnKey: string): string => columnByKey(tableByKey(tableKey), columnKey).label;
