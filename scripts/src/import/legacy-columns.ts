import type { ColumnSpec } from './csv-columns';

/** Fields of a legacy job export that `import tasks` understands, with the headers that commonly mean them. */
export type LegacyField =
  | 'externalReference'
  | 'taskType'
  | 'title'
  | 'description'
  | 'status'
  | 'priority'
  | 'latitude'
  | 'longitude'
  | 'easting'
  | 'northing'
  | 'address'
  | 'uprn'
  | 'usrn'
  | 'reportedOn'
  | 'dueBy'
  | 'acceptedOn'
  | 'startedOn'
  | 'completedOn'
  | 'resolution'
  | 'assignedTeam'
  | 'officer'
  | 'reporterName'
  | 'reporterEmail'
  | 'reporterPhone';

export const legacyColumns: readonly ColumnSpec<LegacyField>[] = [
  { field: 'externalReference', headers: ['reference', 'ref', 'legacy_reference', 'legacy_id', 'case_id', 'case_reference', 'job_id', 'id'], required: true },
  { field: 'taskType', headers: ['type', 'task_type', 'category', 'service_code', 'type_code'], required: true },
  { field: 'title', headers: ['summary', 'subject'] },
  { field: 'description', headers: ['details', 'detail', 'notes'] },
  { field: 'status', headers: ['state'], required: true },
  { field: 'priority', headers: [] },
  { field: 'latitude', headers: ['lat'] },
  { field: 'longitude', headers: ['lon', 'lng', 'long'] },
  { field: 'easting', headers: ['x', 'east'] },
  { field: 'northing', headers: ['y', 'north'] },
  { field: 'address', headers: ['location', 'street'] },
  { field: 'uprn', headers: [] },
  { field: 'usrn', headers: [] },
  { field: 'reportedOn', headers: ['reported', 'reported_on', 'date_reported', 'created', 'created_on', 'logged', 'logged_on', 'opened'], required: true },
  { field: 'dueBy', headers: ['due', 'due_by', 'due_date', 'target_date'] },
  { field: 'acceptedOn', headers: ['accepted', 'accepted_on'] },
  { field: 'startedOn', headers: ['started', 'started_on'] },
  { field: 'completedOn', headers: ['completed', 'completed_on', 'closed', 'closed_on', 'resolved', 'resolved_on'] },
  { field: 'resolution', headers: ['outcome', 'closure_note', 'resolution_note'] },
  { field: 'assignedTeam', headers: ['team'] },
  { field: 'officer', headers: ['officer_email', 'assigned_to', 'assigned_officer'] },
  { field: 'reporterName', headers: ['reporter', 'reporter_name', 'customer_name'] },
  { field: 'reporterEmail', headers: ['reporter_email', 'customer_email', 'email'] },
  { field: 'reporterPhone', headers: ['reporter_phone', 'customer_phone', 'phone'] },
];

/**
 * Words legacy systems use for a job's state, mapped to Wardline's statuses (the status keys and
 * labels themselves are always accepted). `merged` is not importable: the job it was merged
 * into is not known by Wardline's id.
 */
export const legacyStatusWords: Readonly<Record<string, string>> = {
  open: 'new',
  logged: 'new',
  received: 'new',
  allocated: 'assigned',
  inprogress: 'in_progress',
  investigating: 'in_progress',
  onhold: 'on_hold',
  closed: 'completed',
  resolved: 'completed',
  fixed: 'completed',
  done: 'completed',
  notfixed: 'could_not_complete',
  unabletocomplete: 'could_not_complete',
  noaction: 'could_not_complete',
  withdrawn: 'cancelled',
};
