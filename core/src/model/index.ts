/**
 * core/model: the single source of truth for Wardline's data. Every table, column, choice,
 * alternate key, security role and environment variable is declared here once.
 */
import { choices } from './choices';
import { environmentVariables } from './environment';
import { roles } from './roles';
import { tables } from './tables';
import type { Row, NewRow } from './rows';
import type * as t from './tables';

export * from './types';
export * from './choices';
export * from './names';
export * from './status-families';
export type { Row, NewRow, ColumnValue, SystemColumns } from './rows';
export { tables, task as taskTable, taskType as taskTypeTable, taskUpdate as taskUpdateTable, ward as wardTable, wardMember as wardMemberTable, asset as assetTable, routingRule as routingRuleTable, officer as officerTable, subscription as subscriptionTable, outbox as outboxTable, apiKey as apiKeyTable } from './tables';
export type { TableKey } from './tables';
export { roles } from './roles';
export { environmentVariables } from './environment';

/** The whole model, as the solution generator, store and docs read it. */
export const model = { publisherPrefix: 'wl', tables, choices, roles, environmentVariables } as const;

export type Task = Row<typeof t.task>;
export type NewTaskRow = NewRow<typeof t.task>;
export type TaskType = Row<typeof t.taskType>;
export type TaskUpdate = Row<typeof t.taskUpdate>;
export type NewTaskUpdate = NewRow<typeof t.taskUpdate>;
export type Ward = Row<typeof t.ward>;
export type WardMember = Row<typeof t.wardMember>;
export type Asset = Row<typeof t.asset>;
export type RoutingRule = Row<typeof t.routingRule>;
export type Officer = Row<typeof t.officer>;
export type Subscription = Row<typeof t.subscription>;
export type OutboxEvent = Row<typeof t.outbox>;
export type ApiKey = Row<typeof t.apiKey>;

/** Row type by table key. */
export interface RowTypes {
  task: Task;
  taskType: TaskType;
  taskUpdate: TaskUpdate;
  ward: Ward;
  wardMember: WardMember;
  asset: Asset;
  routingRule: RoutingRule;
  officer: Officer;
  subscription: Subscription;
  outbox: OutboxEvent;
  apiKey: ApiKey;
}
