import type { AssetInput, WardHit } from '../geo';
import { choiceLabel, columnLabel, dispatchMode as dispatchModeChoice } from '../model';
import type { DispatchMode, Officer, Priority, TaskStatus, TaskType } from '../model';
import { priorityLabel } from './priority-levels';

const formats = new Map<string, Intl.DateTimeFormat>();
const labels = new Map<string, string>();
/** A wl_task column label from the model, looked up once. */
function label(column: string): string {
  let found = labels.get(column);
  if (found === undefined) {
    found = columnLabel('task', column);
    labels.set(column, found);
  }
  return found;
}
/** "Tue, 10 Jun 2025, 17:00" in the council's zone; one formatter per zone, made once. */
function formatLocal(iso: string, timeZone: string): string {
  let format = formats.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-GB', { weekday: 'short', day: 'numeric', month: 'short', year: 'numeric', hour: '2-digit', minute: '2-digit', hourCycle: 'h23', timeZone });
    formats.set(timeZone, format);
  }
  return format.format(new Date(iso));
}

/** Everything triage decided about one report. Plain data, plus `explain()` for printing. */
export class TriageDecision {
  constructor(
    readonly taskType: TaskType,
    readonly ward: WardHit,
    readonly asset: (AssetInput & { distanceMetres: number; named: boolean }) | undefined,
    readonly duplicateOf: { id: string; reference?: string; distanceMetres: number } | undefined,
    readonly priority: Priority,
    readonly reasons: string[],
    readonly reportedOn: string,
    readonly dueBy: string,
    readonly team: string,
    readonly officer: Officer | undefined,
    readonly dispatchMode: DispatchMode,
    readonly offerTo: Officer[],
    readonly status: Extract<TaskStatus, 'new' | 'assigned'>,
    readonly routingRule: { id: string; name: string } | undefined,
    readonly dispatchNote: string,
    readonly nearbyOpenJobs: number,
    private readonly timeZone: string,
  ) {}

  /** Officer ids offered the job (pool and volunteer modes). */
  get offerToIds(): string[] {
    return this.offerTo.map((officer) => officer.id);
  }

  /** The decision as lines for a terminal, a timeline entry or a card, labels from the model. */
  explain(): string[] {
    const metres = (m: number): string => `${Math.round(m)} m away`;
    const duplicate = this.duplicateOf;
    return [
      `${label('taskType')}: ${this.taskType.name}`,
      `${label('ward')}: ${this.ward.name} (${this.ward.code})`,
      `${label('asset')}: ${this.asset ? `${this.asset.name} (${this.asset.assetType}), ${this.asset.named ? 'named in the report' : metres(this.asset.distanceMetres)}` : 'none near by'}`,
      `${label('duplicateOf')}: ${duplicate ? `${duplicate.reference ?? duplicate.id}, ${metres(duplicate.distanceMetres)}` : 'none'}`,
      `${label('priority')}: ${priorityLabel(this.priority)}`,
      ...this.reasons.map((reason) => `  - ${reason}`),
      `${label('dueBy')}: ${formatLocal(this.dueBy, this.timeZone)} (${this.taskType.slaHours} working hours)`,
      `${label('assignedTeam')}: ${this.team}${this.routingRule ? ` (routing rule "${this.routingRule.name}")` : ' (default for the service area)'}`,
      `${label('dispatchMode')}: ${choiceLabel(dispatchModeChoice.name, this.dispatchMode)}`,
      `  - ${this.dispatchNote}`,
    ];
  }
}
