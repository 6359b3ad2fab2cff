/**
 * Main form layouts for the Wardline app: tabs, sections and the model columns in them. Tables not
 * listed here get a form with every column in declaration order. Columns are model keys.
 */
export interface FormSectionDef {
  readonly key: string;
  readonly label: string;
  readonly columns: readonly string[];
  /** Subgrids placed after the columns, in order. */
  readonly subgrids?: readonly FormSubgridDef[];
}

/**
 * A subgrid of related rows on a form: the rows of `table` whose lookup `column` points at the
 * form's row, shown through `view`. `key` is the subgrid control's id on the form; its GUIDs
 * derive from it, so never rename a shipped key.
 */
export interface FormSubgridDef {
  readonly key: string;
  readonly label: string;
  readonly table: string;
  readonly column: string;
  /** A view key: one of ui/views.ts, or `<table>.associated` for the generated associated view. */
  readonly view: string;
  readonly recordsPerPage: number;
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
          { key: 'progress', label: 'Progress', columns: [], subgrids: [{ key: 'timeline', label: 'Timeline updates', table: 'taskUpdate', column: 'task', view: 'taskUpdate.associated', recordsPerPage: 10 }] },
        ],
      },
      {
        key: 'report', label: 'Report',
        sections: [
          { key: 'source', label: 'Source', columns: ['sourceChannel', 'externalReference', 'reportedOn', 'councillorRaised', 'duplicateOf', 'reportCount', 'rowVersion'] },
          { key: 'reporter', label: 'Reporter (personal data)', columns: ['reporterName', 'reporterEmail', 'reporterPhone'] },
          {
            key: 'otherreports', label: 'Other reports of this job', columns: [],
            subgrids: [{ key: 'otherreports', label: 'Reports merged into this job', table: 'task', column: 'duplicateOf', view: 'task.mergedreports', recordsPerPage: 6 }],
          },
        ],
      },
    ],
  },
];

/**
 * PCF controls the job form uses when pcf-controls/ has built them. A field control sits on a
 * column's cell and binds its manifest properties to model columns (a property the built manifest
 * does not declare is left out). A dataset control sits on a subgrid and takes its rows through the
 * named manifest data-set; `inputs` are static values for its input properties.
 */
export interface FieldControlBinding {
  readonly kind: 'field';
  readonly table: string;
  readonly control: string;
  readonly column: string;
  readonly properties: Readonly<Record<string, string>>;
}
export interface DatasetControlBinding {
  readonly kind: 'dataset';
  readonly table: string;
  readonly control: string;
  /** The key of a subgrid on the table's form. */
  readonly subgrid: string;
  readonly dataSet: string;
  readonly inputs: Readonly<Record<string, number | string>>;
}
export type FormControlBinding = FieldControlBinding | DatasetControlBinding;

export const formControls: readonly FormControlBinding[] = [
  { kind: 'field', table: 'task', control: 'MapPicker', column: 'latitude', properties: { latitude: 'latitude', longitude: 'longitude', address: 'address', wardCode: 'wardCode' } },
  { kind: 'dataset', table: 'task', control: 'TaskCard', subgrid: 'otherreports', dataSet: 'jobs', inputs: { pageSize: 6 } },
];

/** Every subgrid of a form layout, with the section it sits in. */
export const layoutSubgrids = (layout: FormLayout): { section: string; subgrid: FormSubgridDef }[] =>
  layout.tabs.flatMap((tab) => tab.sections.flatMap((section) => (section.subgrids ?? []).map((subgrid) => ({ section: section.key, subgrid }))));
