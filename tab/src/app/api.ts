import { v4 as uuidv4 } from 'uuid';
import { takeEarlyResponse, takeReadyAnswer } from './boot';
import { queryString } from './opening';
import type { Board, BoundaryCollection, ChangeResult, ClientAction, JobDetail, Job, MapPoints, Me, Page, WardFigures } from './types';

/** An error from the API, with its stable code and the message to show. */
export class ApiError extends Error {
  constructor(readonly status: number, readonly code: string, message: string) {
    super(message);
  }
}

/** Everything the views ask of the service; tests give the views their own implementation. */
export interface TabApi {
  me(): Promise<Me>;
  jobs(params: Record<string, string>): Promise<Page<Job>>;
  map(params: Record<string, string>): Promise<MapPoints>;
  job(reference: string): Promise<JobDetail>;
  myJobs(): Promise<{ jobs: JobDetail[]; asOf: string }>;
  figures(wardId: string): Promise<WardFigures>;
  boundaries(): Promise<BoundaryCollection>;
  board(team?: string): Promise<Board>;
  officers(): Promise<{ officers: { id: string; name: string; onDuty: boolean }[] }>;
  act(reference: string, action: ClientAction, expectedRowVersion?: number): Promise<ChangeResult>;
  sync(changes: unknown[]): Promise<{ results: ChangeResult[] }>;
  photo(reference: string, blob: Blob, query: { clientId: string; occurredOn: string; note?: string }): Promise<ChangeResult>;
  raise(report: { taskTypeCode: string; description: string; latitude: number; longitude: number; address?: string; clientId: string }): Promise<{ job: Job; created: boolean; duplicate: boolean }>;
  follow(reference: string): Promise<{ following: boolean }>;
  /**
   * Answers already on the page, without waiting (index.html asks for the opening view's data
   * before the app has loaded): a view shows them in its first render. Each is given once.
   */
  ready?: ReadyAnswers;
  /**
   * Starts these GETs (paths under /api/tab) now, for the views that will ask for them in a
   * moment: each view's call then takes the answer on its way instead of asking again (once,
   * within 30 seconds).
   */
  prefetch?(paths: string[]): void;
}

/** The GETs a view can find already answered when it first shows. */
export interface ReadyAnswers {
  me(): Me | undefined;
  jobs(params: Record<string, string>): Page<Job> | undefined;
  job(reference: string): JobDetail | undefined;
  board(team?: string): Board | undefined;
  officers(): { officers: { id: string; name: string; onDuty: boolean }[] } | undefined;
}

const BASE = '/api/tab';
/** How long a prefetched answer may wait for the view that wanted it. */
const PREFETCH_FOR_MS = 30_000;

/** Where each GET goes (under /api/tab). */
const paths = {
  me: () => '/me',
  jobs: (params: Record<string, string>) => `/jobs${queryString(params)}`,
  job: (reference: string) => `/jobs/${encodeURIComponent(reference)}`,
  board: (team?: string) => `/board${team ? queryString({ team }) : ''}`,
  officers: () => '/officers',
};

/**
 * The API over fetch: bearer token on every call, ETag revalidation of GETs, typed errors.
 * `knownToken` is the token when it is known without asking (the development sign-in's): answers
 * index.html fetched early with that same token can then be shown at once.
 */
export function createHttpApi(token: () => Promise<string>, knownToken?: string | null): TabApi {
  const cache = new Map<string, { etag: string; body: unknown }>();
  const prefetched = new Map<string, { response: Promise<Response>; at: number }>();
  const takePrefetched = (path: string): Promise<Response> | undefined => {
    const hit = prefetched.get(path);
    prefetched.delete(path);
    return hit && performance.now() - hit.at < PREFETCH_FOR_MS ? hit.response : undefined;
  };
  const ready = <T>(path: string): T | undefined => {
    const answer = knownToken ? takeReadyAnswer(path, knownToken) : undefined;
    if (!answer) return undefined;
    if (answer.etag) cache.set(path, { etag: answer.etag, body: answer.body });
    return answer.body as T;
  };
  async function call<T>(path: string, init: RequestInit = {}): Promise<T> {
    const headers = new Headers(init.headers);
    const bearer = await token();
    headers.set('authorization', `Bearer ${bearer}`);
    const cached = !init.method ? cache.get(path) : undefined;
    if (cached) headers.set('if-none-match', cached.etag);
    if (typeof init.body === 'string') headers.set('content-type', 'application/json');
    // The page may already have asked (index.html starts the opening view's requests early).
    const early = !init.method && !cached ? takePrefetched(path) ?? takeEarlyResponse(path, bearer) : undefined;
    const response = await (early ?? fetch(`${BASE}${path}`, { ...init, headers }));
    if (response.status === 304 && cached) return cached.body as T;
    const body = (await response.json().catch(() => ({}))) as T & { code?: string; message?: string; outcome?: string };
    if (!response.ok && !body.outcome) throw new ApiError(response.status, body.code ?? 'WL-TAB-000', body.message ?? `The service answered ${response.status}.`);
    const etag = response.headers.get('etag');
    if (etag && !init.method) cache.set(path, { etag, body });
    return body;
  }
  const query = queryString;
  const ref = encodeURIComponent;
  const post = <T>(path: string, body: unknown) => call<T>(path, { method: 'POST', body: JSON.stringify(body) });
  return {
    me: () => call(paths.me()),
    jobs: (params) => call(paths.jobs(params)),
    map: (params) => call(`/map${query(params)}`),
    job: (reference) => call(paths.job(reference)),
    myJobs: () => call('/my-jobs'),
    figures: (wardId) => call(`/wards/${ref(wardId)}/figures`),
    boundaries: () => call('/wards/boundaries'),
    board: (team) => call(paths.board(team)),
    officers: () => call(paths.officers()),
    act: (reference, action, expectedRowVersion) => post(`/jobs/${ref(reference)}/actions`, { action, expectedRowVersion, clientId: uuidv4() }),
    sync: (changes) => post('/sync', { changes }),
    photo: (reference, blob, params) => call(`/jobs/${ref(reference)}/photos${query({ ...params, note: params.note ?? '' })}`, { method: 'POST', body: blob, headers: { 'content-type': blob.type || 'image/jpeg' } }),
    raise: (report) => post('/jobs', report),
    follow: (reference) => call(`/jobs/${ref(reference)}/follow`, { method: 'POST' }),
    prefetch(list) {
      for (const path of list) {
        if (prefetched.has(path)) continue;
        const response = token().then((bearer) => fetch(`${BASE}${path}`, { headers: { authorization: `Bearer ${bearer}` } }));
        response.catch(() => undefined);
        prefetched.set(path, { response, at: performance.now() });
      }
    },
    ready: {
      me: () => ready(paths.me()),
      jobs: (params) => ready(paths.jobs(params)),
      job: (reference) => ready(paths.job(reference)),
      board: (team) => ready(paths.board(team)),
      officers: () => ready(paths.officers()),
    },
  };
}
