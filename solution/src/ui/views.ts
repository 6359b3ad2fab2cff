import { openStatuses } from '@wardline/core';

/**
 * The views of the Wardline app. Columns are model keys; conditions use model keys and choice
 * option keys, so a renamed column or option fails the build instead of shipping a broken view.
 */
export type ViewCondition =
  | { readonly column: string; readonly operator: 'in' | 'not-in'; readonly choiceKeys: readonly string[] }
  | { readonly column: string; readonly operator: 'null' | 'not-null' }
  | { readonly column: string; readonly operator: 'olderthan-x-minutes'; readonly value: number }
  | { readonly column: 'owningbusinessunit'; readonly operator: 'eq-businessid' };

export interface ViewDef {
  /** Stable key: the view's GUID derives from it, so never rename a shipped key. */
  readonly key: string;
  readonly table: string;
  readonly name: string;
  readonly description: string;
  readonly columns: readonly string[];
  readonly conditions: readonly ViewCondition[];
  readonly orderBy: { readonly column: string; readonly descending?: boolean };
  readonly isDefault?: boolean;
}

/** Job statuses that still need work: core/lifecycle's family, never re-listed here. */
const OPEN_STATUSES = openStatuses;

const queueColumns = ['reference', 'title', 'status', 'priority', 'ward', 'assignedOfficer', 'dueBy'] as const;

export const views: readonly ViewDef[] = [
  {
    key: 'task.myteamopen', table: 'task', name: "My team's open jobs", isDefault: true,
    description: 'Open jobs owned in your business unit, soonest due first.',
    columns: [...queueColumns, 'assignedTeam'],
    conditions: [{ column: 'status', operator: 'in', choiceKeys: OPEN_STATUSES }, { column: 'owningbusinessunit', operator: 'eq-businessid' }],
    orderBy: { column: 'dueBy' },
  },
  {
    key: 'task.overdue', table: 'task', name: 'Overdue jobs',
    description: 'Open jobs whose service level due time has passed.',
    columns: queueColumns,
    conditions: [{ column: 'status', operator: 'in', choiceKeys: OPEN_STATUSES }, { column: 'dueBy', operator: 'olderthan-x-minutes', value: 1 }],
    orderBy: { column: 'dueBy' },
  },
  {
    key: 'task.unassigned', table: 'task', name: 'Unassigned jobs',
    description: 'Open jobs with no officer yet (including pool and volunteer offers).',
    columns: ['reference', 'title', 'status', 'priority', 'ward', 'dispatchMode', 'dueBy'],
    conditions: [{ column: 'status', operator: 'in', choiceKeys: OPEN_STATUSES }, { column: 'assignedOfficer', operator: 'null' }],
    orderBy: { column: 'dueBy' },
  },
  {
    key: 'task.byward', table: 'task', name: 'Open jobs by ward',
    description: 'Open jobs sorted by ward, for councillor briefings and patch planning.',
    columns: ['ward', 'reference', 'title', 'status', 'priority', 'assignedOfficer', 'dueBy'],
    conditions: [{ column: 'status', operator: 'in', choiceKeys: OPEN_STATUSES }],
    orderBy: { column: 'ward' },
  },
  {
    key: 'task.urgent', table: 'task', name: 'Urgent and high priority jobs',
    description: 'Open jobs marked urgent or high priority.',
    columns: queueColumns,
    conditions: [{ column: 'status', operator: 'in', choiceKeys: OPEN_STATUSES }, { column: 'priority', operator: 'in', choiceKeys: ['urgent', 'high'] }],
    orderBy: { column: 'dueBy' },
  },
  {
    key: 'task.closed', table: 'task', name: 'Closed jobs',
    description: 'Jobs that are completed, could not be completed, cancelled or merged, latest first.',
    columns: ['reference', 'title', 'status', 'ward', 'assignedOfficer', 'completedOn'],
    conditions: [{ column: 'status', operator: 'not-in', choiceKeys: OPEN_STATUSES }],
    orderBy: { column: 'completedOn', descending: true },
  },
  {
    // The job form's "Reports merged into this job" subgrid shows this view through the
    // duplicate-of relationship; on its own it lists every report merged into another job.
    key: 'task.mergedreports', table: 'task', name: 'Reports merged into other jobs',
    description: 'Reports merged as duplicates, latest first, with the job each was merged into.',
    columns: ['reference', 'title', 'taskType', 'status', 'priority', 'dueBy', 'ward', 'address', 'assignedOfficer', 'reportedOn', 'sourceChannel', 'duplicateOf'],
    conditions: [{ column: 'duplicateOf', operator: 'not-null' }],
    orderBy: { column: 'reportedOn', descending: true },
  },
  {
    key: 'taskType.active', table: 'taskType', name: 'Active task types', isDefault: true,
    description: 'Task types offered for new reports.',
    columns: ['name', 'code', 'serviceArea', 'defaultPriority', 'slaHours', 'dispatchMode'],
    conditions: [], orderBy: { column: 'name' },
  },
  {
    key: 'routingRule.ordered', table: 'routingRule', name: 'Routing rules in order', isDefault: true,
    description: 'Rules in the order triage tries them.',
    columns: ['order', 'name', 'active', 'matchTaskType', 'matchWard', 'assignTeam', 'assignOfficer'],
    conditions: [], orderBy: { column: 'order' },
  },
  {
    key: 'officer.onduty', table: 'officer', name: 'People on duty',
    description: 'Officers and volunteers currently receiving offers.',
    columns: ['name', 'role', 'teams', 'patch', 'onDuty'],
    conditions: [], orderBy: { column: 'name' },
  },
];
