/** Manifest names, restated once (ControlManifest.Input.xml is the contract). */
export const enum InputProperties {
  Title = 'jobTitle',
  Reference = 'jobReference',
  TaskType = 'jobTaskType',
  Status = 'jobStatus',
  Priority = 'jobPriority',
  DueBy = 'jobDueBy',
  Ward = 'jobWard',
  Address = 'jobAddress',
  AssignedOfficer = 'jobAssignedOfficer',
  Photos = 'jobPhotos',
  LastUpdate = 'jobLastUpdate',
  PageSize = 'pageSize',
}

/** The data-set and its property-set names; each name is the core/model column key on wl_task. */
export const JOBS_DATASET = 'jobs';
export const enum JobColumns {
  Title = 'title',
  Reference = 'reference',
  TaskType = 'taskType',
  Status = 'status',
  Priority = 'priority',
  DueBy = 'dueBy',
  Ward = 'ward',
  Address = 'address',
  AssignedOfficer = 'assignedOfficer',
}

/** Cards per page when the maker sets none. */
export const DEFAULT_PAGE_SIZE = 24;
