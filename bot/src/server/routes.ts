import { intakeRoutes } from '../intake/intake-routes';
import { notifyReceiptRoutes } from '../notify/receipt-routes';
import { open311Routes } from '../open311/open311-routes';
import { residentRoutes } from '../resident/resident-routes';
import { teamsRoutes } from '../teams/teams-routes';
import { tabRoutes } from '../tab/tab-routes';
import type { RouteModule } from './route-module';

/**
 * The route modules the service mounts, in order. To add yours, import it and append ONE line
 * to this list, e.g. `open311Routes,` — createApp mounts them after /healthz and before the
 * not-found and error handlers.
 */
export const routeModules: RouteModule[] = [
  open311Routes,
  teamsRoutes,
  notifyReceiptRoutes,
  intakeRoutes,
  residentRoutes,
  tabRoutes,
];
