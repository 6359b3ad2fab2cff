import { v4 as uuidv4 } from 'uuid';
import { openDB, type DBSchema, type IDBPDatabase } from 'idb';
import type { ClientAction, JobDetail } from '../app/types';

/** A change made on the device, kept until the service has it. */
export interface QueuedChange {
  seq?: number;
  clientId: string;
  occurredOn: string;
  reference: string;
  action?: ClientAction;
  photo?: Blob;
  note?: string;
}

interface OfflineSchema extends DBSchema {
  changes: { key: number; value: QueuedChange };
  snapshot: { key: string; value: { jobs: JobDetail[]; asOf: string } };
}

let opening: Promise<IDBPDatabase<OfflineSchema>> | undefined;
const db = () => (opening ??= openDB<OfflineSchema>('wardline-tab', 1, {
  upgrade(database) {
    database.createObjectStore('changes', { keyPath: 'seq', autoIncrement: true });
    database.createObjectStore('snapshot');
  },
}));

/** Keeps a change (with a device id and the time it happened) in the order it was made. */
export async function enqueue(change: Omit<QueuedChange, 'clientId' | 'occurredOn' | 'seq'>): Promise<QueuedChange> {
  const queued: QueuedChange = { ...change, clientId: uuidv4(), occurredOn: new Date().toISOString() };
  await (await db()).add('changes', queued);
  return queued;
}

export const pending = async (): Promise<QueuedChange[]> => (await db()).getAll('changes');
export const remove = async (seq: number): Promise<void> => (await db()).delete('changes', seq);
export const saveSnapshot = async (snapshot: { jobs: JobDetail[]; asOf: string }): Promise<void> => {
  await (await db()).put('snapshot', snapshot, 'my-jobs');
};
export const loadSnapshot = async (): Promise<{ jobs: JobDetail[]; asOf: string } | undefined> => (await db()).get('snapshot', 'my-jobs');
