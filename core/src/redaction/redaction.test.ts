import type { Task, TaskUpdate } from '../model';
import { approximateLocation, streetOnly } from './approximate';
import { personalTaskColumns } from './personal-columns';
import { viewTask } from './view-task';
import { viewTimeline } from './view-timeline';

const NOW = '2025-06-09T10:00:00.000Z';
const task: Task = {
  id: 'task-1', createdOn: NOW, modifiedOn: NOW, reference: 'WL-25-000001', title: 'Shopping for Mrs B', description: 'Needs milk and bread; key under the mat', taskType: 'tt-shopping',
  status: 'new', priority: 'normal', priorityReason: 'Normal: the default', latitude: 51.890412, longitude: 0.903633, address: 'Flat 3, 12a High Street, Colchester', uprn: '100091234567', usrn: null,
  ward: 'E36002735', wardCode: 'E36002735', wardVintage: '2011', asset: null, sourceChannel: 'webform', externalReference: 'ext-9',
  reporterName: 'Pat Resident', reporterEmail: 'pat@example.com', reporterPhone: '07700900123', councillorRaised: false, assignedOfficer: null, assignedTeam: 'Community support',
  dispatchMode: 'volunteers', dueBy: NOW, reportedOn: NOW, acceptedOn: null, startedOn: null, completedOn: null, resolution: null, duplicateOf: null, reportCount: 1, rowVersion: 2,
};
const standard = { taskType: { redaction: 'standard' as const } };
const sensitive = { taskType: { redaction: 'sensitive' as const } };

describe('viewTask', () => {
  it('takes personal columns from the model', () => {
    expect([...personalTaskColumns].sort()).toEqual(['reporterEmail', 'reporterName', 'reporterPhone']);
  });

  it('staff see everything', () => {
    for (const audience of ['officer', 'supervisor'] as const) {
      const view = viewTask(task, audience, sensitive);
      expect(view).toMatchObject({ reporterEmail: 'pat@example.com', description: task.description, latitude: task.latitude, locationApproximate: false, hidden: [] });
    }
  });

  it('councillors never see reporter contact, nor a sensitive description', () => {
    const view = viewTask(task, 'councillor', standard);
    expect(view.reporterName).toBeUndefined();
    expect(view.reporterEmail).toBeUndefined();
    expect(view.reporterPhone).toBeUndefined();
    expect(view.description).toBe(task.description);
    expect(view.priorityReason).toBe(task.priorityReason);
    expect(viewTask(task, 'councillor', sensitive).description).toBeUndefined();
    expect(viewTask(task, 'councillor', sensitive).hidden).toContain('description');
  });

  it('the public see the public face only', () => {
    const view = viewTask(task, 'public', standard);
    expect(Object.keys(view).filter((k) => !['audience', 'locationApproximate', 'hidden'].includes(k)).sort()).toEqual(
      ['address', 'completedOn', 'description', 'duplicateOf', 'id', 'latitude', 'longitude', 'modifiedOn', 'reference', 'reportCount', 'reportedOn', 'resolution', 'status', 'taskType', 'title', 'ward', 'wardCode'],
    );
    expect(viewTask(task, 'public', sensitive).description).toBeUndefined();
  });

  it('volunteers see an approximate location and no description until they accept', () => {
    const before = viewTask(task, 'volunteer', { ...standard, viewerId: 'vol-ann' });
    expect(before.locationApproximate).toBe(true);
    expect(before.description).toBeUndefined();
    expect(before.address).toBe('High Street, Colchester');
    expect(before.reporterPhone).toBeUndefined();
    expect(before.uprn).toBeUndefined();
    expect(before.latitude).not.toBe(task.latitude);
    expect(Math.abs(before.latitude! - task.latitude)).toBeLessThan(0.0045);
    const accepted = { ...task, status: 'accepted' as const, assignedOfficer: 'vol-ann' };
    const after = viewTask(accepted, 'volunteer', { ...standard, viewerId: 'vol-ann' });
    expect(after).toMatchObject({ locationApproximate: false, latitude: task.latitude, address: task.address, description: task.description });
    expect(after.reporterName).toBeUndefined();
    expect(viewTask(accepted, 'volunteer', { ...standard, viewerId: 'vol-other' }).locationApproximate).toBe(true);
  });
});

describe('approximate location', () => {
  it('is the same for points in the same ~500 m cell and stable', () => {
    expect(approximateLocation(51.8901, 0.9031)).toEqual(approximateLocation(51.8903, 0.9034));
    expect(streetOnly('1-3 Castle Road, Colchester')).toBe('Castle Road, Colchester');
    expect(streetOnly('27')).toBeNull();
  });
});

describe('viewTimeline', () => {
  const entry = (id: string, visibility: TaskUpdate['visibility'], author: string | null = 'off-sam'): TaskUpdate => ({
    id, createdOn: NOW, modifiedOn: NOW, summary: id, task: 'task-1', kind: 'note', fromStatus: null, toStatus: null, note: id, attachmentUrl: null, attachmentType: null,
    author, authorName: author ? 'Sam Patel' : null, occurredOn: NOW, visibility, clientId: 'c-' + id,
  });
  const entries = [entry('internal', 'internal'), entry('cllr', 'councillor'), entry('public', 'public'), entry('vol-own', 'internal', 'vol-ann')];

  it('filters by audience', () => {
    expect(viewTimeline(entries, 'supervisor').map((e) => e.id)).toEqual(['internal', 'cllr', 'public', 'vol-own']);
    expect(viewTimeline(entries, 'councillor').map((e) => e.id)).toEqual(['cllr', 'public']);
    expect(viewTimeline(entries, 'volunteer', { viewerId: 'vol-ann' }).map((e) => e.id)).toEqual(['public', 'vol-own']);
    const publicView = viewTimeline(entries, 'public');
    expect(publicView.map((e) => e.id)).toEqual(['public']);
    expect(publicView[0]).toMatchObject({ author: null, authorName: null, clientId: null });
  });
});
