import type { Role } from './types';

/**
 * What the tab shows first for a route, and what that view asks the API for first. Shared by the
 * app and the small script in index.html (src/early.ts), which starts those requests before the
 * app's scripts have loaded: both must build the same request paths.
 */

/** The views a person can open on. */
export type OpeningView = 'MyWards' | 'TeamBoard' | 'MyJobs' | 'JobPage';

export const HOME: Record<Role, string> = { councillor: '/wards', supervisor: '/board', officer: '/jobs', volunteer: '/jobs' };
export const CASES_PAGE_SIZE = 25;

/** The part of the address after `#`, e.g. `/jobs/WL-26-000123` (`/` when there is none). */
export function routeFromHash(hash: string): string {
  try {
    return decodeURIComponent(hash.replace(/^#/, '')) || '/';
  } catch {
    return '/';
  }
}

/** The query string the API client sends for these parameters: empty values are left out. */
export function queryString(params: Record<string, string>): string {
  const search = new URLSearchParams(Object.entries(params).filter(([, v]) => v !== ''));
  return search.toString() ? `?${search}` : '';
}

/** The filters of "My wards" (empty means any). */
export type CaseFilters = { ward: string; status: string; type: string; age: string; overdue: string; raisedByMe: string };

/** "My wards" opens on open cases, in the channel's ward when the tab is a ward team's channel tab. */
export const openingFilters = (ward: string): CaseFilters => ({ ward, status: 'open', type: '', age: '', overdue: '', raisedByMe: '' });

/** The parameters of one page of cases, in the order the API client sends them. */
export const casesParams = (filters: CaseFilters, page: number): Record<string, string> => ({ ...filters, page: String(page), pageSize: String(CASES_PAGE_SIZE) });

/** The channel ward a "My wards" route names (`/wards/WARD`), if any. */
export const routeWard = (route: string): string | undefined => /^\/wards\/(.+)$/.exec(route)?.[1];

/** The role a route can only belong to, if it says (only councillors have /wards, only supervisors /board). */
export function roleForRoute(route: string): Role | undefined {
  if (/^\/wards(\/|$)/.test(route)) return 'councillor';
  if (route === '/board') return 'supervisor';
  return undefined;
}

/** The view a person with this role sees first at this route. */
export function openingView(role: Role | undefined, route: string): OpeningView | undefined {
  const path = route === '/' ? (role ? HOME[role] : undefined) : route;
  if (!path) return undefined;
  if (/^\/jobs\/.+$/.test(path)) return role === 'councillor' || role === 'supervisor' ? 'JobPage' : role ? 'MyJobs' : undefined;
  if (path === '/jobs') return 'MyJobs';
  if (/^\/wards(\/|$)/.test(path) && role === 'councillor') return 'MyWards';
  if (path === '/board' && role === 'supervisor') return 'TeamBoard';
  return undefined;
}

/**
 * The API paths (under /api/tab) the opening view asks for as soon as it shows. My jobs asks
 * for nothing early: it first sends what the officer did offline, then reads the jobs.
 */
export function openingRequests(role: Role, route: string): string[] {
  const view = openingView(role, route);
  if (view === 'MyWards') return [`/jobs${queryString(casesParams(openingFilters(routeWard(route === '/' ? HOME[role] : route) ?? ''), 1))}`];
  if (view === 'TeamBoard') return ['/board', '/officers'];
  if (view === 'JobPage') return [`/jobs/${encodeURIComponent(route.slice('/jobs/'.length))}`];
  return [];
}

/** Where the app keeps who last signed in on this device. */
export const ME_KEY = 'wardline.tab.me';

/** The role of whoever last signed in on this device, from what the app saved (see ME_KEY). */
export function savedRole(saved: string | null): Role | undefined {
  try {
    return (JSON.parse(saved ?? 'null') as { person?: { role?: Role } } | null)?.person?.role;
  } catch {
    return undefined;
  }
}
