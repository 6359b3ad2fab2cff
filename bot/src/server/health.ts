import type { Request, Response } from 'express';
import type { Store } from '@wardline/core';

/**
 * GET /healthz: the store's health as JSON, 200 when it is usable and 503 when it is not (or
 * cannot be asked), so a load balancer takes an instance out of rotation.
 */
export function healthHandler(store: Store, startedAt: Date) {
  return async (_request: Request, response: Response): Promise<void> => {
    const uptimeSeconds = Math.round((Date.now() - startedAt.getTime()) / 1000);
    try {
      const health = await store.health();
      response.status(health.ok ? 200 : 503).json({ status: health.ok ? 'ok' : 'unhealthy', uptimeSeconds, store: health });
    } catch (error) {
      response.status(503).json({ status: 'unhealthy', uptimeSeconds, store: { ok: false, kind: store.kind, detail: (error as Error).message } });
    }
  };
}
