/** core/outbox: delivery channels and the dispatcher that drains the store's outbox. */
export { OutboxChannelRegistry, type Channel, type DeliveryResult } from './channel';
export { createLogChannel, type LogChannelOptions } from './log-channel';
export { SqliteDeliveryLog, createStreamDeliveryLog, type DeliveryLog, type DeliveryLogEntry } from './delivery-log';
export { createDispatcher, type Dispatcher, type DispatcherOptions, type DispatchSummary } from './dispatcher';
export { exponentialBackoff, type BackoffOptions } from './backoff';
export { jsonLinesToStderr, type DispatcherLog } from './dispatcher-log';
export { OutboxErrors, ChannelAlreadyRegisteredError, BadDispatcherOptionError } from './outbox-errors';
