/** core/store: the Store interface, its SQLite adapter and the contract every adapter meets. */
export * from './store';
export * from './store-errors';
export * from './sqlite';
export { describeStoreContract } from './store-contract';
