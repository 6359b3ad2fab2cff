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

/** PCF controls the job form uses when pcf-controls/ has built them, and the section each sits in. */
export const formControls: readonly { readonly table: string; readonly control: string; readonly section: string; readonly column: string }[] = [
  { table: 'task', control: 'MapPicker', section: 'location', column: 'latitude' },
  { table: 'task', control: 'TaskCard', section: 'progress', column: 'title' },
];
