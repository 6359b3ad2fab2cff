import { LIMITS, logical, type SolutionModel } from './solution-model';

const NAME = /^[a-z][a-z0-9_]*$/;

function duplicates(values: readonly string[]): string[] {
  const seen = new Set<string>();
  const dup = new Set<string>();
  for (const v of values) (seen.has(v) ? dup : seen).add(v);
  return [...dup];
}

/**
 * Every reason the model cannot become a valid solution, each naming the table, column, choice,
 * role or variable at fault. Empty when the model is sound. Runs before anything is written.
 */
export function checkModel(model: SolutionModel): string[] {
  const p = model.publisherPrefix;
  const problems: string[] = [];
  if (!/^[a-z][a-z0-9]{1,7}$/.test(p)) problems.push(`publisher prefix "${p}": must be 2 to 8 lower-case letters or digits, starting with a letter`);
  const tableKeys = new Set(model.tables.map((t) => t.key));
  const choiceNames = new Set(model.choices.map((c) => c.name));
  for (const d of duplicates(model.tables.map((t) => logical(p, t.key)))) problems.push(`table ${d}: declared more than once`);
  for (const d of duplicates(model.choices.map((c) => c.name))) problems.push(`choice ${d}: declared more than once`);
  for (const d of duplicates(model.roles.map((r) => r.name))) problems.push(`role "${d}": declared more than once`);
  for (const d of duplicates(model.environmentVariables.map((v) => v.schemaName.toLowerCase()))) problems.push(`environment variable ${d}: declared more than once`);

  for (const choice of model.choices) {
    const where = `choice ${choice.name}`;
    if (!choice.name.startsWith(`${p}_`)) problems.push(`${where}: name must start with the publisher prefix "${p}_"`);
    if (!NAME.test(choice.name)) problems.push(`${where}: name must be lower-case letters, digits and underscores`);
    if (choice.name.length > LIMITS.tableName) problems.push(`${where}: name is ${choice.name.length} characters, more than ${LIMITS.tableName}`);
    if (choice.options.length === 0) problems.push(`${where}: has no options`);
    for (const d of duplicates(choice.options.map((o) => String(o.value)))) problems.push(`${where}: option value ${d} is used twice`);
    for (const o of choice.options) {
      if (o.value < LIMITS.optionValueMin || o.value > LIMITS.optionValueMax) problems.push(`${where}, option ${o.key}: value ${o.value} is outside the publisher's range ${LIMITS.optionValueMin}-${LIMITS.optionValueMax}`);
    }
  }

  for (const table of model.tables) {
    const tableName = logical(p, table.key);
    const where = `table ${tableName}`;
    if (!NAME.test(tableName)) problems.push(`${where}: key "${table.key}" must give a lower-case logical name`);
    if (tableName.length + 2 > LIMITS.tableName) problems.push(`${where}: name is ${tableName.length} characters; with its "id" column it exceeds ${LIMITS.tableName}`);
    for (const d of duplicates(table.columns.map((c) => logical(p, c.key)))) problems.push(`${where}: column ${d} is declared more than once`);
    const primary = table.columns.find((c) => c.key === table.primaryName);
    if (!primary) problems.push(`${where}: primary name column "${table.primaryName}" is not one of its columns`);
    else if (primary.kind !== 'string') problems.push(`${where}: primary name column "${table.primaryName}" must be a text column`);
    if (table.columns.some((c) => logical(p, c.key) === `${tableName}id`)) problems.push(`${where}: a column clashes with the primary key ${tableName}id`);
    for (const column of table.columns) {
      const colName = logical(p, column.key);
      const at = `${where}, column ${colName}`;
      if (!NAME.test(colName)) problems.push(`${at}: key "${column.key}" must give a lower-case logical name`);
      if (colName.length > LIMITS.columnName) problems.push(`${at}: name is ${colName.length} characters, more than ${LIMITS.columnName}`);
      if (column.kind === 'lookup' && !tableKeys.has(column.target)) problems.push(`${at}: looks up table "${column.target}", which the model does not declare`);
      if (column.kind === 'choice' && !choiceNames.has(column.choice)) problems.push(`${at}: uses choice "${column.choice}", which the model does not declare`);
      if (column.kind === 'string' && (column.maxLength < 1 || column.maxLength > 4000)) problems.push(`${at}: text length ${column.maxLength} must be 1 to 4000`);
      if (column.kind === 'memo' && (column.maxLength < 1 || column.maxLength > 1048576)) problems.push(`${at}: multiline length ${column.maxLength} must be 1 to 1048576`);
      if (column.kind === 'float' && (column.precision < 0 || column.precision > 10)) problems.push(`${at}: decimal precision ${column.precision} must be 0 to 10`);
    }
    for (const key of table.alternateKeys) {
      const keyName = `${tableName}_${key.name.toLowerCase()}`;
      if (keyName.length > LIMITS.columnName) problems.push(`${where}, alternate key ${keyName}: name is longer than ${LIMITS.columnName}`);
      for (const c of key.columns) if (!table.columns.some((col) => col.key === c)) problems.push(`${where}, alternate key ${keyName}: column "${c}" is not one of its columns`);
    }
  }

  for (const role of model.roles) {
    for (const tableKey of Object.keys(role.privileges)) {
      if (!tableKeys.has(tableKey)) problems.push(`role "${role.name}": grants privileges on table "${tableKey}", which the model does not declare`);
    }
  }
  for (const variable of model.environmentVariables) {
    if (!variable.schemaName.startsWith(`${p}_`)) problems.push(`environment variable ${variable.schemaName}: must start with the publisher prefix "${p}_"`);
    if (variable.schemaName.length > LIMITS.schemaName) problems.push(`environment variable ${variable.schemaName}: name is longer than ${LIMITS.schemaName}`);
    if (variable.type === 'secret' && variable.defaultValue !== undefined) problems.push(`environment variable ${variable.schemaName}: a secret cannot carry a default value`);
  }
  return problems;
}
