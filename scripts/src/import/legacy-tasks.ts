import { ImportError, columnByKey, taskTable } from '@wardline/core';
import type { Officer, TaskCreation, TaskStatus, TaskType } from '@wardline/core';
import type { AssetIndex, WardIndex } from '@wardline/core/geo';
import { round6 } from './assets';
import { mapHeader, normaliseHeader } from './csv-columns';
import { legacyColumns, legacyStatusWords, type LegacyField } from './legacy-columns';
import { choiceKey, convertCell, type CellPlace } from './model-cells';
import { pointColumns, readPoint, wardOf } from './points';
import { BoundedMemo } from './bounded-memo';

/** What a legacy row is checked and placed against, read once before the file streams. */
export interface LegacyContext {
  file: string;
  taskTypes: readonly TaskType[];
  wards: WardIndex;
  assets: AssetIndex;
  officers: readonly Officer[];
  /** Due date under the type's service level, for rows that give none (working hours, from core). */
  dueByFor: (reportedOn: Date, taskType: TaskType) => Date;
  /** Metres: the nearest asset this close is linked to the job. */
  snapRadius: number;
  /** IANA zone for dates given without one (the council's, e.g. Europe/London). */
  timeZone?: string;
  allowOutside?: boolean;
  /** Field -> header the file uses for it (from --column field=Header). */
  rename?: Partial<Record<LegacyField, string>>;
  now: Date;
}

/** A legacy job ready to store; the reference is given when it is written. */
export type LegacyCreation = Omit<TaskCreation, 'task'> & { task: Omit<TaskCreation['task'], 'reference'> };

const NEEDS_OFFICER: readonly TaskStatus[] = ['assigned', 'accepted', 'in_progress', 'on_hold'];
const CLOSED: readonly TaskStatus[] = ['completed', 'could_not_complete', 'cancelled'];
const words = (status: TaskStatus): string => status.replace(/_/g, ' ');

/**
 * Turns rows of a legacy job export into Wardline jobs: the task type by code, name or Open311
 * service code; the ward (and nearest asset) worked out from the point; statuses in the legacy
 * system's words; dates as ISO 8601 or dd/mm/yyyy. Returns the converter and the headers ignored.
 */
export function legacyRowReader(header: readonly string[], context: LegacyContext): { read: (cells: string[], line: number) => LegacyCreation; ignored: string[] } {
  const { file } = context;
  const { index, unknown } = mapHeader(file, header, legacyColumns, { allowUnknown: true, rename: context.rename });
  const points = pointColumns(file, index, { latitude: 'latitude', longitude: 'longitude', easting: 'easting', northing: 'northing' });
  const [first, second] = points.kind === 'latlon' ? (['latitude', 'longitude'] as const) : (['easting', 'northing'] as const);
  // Each field's header as the file writes it, for error messages: worked out once, not per cell.
  const names = Object.fromEntries(legacyColumns.map((c) => [c.field, index[c.field] === undefined ? c.field : header[index[c.field] ?? 0].trim()])) as Record<LegacyField, string>;
  const named = (f: LegacyField): string => names[f];
  const types = typeLookup(context.taskTypes);
  const officers = new Map<string, Officer>();
  for (const officer of context.officers) {
    if (officer.email) officers.set(officer.email.toLowerCase(), officer);
    officers.set(officer.name.toLowerCase(), officer);
  }
  const references = new Map<string, number>();
  // Stored dates are UTC ISO text, so text order is time order: no Date per row for the future check.
  const now = context.now.toISOString();
  // Exports repeat the same report times and types, and the working-hours walk (holidays, zones)
  // is the costly part of a due date: remembered by type, then by the report time's text.
  const dueDates = new BoundedMemo<string>(100_000);
  const typesById = new Map(context.taskTypes.map((t) => [t.id, t]));
  const workOutDueBy = (typeId: string, reportedOn: string): string => context.dueByFor(new Date(reportedOn), typesById.get(typeId) as TaskType).toISOString();
  const dueByOf = (reportedOn: string, taskType: TaskType): string => dueDates.get(taskType.id, reportedOn, workOutDueBy);

  // Per-row helpers read the current row from these, so nothing is allocated per cell: each
  // field's place (for errors) is made once and reads the current line when an error is built.
  let cells: string[] = [];
  let line = 0;
  const raw = (f: LegacyField): string => {
    const i = index[f];
    return i === undefined ? '' : (cells[i] ?? '');
  };
  const places = Object.fromEntries(
    legacyColumns.map((c) => [c.field, { file, get line() { return line; }, field: names[c.field] }]),
  ) as Record<LegacyField, CellPlace & { line: number }>;
  const place = (f: LegacyField) => places[f];
  const column = (f: LegacyField & keyof typeof taskColumns) => {
    const value = raw(f);
    return value === '' && !('required' in taskColumns[f] && taskColumns[f].required) ? null : convertCell(taskColumns[f], value, place(f), context.timeZone);
  };
  // A blank title takes the task type's name below, so only a given title is checked.
  const text = (f: 'externalReference' | 'title' | 'description' | 'address' | 'uprn' | 'usrn' | 'resolution' | 'assignedTeam' | 'reporterName' | 'reporterEmail' | 'reporterPhone') =>
    f === 'title' && raw(f) === '' ? null : (column(f) as string | null);
  const date = (f: 'reportedOn' | 'dueBy' | 'acceptedOn' | 'startedOn' | 'completedOn') => column(f) as string | null;

  const read = (rowCells: string[], rowLine: number): LegacyCreation => {
    cells = rowCells;
    line = rowLine;
    const externalReference = text('externalReference') as string;
    const previous = references.get(externalReference);
    if (previous !== undefined) throw new ImportError(file, `duplicate reference "${externalReference}" (line ${previous} has it too)`, { line, field: named('externalReference') });
    references.set(externalReference, line);

    const typeText = raw('taskType').trim();
    if (!typeText) throw new ImportError(file, 'missing (this column is required)', place('taskType'));
    const taskType = types.get(typeText.toLowerCase());
    if (!taskType) throw new ImportError(file, `unknown task type "${typeText}"; use a catalogue code (see \`wardline import task-types\`), name or Open311 service code`, place('taskType'));

    const status = readStatus(raw('status'), place('status'));
    const priority = raw('priority').trim() ? (choiceKey('wl_priority', raw('priority'), place('priority')) as TaskCreation['task']['priority']) : taskType.defaultPriority;
    const point = readPoint({ a: raw(first), b: raw(second) }, points.kind, { file, line, fields: [named(first), named(second)] });
    const ward = wardOf(context.wards, point, { file, line, field: named(first), allowOutside: context.allowOutside });
    const asset = context.assets.nearest(point, context.snapRadius);

    const reportedOn = date('reportedOn') as string;
    if (reportedOn > now) throw new ImportError(file, `${reportedOn} is in the future`, place('reportedOn'));
    const completedOn = date('completedOn');
    if (CLOSED.includes(status) && !completedOn) throw new ImportError(file, `a ${words(status)} job needs the date it was closed`, place('completedOn'));
    if (!CLOSED.includes(status) && completedOn) throw new ImportError(file, `the job is ${words(status)} but has a completion date`, place('completedOn'));
    const acceptedOn = date('acceptedOn');
    const startedOn = date('startedOn');
    for (const [f, value] of [['acceptedOn', acceptedOn], ['startedOn', startedOn], ['completedOn', completedOn]] as const) {
      if (value && value < reportedOn) throw new ImportError(file, `${value} is before the job was reported (${reportedOn})`, place(f));
    }
    const officerText = raw('officer').trim();
    const officer = officerText ? officers.get(officerText.toLowerCase()) : undefined;
    if (officerText && !officer) throw new ImportError(file, `no officer has the email or name "${officerText}"`, place('officer'));
    if (NEEDS_OFFICER.includes(status) && !officer) throw new ImportError(file, `a job that is ${words(status)} needs an officer (give the officer's email)`, index.officer === undefined ? { line, field: 'officer' } : place('officer'));

    const dueBy = date('dueBy') ?? dueByOf(reportedOn, taskType);
    const resolution = text('resolution');
    const note = `Imported from ${file}, line ${line}; legacy reference ${externalReference}.`;
    return {
      task: {
        title: text('title') ?? taskType.name,
        description: text('description'),
        taskType: taskType.id,
        status,
        priority,
        priorityReason: raw('priority').trim() ? 'Priority from the legacy system.' : `Default priority of ${taskType.name}.`,
        latitude: round6(point.latitude),
        longitude: round6(point.longitude),
        address: text('address'),
        uprn: text('uprn'),
        usrn: text('usrn'),
        ward: ward?.id ?? null,
        wardCode: ward?.code ?? null,
        wardVintage: ward?.vintage ?? null,
        asset: asset?.asset.id ?? null,
        sourceChannel: 'import',
        externalReference,
        reporterName: text('reporterName'),
        reporterEmail: text('reporterEmail'),
        reporterPhone: text('reporterPhone'),
        councillorRaised: false,
        assignedOfficer: officer?.id ?? null,
        assignedTeam: text('assignedTeam'),
        dispatchMode: taskType.dispatchMode,
        dueBy,
        reportedOn,
        acceptedOn,
        startedOn,
        completedOn,
        resolution,
        reportCount: 1,
        rowVersion: 1,
      },
      timeline: [
        { summary: 'Imported from the previous system', kind: 'created', occurredOn: reportedOn, visibility: 'internal', note },
        ...(status === 'new' ? [] : [{ summary: `Status at import: ${words(status)}`, kind: 'status_change' as const, fromStatus: 'new' as const, toStatus: status, occurredOn: completedOn ?? reportedOn, visibility: 'public' as const, note: resolution }]),
      ],
      // History is not news: imported jobs send no cards and no notices.
      outbox: [],
    };
  };
  return { read, ignored: unknown };
}

const taskColumns = {
  externalReference: columnByKey(taskTable, 'externalReference'),
  title: columnByKey(taskTable, 'title'),
  description: columnByKey(taskTable, 'description'),
  address: columnByKey(taskTable, 'address'),
  uprn: columnByKey(taskTable, 'uprn'),
  usrn: columnByKey(taskTable, 'usrn'),
  resolution: columnByKey(taskTable, 'resolution'),
  assignedTeam: columnByKey(taskTable, 'assignedTeam'),
  reporterName: columnByKey(taskTable, 'reporterName'),
  reporterEmail: columnByKey(taskTable, 'reporterEmail'),
  reporterPhone: columnByKey(taskTable, 'reporterPhone'),
  reportedOn: columnByKey(taskTable, 'reportedOn'),
  dueBy: columnByKey(taskTable, 'dueBy'),
  acceptedOn: columnByKey(taskTable, 'acceptedOn'),
  startedOn: columnByKey(taskTable, 'startedOn'),
  completedOn: columnByKey(taskTable, 'completedOn'),
} as const;

function typeLookup(taskTypes: readonly TaskType[]): Map<string, TaskType> {
  const types = new Map<string, TaskType>();
  for (const type of taskTypes) {
    types.set(type.name.toLowerCase(), type);
    if (type.open311Code) types.set(type.open311Code.toLowerCase(), type);
  }
  // Codes last, so a code always wins over a name or service code that happens to equal it.
  for (const type of taskTypes) types.set(type.code.toLowerCase(), type);
  return types;
}

function readStatus(text: string, place: { file: string; line: number; field: string }): TaskStatus {
  const word = legacyStatusWords[normaliseHeader(text)];
  if (word) return word as TaskStatus;
  if (normaliseHeader(text) === 'merged' || normaliseHeader(text) === 'duplicate') {
    throw new ImportError(place.file, 'merged (duplicate) jobs cannot be imported: import the job they were merged into, or mark them cancelled', place);
  }
  return choiceKey('wl_taskstatus', text, place) as TaskStatus;
}
