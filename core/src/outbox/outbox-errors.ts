import { CoreErrors, WardlineError } from '../errors';

/** Errors of the outbox and its dispatcher (codes continue the WL-OUTBOX range). */
export const OutboxErrors = {
  ChannelMissing: CoreErrors.ChannelMissing,
  ChannelAlreadyRegistered: { code: 'WL-OUTBOX-002', message: 'A delivery channel "{channel}" is already registered; register each channel once.' },
  BadDispatcherOption: { code: 'WL-OUTBOX-003', message: 'Dispatcher option {option}: {problem}' },
} as const;

/** Two channels were registered under one name. */
export class ChannelAlreadyRegisteredError extends WardlineError {
  constructor(channel: string) {
    super(OutboxErrors.ChannelAlreadyRegistered, { channel });
  }
}

/** A dispatcher option is out of range (e.g. a lease of zero). */
export class BadDispatcherOptionError extends WardlineError {
  constructor(option: string, problem: string) {
    super(OutboxErrors.BadDispatcherOption, { option, problem });
  }
}
