import { AssetIndex, OpenTaskIndex, WardIndex } from '../geo';
import { loadReferenceWards } from '../geo/reference-wards.test-data';
import { OutsideCouncilError, UnknownTaskTypeError, InvalidInputError } from '../errors';
import { createTriageContext } from './triage-context';
import type { TriageContextOptions } from './triage-context';
import { triage } from './triage';
import type { TriageReport } from './triage';
import { CASTLE, HIGH_STREET, councilSettings, officers, routingRules, taskTypes } from './triage-fixtures.test-data';

const wards = WardIndex.fromWards(loadReferenceWards('E07000071'));
const assets = AssetIndex.fromAssets([
  { id: 'asset-bin', name: 'Litter bin LB-0042', assetType: 'litter bin', latitude: 51.89045, longitude: 0.90365 },
  { id: 'asset-bench', name: 'Bench B-7', assetType: 'bench', latitude: 51.8950, longitude: 0.9100 },
]);
const assetRow = { id: 'asset-bench', name: 'Bench B-7', assetType: 'bench', latitude: 51.8950, longitude: 0.9100 };
const monday10 = '2025-06-09T09:00:00.000Z';

function context(over: Partial<TriageContextOptions> = {}) {
  return createTriageContext({
    wards, assets, openTasks: new OpenTaskIndex(), taskTypes, routingRules, officers, settings: councilSettings({ WARDLINE_SENSITIVE_LOCATIONS: '[]' }),
    assetsByExternalId: new Map([['B-7', assetRow]]), openJobCounts: new Map([['off-sam', 3], ['off-alex', 1]]),
    clock: () => new Date(monday10), ...over,
  });
}
const report = (over: Partial<TriageReport> = {}): TriageReport => ({
  taskTypeCode: 'fly-tipping', ...HIGH_STREET, title: 'Mattress on verge', sourceChannel: 'webform', reportedOn: monday10, ...over,
});

describe('triage', () => {
  it('finds the ward and the nearest asset, sets the due time and assigns the least-loaded officer', () => {
    const decision = triage(report(), context());
    expect(decision.ward).toEqual({ ...CASTLE, vintage: '2011' });
    expect(decision.asset).toMatchObject({ id: 'asset-bin', named: false });
    expect(decision.asset!.distanceMetres).toBeLessThan(25);
    expect(decision.duplicateOf).toBeUndefined();
    expect(decision.priority).toBe('normal');
    expect(decision.dueBy).toBe('2025-06-10T16:00:00.000Z');
    expect(decision.team).toBe('Street care');
    expect(decision.officer?.name).toBe('Alex Jones');
    expect(decision.status).toBe('assigned');
    expect(decision.routingRule).toBeUndefined();
    expect(decision.explain()).toEqual([
      'Task type: Fly-tipping',
      'Ward: Castle (E36002735)',
      expect.stringMatching(/^Asset: Litter bin LB-0042 \(litter bin\), \d+ m away$/),
      'Duplicate of: none',
      'Priority: Normal',
      '  - Normal: the default for Fly-tipping',
      'Due by: Tue, 10 Jun 2025, 17:00 (16 working hours)',
      'Assigned team: Street care (default for the service area)',
      'Dispatch mode: Assign to one officer',
      '  - Assigned to Alex Jones: on duty in Street care, covers Castle, 1 open job',
    ]);
  });

  it('takes an asset the reporter named', () => {
    expect(triage(report({ assetExternalId: 'B-7' }), context()).asset).toMatchObject({ id: 'asset-bench', named: true });
    expect(() => triage(report({ assetExternalId: 'B-99' }), context())).toThrow(InvalidInputError);
  });

  it('finds a duplicate: the nearest open job of the type within its radius and window', () => {
    const openTasks = new OpenTaskIndex();
    openTasks.add({ id: 'job-near', taskType: 'tt-fly', latitude: 51.89050, longitude: 0.90360, reportedOn: '2025-06-01T10:00:00Z' });
    openTasks.add({ id: 'job-old', taskType: 'tt-fly', latitude: 51.89041, longitude: 0.90360, reportedOn: '2025-04-01T10:00:00Z' });
    openTasks.add({ id: 'job-other-type', taskType: 'tt-graffiti', latitude: 51.89040, longitude: 0.90360, reportedOn: '2025-06-01T10:00:00Z' });
    const decision = triage(report(), context({ openTasks, referenceOf: (id) => (id === 'job-near' ? 'WL-25-000007' : undefined) }));
    expect(decision.duplicateOf).toMatchObject({ id: 'job-near', reference: 'WL-25-000007' });
    expect(decision.explain()[3]).toMatch(/^Duplicate of: WL-25-000007, \d+ m away$/);
    expect(decision.nearbyOpenJobs).toBe(2);
  });

  it('raises a repeat location and one near a school, with reasons', () => {
    const openTasks = new OpenTaskIndex();
    openTasks.add({ id: 'a', taskType: 'tt-fly', latitude: 51.8914, longitude: 0.9036, reportedOn: '2025-06-01T10:00:00Z' });
    openTasks.add({ id: 'b', taskType: 'tt-fly', latitude: 51.8894, longitude: 0.9036, reportedOn: '2025-06-02T10:00:00Z' });
    const repeat = triage(report(), context({ openTasks }));
    expect(repeat.duplicateOf).toBeUndefined();
    expect(repeat.reasons).toEqual(['Normal: the default for Fly-tipping', 'Raised to High: repeat location: 2 other open Fly-tipping jobs within 200 m']);
    const school = triage(report({ councillorRaised: true }), context({ settings: councilSettings() }));
    expect(school.priority).toBe('urgent');
    expect(school.reasons).toEqual([
      'Normal: the default for Fly-tipping',
      'Raised to High: raised by a councillor',
      expect.stringMatching(/^Raised to Urgent: \d+ m from St Mary's Primary School$/),
    ]);
  });

  it('routes by rule: first active match wins, conditions all hold', () => {
    const open311 = triage(report({ sourceChannel: 'open311' }), context());
    expect(open311.routingRule?.name).toBe('Open311 fly-tipping in Castle');
    expect(open311.officer?.id).toBe('off-kim');
    expect(open311.explain()).toContain('  - Assigned to Kim Lee, named by the routing rule');
    expect(triage(report({ sourceChannel: 'webform' }), context()).routingRule).toBeUndefined();
    const tree = triage(report({ taskTypeCode: 'fallen-tree' }), context());
    expect(tree.team).toBe('Trees');
    expect(tree.officer?.id).toBe('off-tree');
    const asbestos = triage(report({ sourceChannel: 'open311', description: 'broken cement sheets' }), context());
    expect(asbestos.routingRule?.name).toBe('Asbestos');
    expect(asbestos.team).toBe('Hazards');
    expect(asbestos.priority).toBe('urgent');
    expect(asbestos.status).toBe('new');
    expect(asbestos.explain()).toContain('  - Nobody in Hazards on duty covers Castle: waiting in the Hazards queue');
  });

  it('offers pool jobs to every on-duty officer of the team', () => {
    const decision = triage(report({ taskTypeCode: 'graffiti' }), context());
    expect(decision.dispatchMode).toBe('pool');
    expect(decision.offerToIds.sort()).toEqual(['off-alex', 'off-kim', 'off-sam']);
    expect(decision.status).toBe('new');
    expect(decision.officer).toBeUndefined();
  });

  it('offers volunteer jobs to trusted on-duty volunteers within their radius', () => {
    const decision = triage(report({ taskTypeCode: 'shopping-help' }), context());
    expect(decision.dispatchMode).toBe('volunteers');
    expect(decision.offerToIds).toEqual(['vol-ann']);
    expect(decision.team).toBe('Community support');
  });

  it('refuses unknown or retired task types and points outside every ward', () => {
    expect(() => triage(report({ taskTypeCode: 'potholes' }), context())).toThrow(UnknownTaskTypeError);
    expect(() => triage(report({ taskTypeCode: 'retired' }), context())).toThrow('Unknown task type "retired"');
    expect(() => triage(report({ latitude: 51.5007, longitude: -0.1246 }), context())).toThrow(OutsideCouncilError);
    expect(() => triage(report({ reportedOn: 'yesterday' }), context())).toThrow('reportedOn: "yesterday" is not an ISO 8601 date and time');
  });

  it('uses the clock when the report has no time', () => {
    expect(triage(report({ reportedOn: undefined }), context()).reportedOn).toBe(monday10);
  });
});
