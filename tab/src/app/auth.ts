import { takeBoot } from './boot';
import { mayBeInTeams } from './host';

/**
 * Sign-in: with an Entra app, Teams single sign-on inside Teams and MSAL (the authority, scope and
 * redirect URI given here) outside it; with none, the development sign-in.
 */
export interface EntraAuthConfig {
  mode: 'entra';
  /** The Entra app (client) id. */
  appId: string;
  tenantId: string;
  /** e.g. https://login.microsoftonline.com/<tenant>/v2.0 */
  authority: string;
  /** The API scope Teams' single sign-on token carries: <app id URI>/access_as_user. */
  scope: string;
  /** <service>/tab/, registered as a single-page application redirect URI. */
  redirectUri: string;
}
export type AuthConfig = EntraAuthConfig | { mode: 'development' };

/** How long a page that may be in Teams (framed, or in a Teams-like web view) waits for Teams to answer before signing in on its own; a page on its own never waits. */
const TEAMS_WAIT_MS = 10_000;

const KEY = 'wardline.tab.devToken';

export async function readAuthConfig(): Promise<AuthConfig> {
  const early = takeBoot('auth');
  if (early) {
    try {
      return await early;
    } catch {
      // Fall through to asking again.
    }
  }
  const response = await fetch('/api/tab/auth-config');
  if (!response.ok) throw new Error(`The service did not say how to sign in (${response.status}).`);
  return (await response.json()) as AuthConfig;
}

/**
 * Teams' single sign-on, if the page is in Teams (teams-js is loaded only when it may be, so it
 * stays out of the field app's first load); undefined when Teams does not answer in time.
 */
async function teamsSignIn(): Promise<(() => Promise<string>) | undefined> {
  const { app, authentication } = await import('@microsoft/teams-js');
  let timer: ReturnType<typeof setTimeout> | undefined;
  const answered = await Promise.race([
    app.initialize().then(() => true, () => false),
    new Promise<false>((resolve) => { timer = setTimeout(() => resolve(false), TEAMS_WAIT_MS); }),
  ]);
  clearTimeout(timer);
  if (!answered) return undefined;
  // A card's deep link opens the tab with the job reference as subPageId (subEntityId): show that job.
  const context = await app.getContext();
  const reference = context.page.subPageId;
  if (reference && /^[A-Z]{2}-\d{2}-\d+$/.test(reference)) window.location.hash = `#/jobs/${encodeURIComponent(reference)}`;
  return () => authentication.getAuthToken();
}

let entraSource: Promise<() => Promise<string>> | undefined;

/** How this page gets Entra ID tokens: Teams' single sign-on inside Teams, MSAL (by redirect) outside it. */
async function chooseEntraSource(config: EntraAuthConfig): Promise<() => Promise<string>> {
  const teams = mayBeInTeams() ? await teamsSignIn() : undefined;
  if (teams) return teams;
  if (!config.authority || !config.scope || !config.redirectUri) throw new Error('The service did not say how to sign in outside Teams (authority, scope, redirect address): ask your Wardline admin.');
  const { browserSignIn } = await import('./browser-sign-in');
  return browserSignIn(config);
}

/** A token for the API from Entra ID: through Teams inside Teams, else with MSAL (signing in by redirect when needed). */
export async function entraToken(config: EntraAuthConfig): Promise<string> {
  const source = (entraSource ??= chooseEntraSource(config));
  source.catch(() => { if (entraSource === source) entraSource = undefined; });
  return (await source)();
}

export const developmentToken = {
  get: (): string | null => localStorage.getItem(KEY),
  set: (token: string): void => localStorage.setItem(KEY, token),
  clear: (): void => localStorage.removeItem(KEY),
};
