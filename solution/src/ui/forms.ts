/**
 * Main form layouts for the Wardline app: tabs, sections and the model columns in them. Tables not
 * listed here get a form with every column in declaration order. Columns are model keys.
 */
export interface FormSectionDef {
  readonly key: string;
  readonly label: string;
  readonly columns: readonly string[];
}
export interface FormTabDef {
  readonly key: string;
  readonly label: string;
  readonly sections: readonly FormSectionDef[];
}
export interface FormLayout {
  readonly table: string;
  readonly tabs: readonly FormTabDef[];
}

export const formLayouts: readonly FormLayout[] = [
  {
    table: 'task',
    tabs: [
      {
        key: 'job', label: 'Job',
        sections: [
          { key: 'summary', label: 'Summary', columns: ['reference', 'title', 'taskType', 'description', 'status', 'priority', 'priorityReason', 'dueBy'] },
          { key: 'location', label: 'Location', columns: ['latitude', 'longitude', 'address', 'uprn', 'usrn', 'ward', 'wardCode', 'wardVintage', 'asset'] },
        ],
      },
      {
        key: 'work', label: 'Work',
        sections: [
          { key: 'assignment', label: 'Assignment', columns: ['assignedOfficer', 'assignedTeam', 'dispatchMode', 'acceptedOn', 'startedOn', 'completedOn', 'resolution'] },
          { key: 'progress', label: 'Progress', columns: [] },
        ],
      },
      {
        key: 'report', label: 'Report',
        sections: [
          { key: 'source', label: 'Source', columns: ['sourceChannel', 'externalReference', 'reportedOn', 'councillorRaised', 'duplicateOf', 'reportCount', 'rowVersion'] },
          { key: 'reporter', label: 'Reporter (personal data)', columns: ['reporterName', 'reporterEmail', 'reporterPhone'] },
        ],
      },
    ],
  },
];

/**
 * PCF controls the job form uses when pcf-controls/ has built them: the column whose cell hosts the
 * control, and which manifest property is bound to which model column. A property the built
 * manifest does not declare is left out.
 */
export interface FormControlBinding {
  readonly table: string;
  readonly control: string;
  readonly column: string;
  readonly properties: Readonly<Record<string, string>>;
}

export const formControls: readonly FormControlBinding[] = [
  { table: 'task', control: 'MapPicker', column: 'latitude', properties: { latitude: 'latitude', longitude: 'longitude', address: 'address', wardCode: 'wardCode' } },
  {
    table: 'task', control: 'TaskCard', column: 'title',
    properties: { jobTitle: 'title', jobReference: 'reference', jobStatus: 'status', jobPriority: 'priority', jobDueBy: 'dueBy', jobWard: 'ward', jobAddress: 'address', jobAssignedOfficer: 'assignedOfficer', jobTaskType: 'taskType' },
  },
];
