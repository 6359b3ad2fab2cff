import { randomBytes } from 'node:crypto';
import { IdentityError, IdentityErrors } from './identity-errors';

/** How people sign in to the tab: Entra ID single sign-on, or (only with no app configured) the development page. */
export type IdentityConfig =
  | {
      mode: 'entra';
      /** WARDLINE_TAB_APP_ID: the Entra app (client) id the tab's SSO tokens are issued for. */
      appId: string;
      /** WARDLINE_TAB_TENANT_ID: the council's Entra tenant id. */
      tenantId: string;
      /** Accepted audiences: the app id and WARDLINE_TAB_APP_ID_URI (api://host/appId) when set. */
      audiences: string[];
      /** Accepted issuers: Entra v2.0 and v1 for the tenant (WARDLINE_TAB_ISSUER overrides). */
      issuers: string[];
      /** WARDLINE_TAB_JWKS_URL: signing keys (default Entra's keys for the tenant). */
      jwksUrl: string;
      /** Signing in outside Teams (a browser, the installed field app) with MSAL: what the page needs. */
      browser: BrowserSignIn;
    }
  | {
      mode: 'development';
      /** A per-process secret for development tokens: they die with the process. */
      secret: Uint8Array;
    };

/** What the page needs to sign in with MSAL when it is not inside Teams (sent by /api/tab/auth-config). */
export interface BrowserSignIn {
  /** WARDLINE_TAB_AUTHORITY, default https://login.microsoftonline.com/<tenant>/v2.0 (https only). */
  authority: string;
  /** The tab's API scope, the one Teams' single sign-on token carries: <app id URI>/access_as_user. */
  scope: string;
  /** Where Entra sends the person back: <WARDLINE_SERVICE_URL>/tab/ (register it as a single-page application redirect URI). */
  redirectUri: string;
}

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const set = (value: string | undefined): string | undefined => (value && value.trim() !== '' ? value.trim() : undefined);

/**
 * Reads the tab's identity settings. With WARDLINE_TAB_APP_ID set the tab only accepts Entra ID
 * tokens and the development sign-in cannot be turned on; without it the development sign-in is
 * the only way in (a laptop or CI running `npm start`).
 */
export function readIdentityConfig(env: Readonly<Record<string, string | undefined>> = process.env): IdentityConfig {
  const appId = set(env.WARDLINE_TAB_APP_ID);
  if (!appId) return { mode: 'development', secret: randomBytes(32) };
  const tenantId = set(env.WARDLINE_TAB_TENANT_ID);
  if (!tenantId) throw new IdentityError(IdentityErrors.BadConfig, { variable: 'WARDLINE_TAB_TENANT_ID', problem: 'is required when WARDLINE_TAB_APP_ID is set (the council tenant id, a GUID)' });
  if (!GUID.test(tenantId)) throw new IdentityError(IdentityErrors.BadConfig, { variable: 'WARDLINE_TAB_TENANT_ID', problem: `"${tenantId}" is not a GUID` });
  const appIdUri = set(env.WARDLINE_TAB_APP_ID_URI);
  const issuer = set(env.WARDLINE_TAB_ISSUER);
  const serviceUrl = httpsUrl(env, 'WARDLINE_SERVICE_URL', 'is required when WARDLINE_TAB_APP_ID is set (the service\'s address: sign-in outside Teams returns to <it>/tab/)', true);
  const authority = set(env.WARDLINE_TAB_AUTHORITY) ? httpsUrl(env, 'WARDLINE_TAB_AUTHORITY', '', false) : new URL(`https://login.microsoftonline.com/${tenantId}/v2.0`);
  // The same resource the Teams manifest's webApplicationInfo names (api://<service host>/<app id>).
  const resource = (appIdUri ?? `api://${serviceUrl.host}/${appId}`).replace(/\/+$/, '');
  return {
    mode: 'entra',
    appId,
    tenantId,
    audiences: appIdUri ? [appId, appIdUri] : [appId],
    issuers: issuer ? [issuer] : [`https://login.microsoftonline.com/${tenantId}/v2.0`, `https://sts.windows.net/${tenantId}/`],
    jwksUrl: set(env.WARDLINE_TAB_JWKS_URL) ?? `https://login.microsoftonline.com/${tenantId}/discovery/v2.0/keys`,
    browser: {
      authority: authority.href.replace(/\/+$/, ''),
      scope: `${resource}/access_as_user`,
      redirectUri: new URL('/tab/', serviceUrl).href,
    },
  };
}

/** An address setting: required or not, and (except for a local http://localhost service) https. */
function httpsUrl(env: Readonly<Record<string, string | undefined>>, variable: string, missing: string, localAllowed: boolean): URL {
  const value = set(env[variable]);
  if (!value) throw new IdentityError(IdentityErrors.BadConfig, { variable, problem: missing });
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new IdentityError(IdentityErrors.BadConfig, { variable, problem: `"${value}" is not an address` });
  }
  const local = localAllowed && url.protocol === 'http:' && ['localhost', '127.0.0.1', '[::1]'].includes(url.hostname);
  if (url.protocol !== 'https:' && !local) throw new IdentityError(IdentityErrors.BadConfig, { variable, problem: `"${value}" must be an https address` });
  return url;
}
