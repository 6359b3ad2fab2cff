import type { Store } from './store';
import { seedReferenceData } from './contract/fixtures';
import { importContract } from './contract/import-contract';
import { outboxContract } from './contract/outbox-contract';
import { queryContract } from './contract/query-contract';
import { taskContract } from './contract/task-contract';

/**
 * The contract every Store adapter must meet, as one jest suite. An adapter's test calls it with
 * a factory for a fresh, empty store (and an optional clean-up), e.g.
 *
 * @example
 * ```ts
 * describeStoreContract('SQLite', async () => openSqliteStore({ path: tempFile() }), removeTempFiles);
 * ```
 *
 * Each test gets a new store seeded with the same small reference data (two task types, two
 * wards, three people), so tests never depend on one another. Only call it from a test file.
 */
export function describeStoreContract(name: string, createStore: () => Promise<Store>, cleanup?: (store: Store) => Promise<void>): void {
  describe(`Store contract: ${name}`, () => {
    let current: Store | undefined;
    const store = (): Store => {
      if (!current) throw new Error('The store contract used a store outside a test');
      return current;
    };

    beforeEach(async () => {
      current = await createStore();
      await seedReferenceData(current);
    });

    afterEach(async () => {
      if (!current) return;
      await current.close();
      await cleanup?.(current);
      current = undefined;
    });

    taskContract(store);
    importContract(store);
    outboxContract(store);
    queryContract(store);
  });
}
