/** What the browser test host (host-entry.tsx) offers to Playwright through window.wardlineHost. */
export interface MapPickerConfig {
  latitude?: number | null;
  longitude?: number | null;
  /** JSON text, as a maker would paste it. */
  wards: string;
  assets: string;
  tileUrlTemplate?: string | null;
  tileAttribution?: string | null;
  snapRadius?: number;
  disabled?: boolean;
  rtl?: boolean;
  /** What the device answers to getCurrentPosition. */
  position?: { latitude: number; longitude: number } | 'denied';
}

export interface TaskCardConfig {
  mode: 'field' | 'dataset';
  /** ISO time the jobs' due dates are spread around. */
  now: string;
  count?: number;
  pageSize?: number;
  rtl?: boolean;
  dark?: boolean;
  field?: Record<string, string>;
}

export interface WardlineHost {
  mountMapPicker(config: MapPickerConfig): void;
  mapPickerState(): { outputs: Record<string, unknown>; notifications: number; positionRequests: number };
  setMapPickerLocation(latitude: number, longitude: number): void;
  mountTaskCard(config: TaskCardConfig): void;
  taskCardState(): { openedForms: { entityName: string; entityId?: string }[]; selected: string[]; reloads: number };
  prepareTaskCards(count: number, nowIso: string): void;
  timeTaskCards(): number;
  preparePlainTable(count: number, nowIso: string): void;
  timePlainTable(): number;
}

export interface HostWindow {
  wardlineHost: WardlineHost;
}
