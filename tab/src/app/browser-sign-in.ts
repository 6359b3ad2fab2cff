/**
 * Signing in outside Teams (a browser tab, the installed field app on a phone) with MSAL for
 * browsers: authorisation code flow with PKCE by redirect, for the same API scope Teams' single
 * sign-on token carries. Loaded on demand, only when the page is not in Teams and an Entra app is
 * configured, so it adds nothing to the field app's first load otherwise.
 *
 * With no signal: a token MSAL has kept is used while it lasts; otherwise the request fails as a
 * network failure (TypeError), which the app treats as offline (cached jobs, queued changes), and
 * a fresh token is fetched silently once the connection is back.
 */
import { CacheLookupPolicy, PublicClientApplication, type AccountInfo, type RedirectRequest } from '@azure/msal-browser';
import type { EntraAuthConfig } from './auth';

/** MSAL's codes for a request that never reached the sign-in service. */
const NETWORK_CODES = new Set(['no_network_connectivity', 'network_error', 'post_request_failed', 'get_request_failed', 'endpoints_resolution_error', 'openid_config_error']);

const offline = (message: string): TypeError => new TypeError(message);

function isNetworkFailure(error: unknown): boolean {
  const code = (error as { errorCode?: unknown } | null)?.errorCode;
  return (typeof navigator !== 'undefined' && navigator.onLine === false) || (typeof code === 'string' && NETWORK_CODES.has(code));
}

/** Where the person was (the hash route), carried through the sign-in service and restored on return. */
function restoreRoute(state: string | undefined): void {
  if (state && state.startsWith('#/') && window.location.hash !== state) window.location.hash = state;
}

/**
 * Starts MSAL, finishes a sign-in the sign-in service has just sent the person back from, and
 * returns how to get a token for the API (redirecting to sign in when there is no account yet or
 * the service needs the person again).
 */
export async function browserSignIn(config: EntraAuthConfig): Promise<() => Promise<string>> {
  const msal = new PublicClientApplication({
    auth: {
      clientId: config.appId,
      authority: config.authority,
      // The authority is the council's tenant as configured: no instance discovery request.
      knownAuthorities: [new URL(config.authority).host],
      redirectUri: config.redirectUri,
      // The response comes back in the query: the hash is the app's route.
      OIDCOptions: { responseMode: 'query' },
    },
    // Kept on the device, so the installed app opens signed in (and offline) after a restart.
    cache: { cacheLocation: 'localStorage' },
  });
  await msal.initialize();
  let result: Awaited<ReturnType<typeof msal.handleRedirectPromise>>;
  try {
    result = await msal.handleRedirectPromise();
  } catch (error) {
    // Back from the sign-in service without a sign-in (cancelled, consent refused, a bad answer).
    if (isNetworkFailure(error)) throw offline('You are offline: connect to the internet to finish signing in.');
    const detail = error instanceof Error ? error.message : String(error);
    throw new Error(`The Microsoft sign-in did not finish: ${detail}. Reload the page to try again.`);
  }
  if (result?.account) {
    msal.setActiveAccount(result.account);
    restoreRoute(result.state);
  }
  const scopes = [config.scope];
  let redirecting: Promise<never> | undefined;
  const signInAgain = (account?: AccountInfo): Promise<never> => {
    if (!navigator.onLine) return Promise.reject(offline('You are offline: connect to the internet to sign in.'));
    const request: RedirectRequest = { scopes, state: window.location.hash || '#/', ...(account ? { account } : {}) };
    // The page leaves for the sign-in service: whoever asked waits (the "Signing you in" view).
    const leaving = (redirecting ??= msal.acquireTokenRedirect(request).then(() => new Promise<never>(() => undefined)));
    // If the page could not leave (another sign-in under way), the next request may try again.
    leaving.catch(() => { if (redirecting === leaving) redirecting = undefined; });
    return leaving;
  };
  // Back from the sign-in service with no token used yet: a failure then is not cured by going back.
  let justBack = Boolean(result);
  return async () => {
    const account = msal.getActiveAccount() ?? msal.getAllAccounts()[0];
    if (!account) return signInAgain();
    try {
      // The kept token, else a renewal with the refresh token. Not a hidden frame: browsers block
      // the sign-in service's cookies there, and it would only fail slowly.
      const { accessToken } = await msal.acquireTokenSilent({ scopes, account, cacheLookupPolicy: CacheLookupPolicy.AccessTokenAndRefreshToken });
      justBack = false;
      return accessToken;
    } catch (error) {
      if (isNetworkFailure(error)) throw offline('You are offline: Wardline will sign you in again when the connection is back.');
      // The sign-in service wants the person again (the renewal expired or was revoked): send them,
      // unless they have only just come back from it (then something else is wrong: say so).
      if (justBack) throw new Error(`Signed in, but no token for Wardline could be had: ${error instanceof Error ? error.message : String(error)}`);
      return signInAgain(account);
    }
  };
}
