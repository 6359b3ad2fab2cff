/** @wardline/core: the domain. No HTTP, no Teams, no Dataverse SDKs: edges translate to and from this. */
export * from './model';
export * from './errors';
export * from './store/store';
export * from './docs';
export * from './store';
export * from './geo';
export * from './outbox';
export * from './settings';
export * from './triage';
export * from './lifecycle';
export * from './redaction';
export * from './events';
export * from './jobs';
