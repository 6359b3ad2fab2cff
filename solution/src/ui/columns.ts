/**
 * Columns the Wardline service fills itself (triage, the lifecycle, the outbox). They stay
 * required in core/model, but the app does not ask a supervisor for them, so Dataverse marks
 * them optional and the forms show them read-only.
 */
const SERVICE_MAINTAINED: Readonly<Record<string, readonly string[]>> = {
  task: ['reference', 'rowVersion', 'reportCount', 'status', 'priority', 'dispatchMode', 'sourceChannel', 'reportedOn'],
  taskUpdate: ['occurredOn', 'visibility', 'kind'],
  outbox: ['attempts', 'nextAttemptOn', 'idempotencyKey', 'status', 'payload', 'eventType', 'channel'],
};

export const isServiceMaintained = (tableKey: string, columnKey: string): boolean => SERVICE_MAINTAINED[tableKey]?.includes(columnKey) ?? false;

export const serviceMaintainedColumns = (): Readonly<Record<string, readonly string[]>> => SERVICE_MAINTAINED;
