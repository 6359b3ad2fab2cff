import type { Channel, DeliveryResult, OutboxEvent, Store } from '@wardline/core';
import { clientIdOf, isSharedUpdate, w3c } from './render-request';
import { statusMap } from './status-map';

export interface PushChannelOptions {
  store: Store;
  /** Seconds before a request to the client's endpoint is abandoned (and retried). */
  timeoutMs?: number;
  fetch?: typeof fetch;
}

/** What core/events puts in an Open311 outbox event. */
interface PushPayload {
  taskId: string;
  reference: string;
  status: keyof typeof statusMap;
  occurredOn: string;
}

/**
 * The Open311 outbound channel: pushes a job's public update to the client that sent the job,
 * as a mySociety servicerequestupdates POST (what FixMyStreet's own endpoint receives). The
 * update_id is the timeline entry's id, the same one GET servicerequestupdates shows, so a client
 * that also polls sees one update; an update synced late from an officer's phone, which falls
 * outside the client's polling window, still arrives. 429, 5xx and network failures are retried
 * by the dispatcher; the client's "already exists" counts as delivered.
 */
export function createOpen311PushChannel(options: PushChannelOptions): Channel {
  const { store } = options;
  const send = options.fetch ?? fetch;
  return {
    name: 'open311',
    async deliver(event: OutboxEvent): Promise<DeliveryResult> {
      const payload = JSON.parse(event.payload) as PushPayload;
      const client = (await store.listApiKeys()).find((k) => k.name === event.recipient && k.active);
      if (!client?.pushUrl) return { outcome: 'delivered', detail: `not pushed: Open311 client ${event.recipient} has no update endpoint (it polls GET servicerequestupdates)` };
      const task = await store.getTask(payload.taskId);
      if (!task) return { outcome: 'failed', reason: `Job ${payload.reference} no longer exists.` };
      const entries = (await store.getTimeline(task.id)).filter((e) => isSharedUpdate(e) && e.toStatus === payload.status);
      const entry = entries[entries.length - 1];
      if (!entry) return { outcome: 'failed', reason: `Job ${task.reference} has no public update for ${payload.status}.` };
      const mapped = statusMap[payload.status];
      const body = new URLSearchParams({
        api_key: client.pushApiKey ?? '',
        service_request_id: task.reference,
        update_id: entry.id,
        status: mapped.extended.toUpperCase(),
        external_status_code: mapped.external,
        updated_datetime: w3c(entry.occurredOn) ?? '',
        description: entry.note ?? entry.summary,
        ...(entry.attachmentUrl ? { media_url: entry.attachmentUrl } : {}),
        ...(clientIdOf(task.externalReference) ? { fixmystreet_id: clientIdOf(task.externalReference) as string } : {}),
      });
      let response: Response;
      try {
        response = await send(client.pushUrl, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded; charset=utf-8' }, body, signal: AbortSignal.timeout(options.timeoutMs ?? 15_000) });
      } catch (error) {
        return { outcome: 'retry', reason: `Open311 client ${client.name} did not answer: ${(error as Error).message}` };
      }
      const text = (await response.text()).slice(0, 500);
      if (response.ok) return { outcome: 'delivered', detail: `update ${entry.id} to ${client.name}` };
      if (response.status === 400 && /already exists/i.test(text)) return { outcome: 'delivered', detail: `update ${entry.id} was already at ${client.name}` };
      const reason = `Open311 client ${client.name} answered ${response.status} to update ${entry.id}: ${text.replace(/\s+/g, ' ')}`;
      if (response.status === 429 || response.status >= 500) {
        const retryAfter = Number(response.headers.get('retry-after'));
        return { outcome: 'retry', reason, retryAfterMs: Number.isFinite(retryAfter) && retryAfter > 0 ? retryAfter * 1000 : undefined };
      }
      return { outcome: 'failed', reason };
    },
  };
}
