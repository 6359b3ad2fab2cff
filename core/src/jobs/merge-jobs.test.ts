import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { MergeTargetInvalidError } from '../errors';
import { loadReferenceWards } from '../geo/reference-wards.test-data';
import { actorFromOfficer } from '../lifecycle';
import { openSqliteStore } from '../store';
import type { SqliteStore } from '../store';
import { HIGH_STREET, councilSettings, officers, routingRules, taskTypes } from '../triage/triage-fixtures.test-data';
import { mergeJobs } from './merge-jobs';
import { openTaskService } from './task-service';
import type { TaskService } from './task-service';

let dir: string;
let store: SqliteStore;
let service: TaskService;
const now = new Date('2025-06-09T09:00:00.000Z');
const supervisor = actorFromOfficer(officers.find((o) => o.role === 'supervisor')!);

beforeEach(async () => {
  dir = mkdtempSync(path.join(tmpdir(), 'wardline-merge-'));
  store = openSqliteStore({ path: path.join(dir, 'wardline.db'), clock: () => now });
  await store.importRows([
    { table: 'taskType', mode: 'insert', rows: taskTypes },
    { table: 'ward', mode: 'insert', rows: loadReferenceWards('E07000071').map((w) => ({ id: w.id, name: w.name, code: w.code, boundary: JSON.stringify(w.boundary), vintage: w.vintage })) },
    { table: 'officer', mode: 'insert', rows: officers },
    { table: 'routingRule', mode: 'insert', rows: routingRules },
  ]);
  service = await openTaskService({ store, settings: councilSettings({ WARDLINE_SENSITIVE_LOCATIONS: '[]' }), clock: () => now });
});
afterEach(async () => {
  await store.close();
  rmSync(dir, { recursive: true, force: true });
});

const report = (email: string, latitude: number) =>
  service.report({ taskTypeCode: 'fly-tipping', description: 'Mattress on the verge', latitude, longitude: HIGH_STREET.longitude, source: 'webform', reporter: { email } });

describe('mergeJobs', () => {
  it('marks the source merged and gives the target its reports and its residents, once', async () => {
    const target = (await report('pat@example.com', HIGH_STREET.latitude)).task;
    const source = (await report('sam@example.com', HIGH_STREET.latitude + 0.01)).task;
    expect(source.id).not.toBe(target.id);
    const merged = await mergeJobs(service, source.reference, target.reference, supervisor, 'Same mattress, reported from the other end of the street');
    expect(merged.source).toMatchObject({ status: 'merged', duplicateOf: target.id });
    expect(merged.target.reportCount).toBe(2);
    expect((await store.listSubscriptions({ taskId: target.id })).map((s) => s.contact).sort()).toEqual(['pat@example.com', 'sam@example.com']);
    const entry = (await store.getTimeline(target.id)).find((e) => e.kind === 'merged');
    expect(entry).toMatchObject({ summary: `Job ${source.reference} merged into this one`, note: 'Same mattress, reported from the other end of the street', authorName: supervisor.name });

    const again = await mergeJobs(service, source.reference, target.reference, supervisor);
    expect(again.target.reportCount).toBe(2);
    expect((await store.getTimeline(target.id)).filter((e) => e.kind === 'merged')).toHaveLength(1);
  });

  it('refuses merging a job into itself', async () => {
    const { task } = await report('pat@example.com', HIGH_STREET.latitude);
    await expect(mergeJobs(service, task.reference, task.reference, supervisor)).rejects.toThrow(MergeTargetInvalidError);
  });
});
