import { ImportError, routingRuleTable } from '@wardline/core';
import type { NewRow, Officer, TaskType, Ward } from '@wardline/core';
import { mapHeader } from './csv-columns';
import { openCsv } from './csv-records';
import { convertCell, modelColumnSpecs, type CellValue } from './model-cells';

export type NewRoutingRule = NewRow<typeof routingRuleTable>;

/** What a rule's lookups are resolved against: task types by code, wards by name or code, officers by email. */
export interface RoutingReferences {
  taskTypes: readonly Pick<TaskType, 'id' | 'code'>[];
  wards: readonly Pick<Ward, 'id' | 'code' | 'name'>[];
  officers: readonly Pick<Officer, 'id' | 'email'>[];
}

const lookupColumns = { matchTaskType: 'task type code', matchWard: 'ward name or ONS code', assignOfficer: 'officer email' } as const;

/**
 * Reads routing rules from CSV (the wl_routingrule columns; lookups by task type code, ward name
 * or code, and officer email). Rules are tried in `order`; the first that matches wins.
 */
export async function readRoutingRuleFile(file: string, references: RoutingReferences): Promise<NewRoutingRule[]> {
  const csv = await openCsv(file);
  const specs = [...modelColumnSpecs(routingRuleTable), ...Object.keys(lookupColumns).map((field) => ({ field, headers: [field.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`)] }))];
  const { index } = mapHeader(file, csv.header, specs);
  const rows: NewRoutingRule[] = [];
  for await (const { line, cells } of csv.rows) {
    const record: Record<string, CellValue> = {};
    for (const column of routingRuleTable.columns) {
      const i = index[column.key];
      const raw = i === undefined ? '' : (cells[i] ?? '').trim();
      const field = i === undefined ? column.key : csv.header[i].trim();
      if (column.kind !== 'lookup') {
        record[column.key] = convertCell(column, raw, { file, line, field });
        continue;
      }
      record[column.key] = raw === '' ? null : resolve(column.key as keyof typeof lookupColumns, raw, references, { file, line, field });
    }
    rows.push(record as unknown as NewRoutingRule);
  }
  return rows;
}

function resolve(key: keyof typeof lookupColumns, value: string, references: RoutingReferences, place: { file: string; line: number; field: string }): string {
  const wanted = value.toLowerCase();
  const found =
    key === 'matchTaskType'
      ? references.taskTypes.find((t) => t.code === wanted)
      : key === 'matchWard'
        ? references.wards.find((w) => w.code.toLowerCase() === wanted || w.name.toLowerCase() === wanted)
        : references.officers.find((o) => o.email?.toLowerCase() === wanted);
  if (!found) throw new ImportError(place.file, `no ${lookupColumns[key]} "${value}" is loaded`, { line: place.line, field: place.field });
  return found.id;
}
