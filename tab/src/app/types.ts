/** Shapes the tab's API returns (bot/src/tab). */
export type Role = 'officer' | 'supervisor' | 'councillor' | 'volunteer';

export interface Job {
  id: string;
  reference: string;
  title: string;
  description?: string | null;
  status: string;
  statusLabel: string;
  priority?: string;
  priorityLabel: string;
  taskType: string;
  taskTypeName: string;
  ward?: string | null;
  wardName: string | null;
  address?: string | null;
  latitude: number;
  longitude: number;
  reportedOn: string;
  /** The report date as people read it, in the council's time zone (lists of cases give it ready made). */
  reportedOnLabel?: string;
  dueBy?: string | null;
  completedOn?: string | null;
  resolution?: string | null;
  assignedOfficer?: string | null;
  assignedOfficerName: string | null;
  assignedTeam?: string | null;
  councillorRaised?: boolean;
  reportCount?: number;
  rowVersion?: number;
  overdue: boolean;
  open: boolean;
  requirePhoto: boolean;
  reporterName?: string | null;
  reporterEmail?: string | null;
  reporterPhone?: string | null;
}

export interface TimelineEntry {
  id: string;
  kind: string;
  summary: string;
  note: string | null;
  occurredOn: string;
  authorName: string | null;
  visibility: string;
  attachmentUrl: string | null;
  clientId: string | null;
  toStatusLabel: string | null;
}

export interface JobDetail {
  job: Job;
  timeline: TimelineEntry[];
  actions: string[];
  following?: boolean;
}

export interface Me {
  person: { id: string; name: string; email: string | null; role: Role; teams: string | null };
  wards: { id: string; name: string; code: string }[];
  teams: string[];
  taskTypes: { id: string; code: string; name: string }[];
  councilName: string;
  tileUrl: string | null;
  tileAttribution: string | null;
}

export interface Page<T> {
  items: T[];
  total: number;
  page: number;
  pageSize: number;
}

export interface MapPoints {
  total: number;
  shown: number;
  points: { reference: string; title: string; status: string; latitude: number; longitude: number; priority: string }[];
}

export interface WardFigures {
  wardId: string;
  wardName: string;
  open: number;
  overdue: number;
  completed90: number;
  medianDaysByType: { taskType: string; taskTypeName: string; jobs: number; medianDays: number }[];
  hotspots: { taskType: string; taskTypeName: string; jobs: number; latitude: number; longitude: number; references: string[] }[];
}

export interface Board {
  team: string;
  teams: string[];
  unassigned: Job[];
  officers: { id: string; name: string; role: Role; onDuty: boolean; jobs: Job[] }[];
  others: Job[];
  counts: { open: number; overdue: number; unassigned: number };
}

export interface ChangeResult {
  clientId: string | null;
  reference: string;
  outcome: 'applied' | 'already-applied' | 'conflict' | 'refused';
  message?: string;
  job?: Job;
}

/** An action as the tab sends it (see bot/src/tab/client-action.ts). */
export interface ClientAction {
  kind: string;
  reason?: string;
  publicNote?: string;
  internalNote?: string;
  text?: string;
  visibility?: string;
  officerId?: string;
  priority?: string;
  intoReference?: string;
}

export type BoundaryCollection = { type: 'FeatureCollection'; features: { type: 'Feature'; properties: { id: string; name: string; code: string }; geometry: unknown }[] };
