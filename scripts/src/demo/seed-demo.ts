import { join } from 'node:path';
import type { CouncilSettings, NewRow, Store, subscriptionTable, wardMemberTable } from '@wardline/core';
import { WardIndex } from '@wardline/core/geo';
import { inOneTransaction } from '../import/one-transaction';
import { readRoutingRuleFile } from '../import/routing-rules';
import { readTaskTypeFile } from '../import/task-types';
import { generateDemoAssets } from './demo-assets';
import { generateDemoJobs, type DemoJobSummary } from './demo-jobs';
import { generateDemoPeople } from './demo-people';
import { DEMO_COUNCIL, generateDemoWards } from './demo-wards';
import { Random } from './random';

/** The catalogue and demo rules ship as data beside the CLI (scripts/data). */
export const DATA_DIR = join(__dirname, '../../data');

export interface DemoOptions {
  settings: CouncilSettings;
  /** Same seed, same council (default 2024). */
  seed?: number;
  /** The demo's "now": jobs are reported over the weeks before it. */
  now?: Date;
  /** How many reports to make (default 300). */
  reports?: number;
}

export interface DemoSummary extends DemoJobSummary {
  wards: number;
  taskTypes: number;
  people: number;
  assets: number;
  routingRules: number;
}

/** Tables in the order they are emptied before a forced reseed (dependants first). */
const WIPE_ORDER = ['outbox', 'subscription', 'taskUpdate', 'task', 'wardMember', 'routingRule', 'asset', 'officer', 'ward', 'taskType'] as const;

/** True when the store holds no council data (no wards, task types, people or jobs). */
export async function isEmptyStore(store: Store): Promise<boolean> {
  const { counts } = await store.health();
  return !counts.ward && !counts.taskType && !counts.officer && !counts.task;
}

/**
 * Seeds the fictional Wardline Borough Council: wards, the task-type catalogue, teams and people,
 * ward members and their alerts, a few thousand assets, routing rules, then a few hundred jobs
 * made through the task service (the same path as every intake) and worked through the
 * lifecycle into every status. Everything happens in one transaction; with `wipe` the store is
 * emptied first, inside the same transaction.
 */
export async function seedDemo(store: Store, options: DemoOptions & { wipe?: boolean }): Promise<DemoSummary> {
  const random = new Random(options.seed ?? 2024);
  const now = options.now ?? new Date();
  return inOneTransaction(store, async () => {
    if (options.wipe) await store.importRows(WIPE_ORDER.map((table) => ({ table, rows: [], mode: 'replace' as const })));
    const wards = generateDemoWards(random).map((w) => ({ ...w, id: random.guid() }));
    const wardIndex = WardIndex.fromWards(wards.map((w) => ({ id: w.id, code: w.code, name: w.name, boundary: w.boundary })));
    const extent = wardIndex.bounds();
    const pointIn = () => {
      for (;;) {
        const point = { latitude: random.between(extent?.minLatitude ?? 0, extent?.maxLatitude ?? 0), longitude: random.between(extent?.minLongitude ?? 0, extent?.maxLongitude ?? 0) };
        if (wardIndex.wardAt(point)) return { latitude: Math.round(point.latitude * 1e6) / 1e6, longitude: Math.round(point.longitude * 1e6) / 1e6 };
      }
    };
    const taskTypes = await readTaskTypeFile(join(DATA_DIR, 'task-types.csv'));
    const people = generateDemoPeople(random, wards.map((w) => w.code), pointIn);
    const everyone = [...people.supervisors, ...people.officers, ...people.volunteers, ...people.councillors.map(({ wardCode: _, ...c }) => c)];
    const wardByCode = new Map(wards.map((w) => [w.code, w]));
    const members: NewRow<typeof wardMemberTable>[] = people.councillors.map((c) => ({ name: `${c.name}, ${wardByCode.get(c.wardCode)?.name ?? ''}`, ward: wardByCode.get(c.wardCode)?.id ?? '', councillor: c.id ?? '' }));
    const alerts: NewRow<typeof subscriptionTable>[] = people.councillors.map((c) => ({
      name: `${c.name}: new and overdue jobs in ${wardByCode.get(c.wardCode)?.name ?? ''}`,
      person: c.id,
      ward: wardByCode.get(c.wardCode)?.id,
      channel: 'teams',
      events: 'raised,overdue,completed,could_not_complete',
      active: true,
    }));
    const assets = generateDemoAssets(random, wardIndex, pointIn);
    await store.importRows([
      { table: 'ward', rows: wards, mode: 'insert' },
      { table: 'taskType', rows: taskTypes, mode: 'upsert', upsertKey: 'code' },
      { table: 'officer', rows: everyone, mode: 'insert' },
      { table: 'wardMember', rows: members, mode: 'insert' },
      { table: 'subscription', rows: alerts, mode: 'insert' },
      { table: 'asset', rows: assets, mode: 'upsert', upsertKey: 'externalId' },
    ]);
    const rules = await readRoutingRuleFile(join(DATA_DIR, 'demo-routing-rules.csv'), {
      taskTypes: await store.listTaskTypes(),
      wards: await store.listWards(),
      officers: await store.listOfficers(),
    });
    await store.importRows([{ table: 'routingRule', rows: rules, mode: 'insert' }]);
    const jobs = await generateDemoJobs(store, { random, settings: options.settings, now, reports: options.reports ?? 300, pointIn });
    // The demo's weeks of history happened before the service first starts: its cards and notices
    // count as sent, so a new service does not replay thousands of them to people with no Teams chat.
    for (const event of await store.listOutbox({ status: 'pending' })) await store.markDelivered(event.id, event.nextAttemptOn);
    return { wards: wards.length, taskTypes: taskTypes.length, people: everyone.length, assets: assets.length, routingRules: rules.length, ...jobs };
  });
}

export { DEMO_COUNCIL };
