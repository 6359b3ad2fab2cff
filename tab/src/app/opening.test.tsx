/** @jest-environment jsdom */
import '../testing/one-react';
import { FluentProvider, webLightTheme } from '@fluentui/react-components';
import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import { fakeApi, job, me } from '../testing/fake-api';
import { MyWards } from '../views/MyWards';
import { takeEarlyResponse, takeReadyAnswer, type EarlyAnswer } from './boot';
import { createHttpApi } from './api';
import { openingRequests, openingView, queryString, roleForRoute, routeFromHash, savedRole } from './opening';

/** What My wards asks the API for first, as the HTTP client would send it. */
async function firstCasesRequest(ward?: string): Promise<string> {
  const { api, recorded } = fakeApi({ jobs: [job()] });
  render(<FluentProvider theme={webLightTheme}><MyWards api={api} me={me('councillor')} navigate={() => undefined} ward={ward} /></FluentProvider>);
  await screen.findByText('Showing 1 to 1 of 1 cases');
  return `/jobs${queryString(recorded.jobs[0])}`;
}

describe('the opening view and its first requests (started early by index.html)', () => {
  it("asks for exactly the first page My wards asks for, so the app can use the early answer", async () => {
    expect(openingRequests('councillor', '/wards')).toEqual([await firstCasesRequest()]);
    expect(openingRequests('councillor', '/wards')).toEqual(['/jobs?status=open&page=1&pageSize=25']);
    expect(openingRequests('councillor', '/')).toEqual(openingRequests('councillor', '/wards'));
    expect(openingRequests('councillor', '/wards/ward-2')).toEqual([await firstCasesRequest('ward-2')]);
  });

  it('asks for the board for supervisors, and nothing early for officers, whose queued changes go first', () => {
    expect(openingRequests('supervisor', '/board')).toEqual(['/board', '/officers']);
    expect(openingRequests('supervisor', '/')).toEqual(['/board', '/officers']);
    expect(openingRequests('officer', '/jobs')).toEqual([]);
    expect(openingRequests('volunteer', '/')).toEqual([]);
    expect(openingRequests('councillor', '/jobs/WL-26-000001')).toEqual(['/jobs/WL-26-000001']);
    expect(openingRequests('supervisor', '/jobs/WL 26')).toEqual(['/jobs/WL%2026']);
    expect(openingRequests('officer', '/jobs/WL-26-000001')).toEqual([]);
    expect(openingRequests('officer', '/wards')).toEqual([]);
  });

  it('tells the role from the route only where the route says', () => {
    expect(roleForRoute('/wards')).toBe('councillor');
    expect(roleForRoute('/wards/ward-1')).toBe('councillor');
    expect(roleForRoute('/board')).toBe('supervisor');
    expect(roleForRoute('/jobs')).toBeUndefined();
    expect(roleForRoute('/')).toBeUndefined();
    expect(openingView(undefined, '/')).toBeUndefined();
    expect(openingView('supervisor', '/jobs/WL-26-000001')).toBe('JobPage');
    expect(openingView('officer', '/jobs/WL-26-000001')).toBe('MyJobs');
  });

  it('reads the role of whoever signed in last, and nothing from a damaged record', () => {
    expect(savedRole(JSON.stringify(me('supervisor')))).toBe('supervisor');
    expect(savedRole(null)).toBeUndefined();
    expect(savedRole('{"person":')).toBeUndefined();
  });

  it('reads the route from the address, and a malformed one as the start page', () => {
    expect(routeFromHash('#/wards/ward%201')).toBe('/wards/ward 1');
    expect(routeFromHash('')).toBe('/');
    expect(routeFromHash('#/%E0%A4%A')).toBe('/');
  });
});

describe('answers already on the page', () => {
  it('are shown in the first render of My wards, which then asks only when the filters change', async () => {
    const { api, recorded } = fakeApi({ jobs: [job()] });
    const asked: Record<string, string>[] = [];
    api.ready = {
      me: () => undefined,
      jobs: (params) => { asked.push(params); return asked.length === 1 ? { items: [job({ title: 'Already here' })], total: 1, page: 1, pageSize: 25 } : undefined; },
      job: () => undefined,
      board: () => undefined,
      officers: () => undefined,
    };
    render(<FluentProvider theme={webLightTheme}><MyWards api={api} me={me('councillor')} navigate={() => undefined} /></FluentProvider>);
    expect(screen.getByRole('link', { name: 'Already here' })).toBeTruthy();
    expect(`/jobs${queryString(asked[0])}`).toEqual(openingRequests('councillor', '/wards')[0]);
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(recorded.jobs).toHaveLength(0);
    fireEvent.click(screen.getByRole('checkbox', { name: 'Overdue only' }));
    await waitFor(() => expect(recorded.jobs).toHaveLength(1));
    expect(recorded.jobs[0]).toMatchObject({ overdue: '1' });
  });
});

describe('early answers', () => {
  afterEach(() => { delete window.wardlineBoot; });

  it('gives an early answer once, and only to a request with the same token', async () => {
    const response = Promise.resolve({ ok: true, status: 200 } as Response);
    const answer = () => ({ response, settled: Promise.resolve() });
    window.wardlineBoot = { token: 'token-a', answers: new Map([['/me', answer()], ['/board', answer()]]) };
    expect(takeEarlyResponse('/me', 'token-a')).toBe(response);
    expect(takeEarlyResponse('/me', 'token-a')).toBeUndefined();
    expect(takeEarlyResponse('/board', 'token-b')).toBeUndefined();
    expect(takeEarlyResponse('/board', 'token-a')).toBeUndefined();
    expect(takeEarlyResponse('/officers', 'token-a')).toBeUndefined();
  });

  it('gives an answer that has arrived only if it was a success, and only once', () => {
    const response = Promise.resolve({ ok: true, status: 200 } as Response);
    const arrived = (status: number) => ({ response, settled: Promise.resolve(), ready: { status, etag: '"e1"', body: { status } } });
    window.wardlineBoot = { token: 'token-a', answers: new Map<string, EarlyAnswer>([['/me', arrived(200)], ['/board', arrived(401)], ['/officers', { response, settled: Promise.resolve() }]]) };
    expect(takeReadyAnswer('/me', 'token-b')).toBeUndefined();
    window.wardlineBoot.answers?.set('/me', arrived(200));
    expect(takeReadyAnswer('/me', 'token-a')).toEqual({ status: 200, etag: '"e1"', body: { status: 200 } });
    expect(takeReadyAnswer('/me', 'token-a')).toBeUndefined();
    expect(takeReadyAnswer('/board', 'token-a')).toBeUndefined();
    expect(takeReadyAnswer('/officers', 'token-a')).toBeUndefined();
    // Not yet arrived: the app waits for the response itself.
    expect(takeEarlyResponse('/officers', 'token-a')).toBe(response);
  });
});

describe('prefetching (Teams sign-in, where the page cannot ask before the app runs)', () => {
  const realFetch = globalThis.fetch;
  afterEach(() => { globalThis.fetch = realFetch; });

  it("sends a prefetched GET once, with the token, and the view's call takes its answer", async () => {
    const sent: { url: string; authorization: string | null }[] = [];
    // The network, as seen from the page: every request the client sends is recorded and answered.
    globalThis.fetch = (async (input: string, init?: RequestInit) => {
      sent.push({ url: input, authorization: new Headers(init?.headers).get('authorization') });
      return { ok: true, status: 200, headers: new Headers({ etag: '"v1"' }), json: async () => ({ items: [], total: 0, page: 1, pageSize: 25, url: input }) } as unknown as Response;
    }) as typeof fetch;
    let tokens = 0;
    const api = createHttpApi(async () => { tokens += 1; return 'teams-token'; });
    const [path] = openingRequests('councillor', '/wards');
    api.prefetch?.([path, path]);
    const page = await api.jobs({ status: 'open', page: '1', pageSize: '25', ward: '', type: '', age: '', overdue: '', raisedByMe: '' });
    expect(sent).toEqual([{ url: `/api/tab${path}`, authorization: 'Bearer teams-token' }]);
    expect(page).toMatchObject({ url: `/api/tab${path}` });
    expect(tokens).toBe(2);
    await api.jobs({ status: 'open', page: '1', pageSize: '25' });
    expect(sent).toHaveLength(2);
  });
});
