import { timingSafeEqual } from 'node:crypto';
import express, { type Express, type Request, type Response } from 'express';
import type { OutboxEvent } from '@wardline/core';
import type { RouteModule, ServiceDeps } from '../server/route-module';
import { NotifyErrors } from './notify-errors';

/** Where GOV.UK Notify posts delivery receipts (set it, with the bearer token, in Notify: API integration, Callbacks). */
export const RECEIPT_PATH = '/api/notify/receipts';
const STATUSES = ['delivered', 'permanent-failure', 'temporary-failure', 'technical-failure', 'sending', 'created', 'pending'];

const sameToken = (given: string, expected: string): boolean => {
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
};

function refuse(response: Response, status: number, problem: string): void {
  response.status(status).json({ code: NotifyErrors.BadReceipt.code, message: NotifyErrors.BadReceipt.message.replace('{problem}', problem) });
}

/**
 * POST /api/notify/receipts: Notify's delivery receipt for a message Wardline sent. The
 * reference (job id / outbox event id) finds the outbox row, which keeps Notify's id and status.
 */
export function createReceiptRoutes(): RouteModule {
  return {
    name: 'notify-receipts',
    mount(app: Express, deps: ServiceDeps) {
      app.post(RECEIPT_PATH, express.json({ limit: '16kb' }), async (request: Request, response: Response) => {
        const expected = deps.settings.notifyCallbackToken;
        if (!expected) return refuse(response, 503, 'no callback token is configured (WARDLINE_NOTIFY_CALLBACK_TOKEN), so receipts cannot be checked');
        const given = /^Bearer (.+)$/.exec(request.get('authorization') ?? '')?.[1] ?? '';
        if (!sameToken(given, expected)) return refuse(response, 401, 'the bearer token does not match WARDLINE_NOTIFY_CALLBACK_TOKEN');
        const body = (request.body ?? {}) as Record<string, unknown>;
        const reference = typeof body.reference === 'string' ? body.reference : '';
        const [taskId, eventId] = reference.split('/');
        if (typeof body.id !== 'string' || typeof body.status !== 'string' || !taskId || !eventId) return refuse(response, 400, 'id, status and reference (as Wardline sent it) are required');
        if (!STATUSES.includes(body.status)) return refuse(response, 400, `status "${body.status.slice(0, 40)}" is not a Notify status`);
        const event = (await deps.store.listOutbox({ taskId, channel: 'notify' })).find((e) => e.id === eventId);
        if (!event) return refuse(response, 404, `no message with reference ${reference.slice(0, 100)} was sent by this service`);
        await deps.store.importRows([{ table: 'outbox', mode: 'upsert', rows: [rowFor(event, body.id.slice(0, 100), body.status)] }]);
        (response.locals.log ?? deps.logger).info({ outboxId: event.id, status: body.status }, 'Notify delivery receipt');
        response.status(204).end();
      });
    },
  };
}

function rowFor(event: OutboxEvent, externalId: string, deliveryStatus: string): Record<string, unknown> {
  const { createdOn, modifiedOn, ...rest } = event;
  void createdOn;
  void modifiedOn;
  return { ...rest, externalId, deliveryStatus };
}

export const notifyReceiptRoutes: RouteModule = createReceiptRoutes();
