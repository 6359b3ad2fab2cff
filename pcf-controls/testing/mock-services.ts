/**
 * Hand-written ComponentFramework services for tests and the browser host: the device's
 * position (granted or denied), navigation (records what the control opened), an in-memory
 * Web API with OData-style paging, and the host's mode and settings. Calls the Wardline
 * controls never make throw MockNotAvailableError, so a new dependency on them is noticed.
 */
export class MockNotAvailableError extends Error {
  constructor(member: string) {
    super(`${member} is not provided by the Wardline test host: the controls do not use it.`);
    this.name = 'MockNotAvailableError';
  }
}

/** The rejection a host gives when the user or the browser refuses location access. */
export interface PositionDenial {
  code: number;
  message: string;
}

export class MockDevice implements ComponentFramework.Device {
  /** How many times the control asked for the position. */
  positionRequests = 0;
  constructor(private answer: { latitude: number; longitude: number; accuracy?: number } | PositionDenial = { code: 1, message: 'User denied Geolocation' }) {}
  /** The next getCurrentPosition resolves with this point. */
  grant(latitude: number, longitude: number, accuracy = 8): void {
    this.answer = { latitude, longitude, accuracy };
  }
  /** The next getCurrentPosition is refused (code 1 is the W3C PERMISSION_DENIED). */
  deny(code = 1, message = 'User denied Geolocation'): void {
    this.answer = { code, message };
  }
  getCurrentPosition(): Promise<ComponentFramework.DeviceApi.Position> {
    this.positionRequests += 1;
    const answer = this.answer;
    if ('code' in answer) return Promise.reject(answer);
    return Promise.resolve({
      coords: { latitude: answer.latitude, longitude: answer.longitude, accuracy: answer.accuracy ?? 8, altitude: 0, heading: 0, speed: 0, altitudeAccuracy: 0 },
      timestamp: new Date(),
    });
  }
  captureAudio(): Promise<ComponentFramework.FileObject> {
    throw new MockNotAvailableError('device.captureAudio');
  }
  captureImage(): Promise<ComponentFramework.FileObject> {
    throw new MockNotAvailableError('device.captureImage');
  }
  captureVideo(): Promise<ComponentFramework.FileObject> {
    throw new MockNotAvailableError('device.captureVideo');
  }
  getBarcodeValue(): Promise<string> {
    throw new MockNotAvailableError('device.getBarcodeValue');
  }
  pickFile(): Promise<ComponentFramework.FileObject[]> {
    throw new MockNotAvailableError('device.pickFile');
  }
}

export class MockNavigation implements ComponentFramework.Navigation {
  /** Every openForm call, in order. */
  readonly openedForms: ComponentFramework.NavigationApi.EntityFormOptions[] = [];
  openForm(options: ComponentFramework.NavigationApi.EntityFormOptions): Promise<ComponentFramework.NavigationApi.OpenFormSuccessResponse> {
    this.openedForms.push(options);
    return Promise.resolve({ savedEntityReference: [] });
  }
  openAlertDialog(): Promise<void> {
    throw new MockNotAvailableError('navigation.openAlertDialog');
  }
  openConfirmDialog(): Promise<ComponentFramework.NavigationApi.ConfirmDialogResponse> {
    throw new MockNotAvailableError('navigation.openConfirmDialog');
  }
  openErrorDialog(): Promise<void> {
    throw new MockNotAvailableError('navigation.openErrorDialog');
  }
  openFile(): Promise<void> {
    throw new MockNotAvailableError('navigation.openFile');
  }
  openUrl(): void {
    throw new MockNotAvailableError('navigation.openUrl');
  }
  openWebResource(): void {
    throw new MockNotAvailableError('navigation.openWebResource');
  }
}

type Entity = ComponentFramework.WebApi.Entity;

/**
 * An in-memory Dataverse Web API. retrieveMultipleRecords honours `$select`, a page size and the
 * nextLink it returns (pass the nextLink back as the options to read the next page), and records
 * every request so tests can assert what the control asked for.
 */
export class MockWebApi implements ComponentFramework.WebApi {
  readonly requests: { entityType: string; options: string }[] = [];
  constructor(private readonly tables: Record<string, Entity[]> = {}) {}
  retrieveMultipleRecords(entityType: string, options = '', maxPageSize = 5000): Promise<ComponentFramework.WebApi.RetrieveMultipleResponse> {
    this.requests.push({ entityType, options });
    const rows = this.tables[entityType];
    if (!rows) return Promise.reject(new Error(`Resource not found for the segment '${entityType}'.`));
    const skip = Number(/[?&]\$skiptoken=(\d+)/.exec(options)?.[1] ?? 0);
    const expand = [...options.matchAll(/[?&,]\$expand=([A-Za-z_]+)|,([A-Za-z_]+)\(/g)].map((m) => m[1] ?? m[2]);
    const select = /[?&]\$select=([^&]+)/.exec(options)?.[1]?.split(',').concat(expand);
    const page = rows.slice(skip, skip + maxPageSize).map((row) => (select ? Object.fromEntries(select.map((c) => [c, row[c] ?? null])) : { ...row }));
    const more = skip + maxPageSize < rows.length;
    const base = options.replace(/[?&]\$skiptoken=\d+/, '');
    return Promise.resolve({ entities: page, nextLink: more ? `${base}${base.includes('?') ? '&' : '?'}$skiptoken=${skip + maxPageSize}` : '' });
  }
  retrieveRecord(): Promise<Entity> {
    throw new MockNotAvailableError('webAPI.retrieveRecord');
  }
  createRecord(): Promise<ComponentFramework.LookupValue> {
    throw new MockNotAvailableError('webAPI.createRecord');
  }
  updateRecord(): Promise<ComponentFramework.LookupValue> {
    throw new MockNotAvailableError('webAPI.updateRecord');
  }
  deleteRecord(): Promise<ComponentFramework.LookupValue> {
    throw new MockNotAvailableError('webAPI.deleteRecord');
  }
}

export class MockMode implements ComponentFramework.Mode {
  allocatedHeight = -1;
  allocatedWidth = -1;
  isControlDisabled = false;
  isVisible = true;
  label = '';
  readonly tracksContainerResize: boolean[] = [];
  setControlState(): boolean {
    return true;
  }
  setFullScreen(): void {
    throw new MockNotAvailableError('mode.setFullScreen');
  }
  trackContainerResize(value: boolean): void {
    this.tracksContainerResize.push(value);
  }
}

/** Strings come from the control's own .resx (see readResx), so tests see what makers see. */
export class MockResources implements ComponentFramework.Resources {
  constructor(private readonly strings: Record<string, string> = {}) {}
  getString(id: string): string {
    return this.strings[id] ?? id;
  }
  getResource(_id: string, _success: (data: string) => void, failure: () => void): void {
    failure();
  }
}

export class MockClient implements ComponentFramework.Client {
  disableScroll = false;
  constructor(private readonly offline = false) {}
  getFormFactor(): number {
    return 1;
  }
  getClient(): string {
    return 'Web';
  }
  isOffline(): boolean {
    return this.offline;
  }
  isNetworkAvailable(): boolean {
    return !this.offline;
  }
}

export class MockFactory implements ComponentFramework.Factory {
  renders = 0;
  /** The host answers requestRender by calling updateView again; tests and the browser host set this. */
  onRequestRender: () => void = () => undefined;
  getPopupService(): ComponentFramework.FactoryApi.Popup.PopupService {
    throw new MockNotAvailableError('factory.getPopupService');
  }
  requestRender(): void {
    this.renders += 1;
    this.onRequestRender();
  }
}

export class MockUtility implements ComponentFramework.Utility {
  getEntityMetadata(): Promise<ComponentFramework.PropertyHelper.EntityMetadata> {
    throw new MockNotAvailableError('utils.getEntityMetadata');
  }
  hasEntityPrivilege(): boolean {
    return true;
  }
  lookupObjects(): Promise<ComponentFramework.LookupValue[]> {
    throw new MockNotAvailableError('utils.lookupObjects');
  }
}

export class MockFormatting implements ComponentFramework.Formatting {
  constructor(private readonly locale = 'en-GB') {}
  formatCurrency(value: number): string {
    return new Intl.NumberFormat(this.locale, { style: 'currency', currency: 'GBP' }).format(value);
  }
  formatDecimal(value: number, precision = 2): string {
    return value.toFixed(precision);
  }
  formatDateAsFilterStringInUTC(value: Date): string {
    return value.toISOString();
  }
  formatDateLong(value: Date): string {
    return value.toLocaleDateString(this.locale, { dateStyle: 'full' });
  }
  formatDateLongAbbreviated(value: Date): string {
    return value.toLocaleDateString(this.locale, { dateStyle: 'medium' });
  }
  formatDateShort(value: Date, includeTime = false): string {
    return includeTime ? value.toLocaleString(this.locale, { dateStyle: 'short', timeStyle: 'short' }) : value.toLocaleDateString(this.locale);
  }
  formatDateYearMonth(value: Date): string {
    return value.toLocaleDateString(this.locale, { year: 'numeric', month: 'long' });
  }
  formatInteger(value: number): string {
    return Math.round(value).toLocaleString(this.locale);
  }
  formatLanguage(value: number): string {
    return String(value);
  }
  formatTime(value: Date): string {
    return value.toLocaleTimeString(this.locale, { timeStyle: 'short' });
  }
  getWeekOfYear(): number {
    throw new MockNotAvailableError('formatting.getWeekOfYear');
  }
}
