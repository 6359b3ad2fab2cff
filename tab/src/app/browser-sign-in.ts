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
import { InteractionRequiredAuthError, PublicClientApplication, type AccountInfo, type RedirectRequest } from '@azure/msal-browser';
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
  const result = await msal.handleRedirectPromise();
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
    redirecting ??= msal.acquireTokenRedirect(request).then(() => new Promise<never>(() => undefined));
    return redirecting;
  };
  return async () => {
    const account = msal.getActiveAccount() ?? msal.getAllAccounts()[0];
    if (!account) return signInAgain();
    try {
      return (await msal.acquireTokenSilent({ scopes, account })).accessToken;
    } catch (error) {
      if (error instanceof InteractionRequiredAuthError) return signInAgain(account);
      if (isNetworkFailure(error)) throw offline('You are offline: Wardline will sign you in again when the connection is back.');
      throw error;
    }
  };
}
