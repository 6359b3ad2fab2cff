import { choices, choiceByName, environmentVariables, logicalName, primaryIdName, roles, tables, type ColumnDef, type TableDef } from '../model';

/** Header carried by every generated page, so a reader (and the drift test) knows not to edit it. */
export const GENERATED_NOTICE = '<!-- Generated from core/model by `npm run docs`. Do not edit by hand: change core/model and regenerate. -->';

const cell = (text: string): string => text.replace(/\|/g, '\\|').replace(/\n/g, ' ');

function columnType(column: ColumnDef): string {
  switch (column.kind) {
    case 'string': return `Text (${column.maxLength})`;
    case 'memo': return `Multiline text (${column.maxLength})${column.json ? ', JSON' : ''}`;
    case 'integer': return 'Whole number';
    case 'float': return `Decimal (${column.precision} places)`;
    case 'boolean': return `Yes/No (default ${column.defaultValue ? 'yes' : 'no'})`;
    case 'datetime': return 'Date and time (UTC)';
    case 'choice': return `Choice: ${choiceByName(column.choice).label}`;
    case 'lookup': return `Lookup to ${logicalName(column.target)}`;
  }
}

function tableSection(table: TableDef): string[] {
  const lines = [
    `### ${table.label} (\`${logicalName(table.key)}\`)`,
    '',
    table.description,
    '',
    `Primary key \`${primaryIdName(table)}\`; primary name column \`${logicalName(table.primaryName)}\`${table.audited ? '; audited' : ''}.`,
    '',
    '| column | logical name | type | required | description |',
    '|---|---|---|---|---|',
  ];
  for (const column of table.columns) {
    const flags = [column.personal ? 'personal data' : '', column.audited ? 'audited' : ''].filter(Boolean).join(', ');
    lines.push(`| ${cell(column.label)} | \`${logicalName(column.key)}\` | ${columnType(column)} | ${column.required ? 'yes' : ''} | ${cell(column.description)}${flags ? ` (${flags})` : ''} |`);
  }
  if (table.alternateKeys.length) {
    lines.push('', `Alternate keys: ${table.alternateKeys.map((k) => `${k.label} (${k.columns.map((c) => `\`${logicalName(c)}\``).join(', ')})`).join('; ')}.`);
  }
  lines.push('');
  return lines;
}

/** The data-model page (docs/data-model.md), derived entirely from core/model. */
export function renderDataModelDoc(): string {
  const lines: string[] = [
    GENERATED_NOTICE,
    '# Data model',
    '',
    'Every table, column, choice, security role and environment variable Wardline uses. The same',
    'declarations produce the Dataverse solution, the embedded SQLite schema, the TypeScript types',
    'and the labels in cards and controls. Publisher prefix `wl`; choice values start at 104570000.',
    '',
    '## Tables',
    '',
  ];
  for (const table of tables) lines.push(...tableSection(table));
  lines.push('## Choices', '');
  for (const choice of choices) {
    lines.push(`### ${choice.label} (\`${choice.name}\`)`, '', choice.description, '', '| value | key | label |', '|---|---|---|');
    for (const option of choice.options) lines.push(`| ${option.value} | \`${option.key}\` | ${cell(option.label)}${option.description ? `: ${cell(option.description)}` : ''} |`);
    lines.push('');
  }
  lines.push('## Security roles', '', '| role | reads personal data | what it is for |', '|---|---|---|');
  for (const role of roles) lines.push(`| ${role.name} | ${role.readsPersonalData ? 'yes' : 'no'} | ${cell(role.description)} |`);
  lines.push('', '## Environment variables', '', '| schema name | local variable | type | default | description |', '|---|---|---|---|---|');
  for (const variable of environmentVariables) {
    lines.push(`| \`${variable.schemaName}\` | \`${variable.localName}\` | ${variable.type} | ${variable.defaultValue !== undefined ? `\`${cell(variable.defaultValue)}\`` : ''} | ${cell(variable.description)}${variable.required ? ' Required.' : ''} |`);
  }
  lines.push('');
  return lines.join('\n');
}
