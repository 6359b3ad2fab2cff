/** bot/tab: the Teams tab (web app at /tab/, JSON API at /api/tab/). Mounted from server/routes.ts. */
export { tabRoutes, createTabRoutes, createTabContext, type TabOptions } from './tab-routes';
export { TabError, TabErrors } from './tab-errors';
export { wardFigures, type WardFigures } from './ward-figures';
export { jobDeepLink, JOB_DEEP_LINK_PATTERN } from './deep-links';
