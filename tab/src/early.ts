/**
 * Runs inline in index.html, before the app's scripts have loaded (build.mjs bundles it on its own
 * and writes it into the page): asks how to sign in and, with a saved development token, who is
 * signed in and the first data of their opening view, all at once and while the scripts download,
 * so nothing waits for the app to start before asking. The app picks the answers up (app/boot.ts).
 */
import type { AuthConfig } from './app/auth';
import type { Boot, EarlyAnswer } from './app/boot';
import { warmUpFormats } from './app/format';
import { mayBeInTeams } from './app/host';
import { ME_KEY, openingRequests, openingView, roleForRoute, routeFromHash, savedRole } from './app/opening';
import type { Me } from './app/types';

/** Teams' library's scripts and MSAL's (written in by build.mjs): the app loads one of them on demand to sign in with Entra ID. */
declare const WARDLINE_TEAMS_JS: string[];
declare const WARDLINE_MSAL_JS: string[];

const API = '/api/tab';
const boot: Boot = (window.wardlineBoot = { answers: new Map() });
const json = <T>(response: Response): Promise<T> => (response.ok ? (response.json() as Promise<T>) : Promise.reject(new Error(String(response.status))));
boot.auth = fetch(`${API}/auth-config`).then((r) => json<AuthConfig>(r));
// Signing in with Entra ID needs a library before anything can be asked: Teams' in Teams, MSAL
// outside it (a browser tab, the installed field app). Fetch the one this page will use now.
boot.auth.then((config) => {
  if (config.mode !== 'entra') return;
  for (const file of mayBeInTeams() ? WARDLINE_TEAMS_JS : WARDLINE_MSAL_JS) {
    const link = document.createElement('link');
    link.rel = 'modulepreload';
    link.href = file;
    document.head.appendChild(link);
  }
}).catch(() => undefined);

const stored = (key: string): string | null => {
  try {
    return localStorage.getItem(key);
  } catch {
    return null;
  }
};
const route = routeFromHash(window.location.hash);

const token = stored('wardline.tab.devToken');
function get(path: string): EarlyAnswer | undefined {
  if (!token || boot.answers?.has(path)) return undefined;
  const response = fetch(`${API}${path}`, { headers: { authorization: `Bearer ${token}` } });
  // Read the answer as soon as it arrives, so the app can show it in its very first render.
  const answer: EarlyAnswer = { response, settled: Promise.resolve() };
  answer.settled = response
    .then(async (r) => { answer.ready = { status: r.status, etag: r.headers.get('etag'), body: await r.clone().json() }; })
    .catch(() => undefined);
  boot.answers?.set(path, answer);
  return answer;
}

// The route or the last sign-in on this device says whose view this is likely to be: ask for its data now.
const likely = roleForRoute(route) ?? savedRole(stored(ME_KEY));
if (token) {
  boot.token = token;
  const me = get('/me');
  if (likely) openingRequests(likely, route).forEach(get);
  // Otherwise (or if the guess was wrong), as soon as the service says who this is.
  void me?.settled.then(() => {
    if (me.ready?.status === 200) openingRequests((me.ready.body as Me).person.role, route).forEach(get);
  });
}

// While the scripts download (once the requests above are on their way), load the date formats
// the first view will use. My wards needs none at first: its list comes with dates written out.
if (openingView(likely, route) !== 'MyWards') setTimeout(warmUpFormats, 0);
