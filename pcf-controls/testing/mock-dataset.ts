/**
 * A hand-written ComponentFramework DataSet over an in-memory list of rows, with the host's
 * paging (one page of records at a time), sorting on refresh() and selection.
 */
export type MockCell = string | number | boolean | Date | ComponentFramework.EntityReference | null;
export type MockRow = { id: string } & Record<string, MockCell>;

export class MockEntityRecord implements ComponentFramework.PropertyHelper.DataSetApi.EntityRecord {
  constructor(
    private readonly entityName: string,
    private readonly row: MockRow,
    private readonly formatted: Record<string, string> = {},
  ) {}
  getFormattedValue(columnName: string): string {
    if (this.formatted[columnName] !== undefined) return this.formatted[columnName];
    const value = this.row[columnName];
    if (value === null || value === undefined) return '';
    if (value instanceof Date) return value.toISOString();
    if (typeof value === 'object') return value.name;
    return String(value);
  }
  getRecordId(): string {
    return this.row.id;
  }
  getValue(columnName: string): string | number | boolean | Date | ComponentFramework.EntityReference {
    // The host returns null for empty cells although the published type omits it.
    return this.row[columnName] as string;
  }
  getNamedReference(): ComponentFramework.EntityReference {
    return { id: { guid: this.row.id }, etn: this.entityName, name: String(this.row.title ?? this.row.id) };
  }
}

export class MockPaging implements ComponentFramework.PropertyHelper.DataSetApi.Paging {
  firstPageNumber = 1;
  lastPageNumber = 1;
  constructor(
    private readonly owner: MockDataSet,
    public pageSize: number,
  ) {}
  get totalResultCount(): number {
    return this.owner.allRows.length;
  }
  get hasNextPage(): boolean {
    return this.lastPageNumber * this.pageSize < this.totalResultCount;
  }
  get hasPreviousPage(): boolean {
    return this.firstPageNumber > 1;
  }
  loadNextPage(loadOnlyNewPage = false): void {
    if (!this.hasNextPage) return;
    this.lastPageNumber += 1;
    if (loadOnlyNewPage) this.firstPageNumber = this.lastPageNumber;
    this.owner.reload();
  }
  loadPreviousPage(loadOnlyNewPage = false): void {
    if (!this.hasPreviousPage) return;
    this.firstPageNumber -= 1;
    if (loadOnlyNewPage) this.lastPageNumber = this.firstPageNumber;
    this.owner.reload();
  }
  loadExactPage(pageNumber: number): void {
    this.firstPageNumber = pageNumber;
    this.lastPageNumber = pageNumber;
    this.owner.reload();
  }
  reset(): void {
    this.firstPageNumber = 1;
    this.lastPageNumber = 1;
    this.owner.reload();
  }
  setPageSize(pageSize: number): void {
    this.pageSize = pageSize;
  }
}

export interface MockDataSetOptions {
  entityName?: string;
  columns: { name: string; displayName: string; dataType: string }[];
  rows: MockRow[];
  formatted?: Record<string, Record<string, string>>;
  pageSize?: number;
  title?: string;
}

export class MockDataSet implements ComponentFramework.PropertyTypes.DataSet {
  columns: ComponentFramework.PropertyHelper.DataSetApi.Column[];
  error = false;
  errorMessage = '';
  loading = false;
  records: Record<string, ComponentFramework.PropertyHelper.DataSetApi.EntityRecord> = {};
  sortedRecordIds: string[] = [];
  sorting: ComponentFramework.PropertyHelper.DataSetApi.SortStatus[] = [];
  paging: MockPaging;
  allRows: MockRow[];
  /** How many times the control asked the host to reload (refresh or a page change). */
  reloads = 0;
  /** Called after every reload, as the host calls updateView when new records arrive. */
  onReload: () => void = () => undefined;
  private selected: string[] = [];
  private readonly entityName: string;
  private readonly formatted: Record<string, Record<string, string>>;
  private readonly title: string;

  constructor(options: MockDataSetOptions) {
    this.entityName = options.entityName ?? 'wl_task';
    this.columns = options.columns.map((c, i) => ({ ...c, alias: c.name, order: i, visualSizeFactor: 100 }));
    this.allRows = options.rows;
    this.formatted = options.formatted ?? {};
    this.title = options.title ?? 'Active jobs';
    this.paging = new MockPaging(this, options.pageSize ?? 25);
    this.load();
  }

  /** Puts the dataset in the host's error state (no records). */
  fail(message: string): this {
    this.error = true;
    this.errorMessage = message;
    this.records = {};
    this.sortedRecordIds = [];
    return this;
  }

  reload(): void {
    this.reloads += 1;
    this.load();
    this.onReload();
  }

  private load(): void {
    const rows = [...this.allRows];
    for (const sort of [...this.sorting].reverse()) {
      rows.sort((a, b) => compareCells(a[sort.name], b[sort.name]) * (sort.sortDirection === 1 ? -1 : 1));
    }
    const start = (this.paging.firstPageNumber - 1) * this.paging.pageSize;
    const end = this.paging.lastPageNumber * this.paging.pageSize;
    const page = rows.slice(start, end);
    this.records = Object.fromEntries(page.map((row) => [row.id, new MockEntityRecord(this.entityName, row, this.formatted[row.id])]));
    this.sortedRecordIds = page.map((row) => row.id);
  }

  clearSelectedRecordIds(): void {
    this.selected = [];
  }
  getSelectedRecordIds(): string[] {
    return [...this.selected];
  }
  setSelectedRecordIds(ids: string[]): void {
    this.selected = [...ids];
  }
  getTargetEntityType(): string {
    return this.entityName;
  }
  getTitle(): string {
    return this.title;
  }
  getViewId(): string {
    return '00000000-0000-0000-0000-000000000001';
  }
  openDatasetItem(): void {
    throw new Error('MockDataSet.openDatasetItem: Wardline controls open records through context.navigation.openForm.');
  }
  refresh(): void {
    this.paging.firstPageNumber = 1;
    this.paging.lastPageNumber = 1;
    this.reload();
  }
  filtering: ComponentFramework.PropertyHelper.DataSetApi.Filtering = {
    getFilter: () => ({ conditions: [], filterOperator: 0 }),
    setFilter: () => undefined,
    clearFilter: () => undefined,
  };
  linking: ComponentFramework.PropertyHelper.DataSetApi.Linking = {
    getLinkedEntities: () => [],
    addLinkedEntity: () => undefined,
  };
}

function compareCells(a: MockCell | undefined, b: MockCell | undefined): number {
  if (a === b) return 0;
  if (a === null || a === undefined) return 1;
  if (b === null || b === undefined) return -1;
  const x = a instanceof Date ? a.getTime() : typeof a === 'object' ? a.name : a;
  const y = b instanceof Date ? b.getTime() : typeof b === 'object' ? b.name : b;
  return x < y ? -1 : x > y ? 1 : 0;
}
