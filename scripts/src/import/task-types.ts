import { extname } from 'node:path';
import { parseAttributes } from '@wardline/bot';
import { ImportError, isWardlineError, taskTypeTable } from '@wardline/core';
import type { NewRow } from '@wardline/core';
import { UnknownFormatError } from '../errors';
import { mapHeader } from './csv-columns';
import { openCsv } from './csv-records';
import { arrayElementLines, isPlainObject, parseJsonText } from './json-text';
import { convertCell, modelColumnSpecs, type CellValue } from './model-cells';
import { readTextFile } from './read-file';

export type NewTaskType = NewRow<typeof taskTypeTable>;

const CODE_PATTERN = /^[a-z0-9][a-z0-9-]*$/;
const specs = modelColumnSpecs(taskTypeTable);

/**
 * Reads the task-type catalogue from CSV or JSON (the same columns as wl_tasktype; see
 * docs/admin/imports.md). In CSV a checklist's steps are separated by ";"; in JSON it may be a list.
 */
export async function readTaskTypeFile(file: string): Promise<NewTaskType[]> {
  const extension = extname(file).toLowerCase();
  if (extension === '.csv') return readCsv(file);
  if (extension === '.json') return readJson(file);
  throw new UnknownFormatError(file, 'task types are read from a .csv or .json file');
}

async function readCsv(file: string): Promise<NewTaskType[]> {
  const csv = await openCsv(file);
  const { index } = mapHeader(file, csv.header, specs);
  const rows: { row: NewTaskType; line: number }[] = [];
  for await (const { line, cells } of csv.rows) {
    const record: Record<string, CellValue> = {};
    for (const column of taskTypeTable.columns) {
      const i = index[column.key];
      const raw = i === undefined ? '' : cells[i];
      const field = i === undefined ? column.key : csv.header[i].trim();
      record[column.key] = convertCell(column, column.key === 'checklist' ? splitSteps(raw) : raw, { file, line, field });
    }
    const questionsField = index.open311Attributes === undefined ? 'open311_attributes' : csv.header[index.open311Attributes].trim();
    rows.push({ row: checkQuestions(finish(record, file, line, csv.header[index.code ?? 0]?.trim() ?? 'code'), file, line, questionsField), line });
  }
  return checkUnique(rows, file);
}

async function readJson(file: string): Promise<NewTaskType[]> {
  const text = await readTextFile(file);
  const document = parseJsonText(text, file);
  const list = Array.isArray(document) ? document : isPlainObject(document) ? document.taskTypes : undefined;
  if (!Array.isArray(list)) throw new ImportError(file, 'expected a JSON list of task types (or an object with a "taskTypes" list)');
  if (list.length === 0) throw new ImportError(file, 'the list of task types is empty');
  const lines = arrayElementLines(text);
  const known = new Set<string>(taskTypeTable.columns.map((c) => c.key));
  const rows = list.map((entry: unknown, n) => {
    const line = lines[n];
    if (!isPlainObject(entry)) throw new ImportError(file, 'each task type must be a JSON object', { line });
    const unknown = Object.keys(entry).filter((k) => !known.has(k));
    if (unknown.length) throw new ImportError(file, `unknown field(s) ${unknown.map((u) => `"${u}"`).join(', ')}`, { line, field: unknown[0] });
    const record: Record<string, CellValue> = {};
    for (const column of taskTypeTable.columns) {
      const value = column.key === 'checklist' && Array.isArray(entry.checklist) ? entry.checklist.map(String).join('\n') : entry[column.key];
      record[column.key] = convertCell(column, value, { file, line, field: column.key });
    }
    return { row: checkQuestions(finish(record, file, line, 'code'), file, line, 'open311Attributes'), line };
  });
  return checkUnique(rows, file);
}

const splitSteps = (raw: string): string =>
  raw
    .split(';')
    .map((s) => s.trim())
    .filter(Boolean)
    .join('\n');

function finish(record: Record<string, CellValue>, file: string, line: number | undefined, codeField: string): NewTaskType {
  const code = String(record.code);
  if (!CODE_PATTERN.test(code)) throw new ImportError(file, `"${code}" is not a code: use lower-case letters, digits and hyphens (e.g. fly-tipping)`, { line, field: codeField });
  if (typeof record.keywords === 'string') {
    record.keywords = record.keywords
      .split(',')
      .map((k) => k.trim().toLowerCase())
      .filter(Boolean)
      .join(',');
  }
  return record as unknown as NewTaskType;
}

/** The Open311 questions checked now, as FixMyStreet would read them, so a bad one stops the import and not a resident's report. */
function checkQuestions(row: NewTaskType, file: string, line: number | undefined, field: string): NewTaskType {
  const json = row.open311Attributes;
  if (json === null || json === undefined || json === '') return row;
  try {
    parseAttributes(row.code, typeof json === 'string' ? json : JSON.stringify(json));
  } catch (error) {
    if (isWardlineError(error)) throw new ImportError(file, error.message, { line, field });
    throw error;
  }
  return row;
}

function checkUnique(rows: { row: NewTaskType; line: number | undefined }[], file: string): NewTaskType[] {
  const codes = new Map<string, number | undefined>();
  const services = new Map<string, number | undefined>();
  for (const { row, line } of rows) {
    if (codes.has(row.code)) throw new ImportError(file, `duplicate code "${row.code}"${lineNote(codes.get(row.code))}`, { line, field: 'code' });
    codes.set(row.code, line);
    if (row.open311Code) {
      if (services.has(row.open311Code)) throw new ImportError(file, `duplicate Open311 service code "${row.open311Code}"${lineNote(services.get(row.open311Code))}`, { line, field: 'open311Code' });
      services.set(row.open311Code, line);
    }
  }
  return rows.map((r) => r.row);
}

const lineNote = (line: number | undefined): string => (line === undefined ? '' : ` (line ${line} has it too)`);
