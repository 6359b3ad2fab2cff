// Test-only rows for triage, lifecycle and the task service: a small Colchester council on the
// real ONS ward boundaries in ../shared/reference/wards. Not exported from any index.
import type { Officer, RoutingRule, TaskType } from '../model';
import { readCouncilSettings } from '../settings';
import type { CouncilSettings } from '../settings';

const stamp = { createdOn: '2025-01-01T00:00:00.000Z', modifiedOn: '2025-01-01T00:00:00.000Z' };

export const CASTLE = { id: 'E36002735', code: 'E36002735', name: 'Castle' };
export const WIVENHOE_CROSS = { id: 'E36002758', code: 'E36002758' };
/** High Street, Colchester (Castle ward). */
export const HIGH_STREET = { latitude: 51.8904, longitude: 0.9036 };

export function taskTypeRow(over: Partial<TaskType> & Pick<TaskType, 'id' | 'code' | 'name'>): TaskType {
  return {
    ...stamp, serviceArea: 'street_care', defaultPriority: 'normal', slaHours: 16, open311Code: null, open311Group: null,
    keywords: null, description: null, requirePhoto: false, checklist: null, dispatchMode: 'assign', redaction: 'standard',
    duplicateRadius: 50, duplicateWindowDays: 30, active: true, open311Type: null, open311Attributes: null, ...over,
  };
}

export function officerRow(over: Partial<Officer> & Pick<Officer, 'id' | 'name'>): Officer {
  return {
    ...stamp, email: null, entraObjectId: `entra-${over.id}`, role: 'officer', teams: 'Street care', patch: null, supervisor: null,
    onDuty: true, trusted: false, radius: null, homeLatitude: null, homeLongitude: null, conversationReference: null, conversationStale: false, ...over,
  };
}

export function ruleRow(over: Partial<RoutingRule> & Pick<RoutingRule, 'id' | 'name' | 'order'>): RoutingRule {
  return {
    ...stamp, active: true, matchTaskType: null, matchServiceArea: null, matchWard: null, matchSource: null, matchKeywords: null,
    assignTeam: null, assignOfficer: null, setPriority: null, dispatchMode: null, ...over,
  };
}

export const taskTypes: TaskType[] = [
  taskTypeRow({ id: 'tt-fly', code: 'fly-tipping', name: 'Fly-tipping', slaHours: 16, requirePhoto: true }),
  taskTypeRow({ id: 'tt-graffiti', code: 'graffiti', name: 'Graffiti', defaultPriority: 'low', slaHours: 40, dispatchMode: 'pool' }),
  taskTypeRow({ id: 'tt-needles', code: 'needles', name: 'Discarded needles', defaultPriority: 'high', slaHours: 4, redaction: 'sensitive' }),
  taskTypeRow({ id: 'tt-shopping', code: 'shopping-help', name: 'Shopping for a resident', serviceArea: 'community_support', dispatchMode: 'volunteers', duplicateRadius: 0, slaHours: 24 }),
  taskTypeRow({ id: 'tt-tree', code: 'fallen-tree', name: 'Fallen tree', serviceArea: 'arboriculture', slaHours: 8 }),
  taskTypeRow({ id: 'tt-old', code: 'retired', name: 'Retired type', active: false }),
];

export const officers: Officer[] = [
  officerRow({ id: 'off-sam', name: 'Sam Patel', patch: 'E36002735' }),
  officerRow({ id: 'off-alex', name: 'Alex Jones', patch: 'E36002735,E36002758' }),
  officerRow({ id: 'off-kim', name: 'Kim Lee', patch: 'E36002758' }),
  officerRow({ id: 'off-off', name: 'Off Duty', onDuty: false }),
  officerRow({ id: 'sup-ruth', name: 'Ruth Ellis', role: 'supervisor', teams: 'Street care,Trees' }),
  officerRow({ id: 'off-tree', name: 'Tom Oak', teams: 'Trees' }),
  officerRow({ id: 'vol-ann', name: 'Ann Helper', role: 'volunteer', teams: 'Community support', trusted: true, radius: 2000, homeLatitude: 51.895, homeLongitude: 0.9 }),
  officerRow({ id: 'vol-far', name: 'Far Away', role: 'volunteer', teams: 'Community support', trusted: true, radius: 1000, homeLatitude: 51.95, homeLongitude: 0.8 }),
  officerRow({ id: 'vol-new', name: 'Not Vetted', role: 'volunteer', teams: 'Community support', trusted: false, homeLatitude: 51.8904, homeLongitude: 0.9036 }),
  officerRow({ id: 'cllr-cox', name: 'Cllr Cox', role: 'councillor', teams: null }),
];

export const routingRules: RoutingRule[] = [
  ruleRow({ id: 'rule-trees', name: 'Trees go to the tree team', order: 10, matchServiceArea: 'arboriculture', assignTeam: 'Trees' }),
  ruleRow({ id: 'rule-open311-castle', name: 'Open311 fly-tipping in Castle', order: 20, matchTaskType: 'tt-fly', matchWard: CASTLE.id, matchSource: 'open311', assignOfficer: 'off-kim' }),
  ruleRow({ id: 'rule-asbestos', name: 'Asbestos', order: 5, matchKeywords: 'asbestos, cement sheets', setPriority: 'urgent', dispatchMode: 'assign', assignTeam: 'Hazards' }),
  ruleRow({ id: 'rule-off', name: 'Inactive', order: 1, active: false, assignTeam: 'Nobody' }),
];

export function councilSettings(over: Record<string, string> = {}): CouncilSettings {
  return readCouncilSettings({
    WARDLINE_COUNCIL_NAME: 'Colchester City Council',
    WARDLINE_SERVICE_URL: 'https://wardline.colchester.example',
    WARDLINE_SENSITIVE_LOCATIONS: JSON.stringify([{ name: 'St Mary\'s Primary School', latitude: 51.8911, longitude: 0.9036, radius: 150 }]),
    ...over,
  });
}
