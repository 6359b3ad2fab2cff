import type { OutboxChannel, OutboxEvent } from '../model';
import { ChannelAlreadyRegisteredError } from './outbox-errors';

/**
 * What a channel says about one delivery attempt:
 * - `delivered`: done (including "already done before", for a repeated idempotency key);
 * - `retry`: a passing failure (timeout, HTTP 429/503); try again later, not before retryAfterMs if given;
 * - `failed`: a permanent failure (bad address, HTTP 400); the event is parked as dead.
 */
export type DeliveryResult =
  | { readonly outcome: 'delivered'; readonly detail?: string }
  | { readonly outcome: 'retry'; readonly reason: string; readonly retryAfterMs?: number }
  | { readonly outcome: 'failed'; readonly reason: string };

/**
 * One way out of Wardline (log, Teams, GOV.UK Notify, Open311), one file each, like
 * FixMyStreet's SendReport modules. A channel must treat `event.idempotencyKey` as the identity
 * of the delivery: a second delivery with the same key must not reach the recipient twice, which
 * is what makes the dispatcher's at-least-once attempts exactly-once as the recipient sees them.
 */
export interface Channel {
  readonly name: OutboxChannel;
  deliver(event: OutboxEvent): Promise<DeliveryResult>;
}

/** The channels a dispatcher may use, one per name. The bot registers `teams`, `notify` and `open311` here. */
export class OutboxChannelRegistry {
  private readonly channels = new Map<OutboxChannel, Channel>();

  constructor(channels: readonly Channel[] = []) {
    channels.forEach((channel) => this.register(channel));
  }

  /** Adds a channel; a second channel with the same name is refused. */
  register(channel: Channel): this {
    if (this.channels.has(channel.name)) throw new ChannelAlreadyRegisteredError(channel.name);
    this.channels.set(channel.name, channel);
    return this;
  }

  /** The channel for a name, if one is registered. */
  get(name: OutboxChannel): Channel | undefined {
    return this.channels.get(name);
  }

  /** Names of every registered channel. */
  names(): OutboxChannel[] {
    return [...this.channels.keys()];
  }
}
