import { takeBoot } from './boot';

/** Sign-in: Teams single sign-on when the service has an Entra app, else the development sign-in. */
export type AuthConfig = { mode: 'entra'; appId: string } | { mode: 'development' };

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

/** A Teams SSO token (teams-js is loaded only inside Teams, so it stays out of the field app's first load). */
export async function teamsToken(): Promise<string> {
  const { app, authentication } = await import('@microsoft/teams-js');
  await app.initialize();
  // A card's deep link opens the tab with the job reference as subPageId (subEntityId): show that job.
  const context = await app.getContext();
  const reference = context.page.subPageId;
  if (reference && /^[A-Z]{2}-\d{2}-\d+$/.test(reference)) window.location.hash = `#/jobs/${encodeURIComponent(reference)}`;
  return authentication.getAuthToken();
}

export const developmentToken = {
  get: (): string | null => localStorage.getItem(KEY),
  set: (token: string): void => localStorage.setItem(KEY, token),
  clear: (): void => localStorage.removeItem(KEY),
};
