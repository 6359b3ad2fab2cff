// Test-only: an "Entra-shaped" sign-in service on a loopback HTTPS port (MSAL refuses authorities
// that are not https): OpenID configuration, an authorize endpoint that signs in one test person
// and sends a code back, a token endpoint that checks the code, the redirect address and PKCE
// (S256) and issues RS256 tokens signed with locally generated keys, and those keys (JWKS).
// Every request is recorded, so tests can check what the page sent.
import { execFileSync } from 'node:child_process';
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer as createHttpServer } from 'node:http';
import { createServer, type Server } from 'node:https';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { exportJWK, generateKeyPair, SignJWT, type CryptoKey } from 'jose';

export interface LoopbackPerson {
  oid: string;
  name: string;
  username: string;
}

export interface RecordedRequest {
  method: string;
  path: string;
  query: Record<string, string>;
  form: Record<string, string>;
}

export interface LoopbackEntra {
  /** https://127.0.0.1:<port> */
  origin: string;
  /** The authority the page is given: <origin>/<tenant>/v2.0 */
  authority: string;
  /** The issuer of its tokens (as the API must accept them): the same as the authority, as Entra's v2.0 tokens. */
  issuer: string;
  /** The keys, over plain http on loopback for the service under test (Node refuses the self-signed certificate). */
  jwksUrl: string;
  tenant: string;
  /** The app registration: client id, its API's app id URI, and its single-page application redirect address. */
  app: { clientId: string; appIdUri: string; redirectUri: string };
  /** Who the authorize endpoint signs in. */
  person?: LoopbackPerson;
  /** Seconds its access tokens last (default an hour; under MSAL's five-minute renewal margin, every use renews one). */
  lifetime: number;
  requests: RecordedRequest[];
  /** Forgets every refresh token issued so far (as when they expire or are revoked): renewing with one is refused. */
  revokeRefreshTokens(): void;
  /** An access token for the API as this service would issue it, with claims overridden. */
  accessToken(person: LoopbackPerson, claims?: Record<string, unknown>): Promise<string>;
  close(): Promise<void>;
}

const b64url = (value: Buffer | string): string => Buffer.from(value).toString('base64url');

/** A self-signed certificate for 127.0.0.1 made with openssl (the test's browser context ignores certificate errors). */
function selfSigned(): { key: Buffer; cert: Buffer } {
  const dir = mkdtempSync(path.join(tmpdir(), 'wardline-entra-'));
  try {
    execFileSync('openssl', ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-keyout', path.join(dir, 'key.pem'), '-out', path.join(dir, 'cert.pem'), '-days', '1', '-subj', '/CN=127.0.0.1', '-addext', 'subjectAltName=IP:127.0.0.1'], { stdio: 'ignore' });
    return { key: readFileSync(path.join(dir, 'key.pem')), cert: readFileSync(path.join(dir, 'cert.pem')) };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

export async function startLoopbackEntra(options: { tenant: string; clientId: string }): Promise<LoopbackEntra> {
  const { tenant, clientId } = options;
  const pair = await generateKeyPair('RS256', { extractable: true });
  const jwk = { ...(await exportJWK(pair.publicKey)), kid: 'loopback-key', use: 'sig', alg: 'RS256' };
  const codes = new Map<string, { challenge: string; method: string; redirectUri: string; scope: string; nonce?: string; person: LoopbackPerson }>();
  const refreshTokens = new Map<string, { person: LoopbackPerson; scope: string }>();
  const requests: RecordedRequest[] = [];
  let server: Server | undefined;
  let keysServer: ReturnType<typeof createHttpServer> | undefined;
  const state: LoopbackEntra = {
    origin: '', authority: '', issuer: '', jwksUrl: '', tenant,
    app: { clientId, appIdUri: '', redirectUri: '' },
    requests,
    lifetime: 3600,
    revokeRefreshTokens: () => refreshTokens.clear(),
    accessToken: (person, claims = {}) => sign(pair.privateKey, state.lifetime, { aud: clientId, iss: state.issuer, tid: tenant, oid: person.oid, sub: person.oid, name: person.name, scp: 'access_as_user', ver: '2.0', azp: clientId, ...claims }),
    async close() {
      await new Promise((resolve) => server?.close(resolve));
      await new Promise((resolve) => keysServer?.close(resolve));
    },
  };

  async function tokens(person: LoopbackPerson, scope: string, nonce?: string): Promise<Record<string, unknown>> {
    const refresh = b64url(randomBytes(24));
    refreshTokens.set(refresh, { person, scope });
    return {
      token_type: 'Bearer', scope, expires_in: state.lifetime, ext_expires_in: state.lifetime,
      access_token: await state.accessToken(person),
      refresh_token: refresh,
      id_token: await sign(pair.privateKey, 3600, { aud: clientId, iss: state.issuer, tid: tenant, oid: person.oid, sub: person.oid, name: person.name, preferred_username: person.username, ver: '2.0', ...(nonce ? { nonce } : {}) }),
      client_info: b64url(JSON.stringify({ uid: person.oid, utid: tenant })),
    };
  }

  server = createServer(selfSigned(), (request, response) => {
    const url = new URL(request.url ?? '/', state.origin);
    let body = '';
    request.on('data', (chunk: Buffer) => { body += chunk.toString('utf8'); });
    request.on('end', () => {
      void (async () => {
        const form = Object.fromEntries(new URLSearchParams(body));
        requests.push({ method: request.method ?? 'GET', path: url.pathname, query: Object.fromEntries(url.searchParams), form });
        response.setHeader('access-control-allow-origin', '*');
        response.setHeader('access-control-allow-headers', '*');
        const json = (status: number, value: unknown) => { response.statusCode = status; response.setHeader('content-type', 'application/json'); response.end(JSON.stringify(value)); };
        const base = `/${tenant}`;
        if (request.method === 'OPTIONS') { response.statusCode = 204; response.end(); return; }
        if (url.pathname === `${base}/v2.0/.well-known/openid-configuration`) {
          json(200, {
            issuer: state.issuer, authorization_endpoint: `${state.origin}${base}/oauth2/v2.0/authorize`, token_endpoint: `${state.origin}${base}/oauth2/v2.0/token`,
            end_session_endpoint: `${state.origin}${base}/oauth2/v2.0/logout`, jwks_uri: `${state.origin}${base}/discovery/v2.0/keys`, response_modes_supported: ['query', 'fragment'],
            response_types_supported: ['code'], scopes_supported: ['openid', 'profile', 'email', 'offline_access'], subject_types_supported: ['pairwise'],
            id_token_signing_alg_values_supported: ['RS256'], code_challenge_methods_supported: ['S256'], tenant_region_scope: 'EU',
          });
          return;
        }
        if (url.pathname === `${base}/discovery/v2.0/keys`) { json(200, { keys: [jwk] }); return; }
        if (url.pathname === `${base}/oauth2/v2.0/authorize`) {
          const q = url.searchParams;
          const problem = q.get('client_id') !== clientId ? 'unknown client_id'
            : q.get('redirect_uri') !== state.app.redirectUri ? `redirect_uri ${q.get('redirect_uri')} is not registered`
            : q.get('response_type') !== 'code' ? 'response_type must be code'
            : q.get('code_challenge_method') !== 'S256' || !q.get('code_challenge') ? 'PKCE (S256) is required for a single-page application'
            : !state.person ? 'nobody to sign in' : undefined;
          if (problem) { response.statusCode = 400; response.setHeader('content-type', 'text/plain'); response.end(problem); return; }
          const code = b64url(randomBytes(24));
          codes.set(code, { challenge: q.get('code_challenge') as string, method: 'S256', redirectUri: q.get('redirect_uri') as string, scope: q.get('scope') ?? '', nonce: q.get('nonce') ?? undefined, person: state.person as LoopbackPerson });
          const back = new URL(state.app.redirectUri);
          back.searchParams.set('code', code);
          if (q.get('state')) back.searchParams.set('state', q.get('state') as string);
          back.searchParams.set('client_info', b64url(JSON.stringify({ uid: state.person?.oid, utid: tenant })));
          back.searchParams.set('session_state', randomUUID());
          response.statusCode = 302;
          response.setHeader('location', q.get('response_mode') === 'fragment' ? `${state.app.redirectUri}#${back.searchParams}` : back.href);
          response.end();
          return;
        }
        if (url.pathname === `${base}/oauth2/v2.0/token` && request.method === 'POST') {
          if (form.client_id !== clientId) { json(400, { error: 'invalid_client', error_description: 'unknown client_id' }); return; }
          if (form.grant_type === 'authorization_code') {
            const issued = codes.get(form.code ?? '');
            codes.delete(form.code ?? '');
            if (!issued) { json(400, { error: 'invalid_grant', error_description: 'AADSTS70008: the code is unknown or already used' }); return; }
            if (issued.redirectUri !== form.redirect_uri) { json(400, { error: 'invalid_grant', error_description: 'AADSTS50148: redirect_uri does not match' }); return; }
            if (!form.code_verifier || b64url(createHash('sha256').update(form.code_verifier).digest()) !== issued.challenge) { json(400, { error: 'invalid_grant', error_description: 'AADSTS501481: the code_verifier does not match the code_challenge' }); return; }
            json(200, await tokens(issued.person, issued.scope, issued.nonce));
            return;
          }
          if (form.grant_type === 'refresh_token') {
            const held = refreshTokens.get(form.refresh_token ?? '');
            // As Entra ID answers when a single-page app's refresh token has lived its 24 hours.
            if (!held) { json(400, { error: 'invalid_grant', error_description: 'AADSTS700084: The refresh token was issued to a single page app (SPA), and therefore has a fixed, limited lifetime of 1.00:00:00, which cannot be extended.', error_codes: [700084] }); return; }
            json(200, await tokens(held.person, form.scope ?? held.scope));
            return;
          }
          json(400, { error: 'unsupported_grant_type' });
          return;
        }
        response.statusCode = 404;
        response.end();
      })().catch((error: unknown) => { response.statusCode = 500; response.end(String(error)); });
    });
  });
  await new Promise<void>((resolve) => (server as Server).listen(0, '127.0.0.1', resolve));
  state.origin = `https://127.0.0.1:${(server.address() as AddressInfo).port}`;
  state.authority = `${state.origin}/${tenant}/v2.0`;
  state.issuer = state.authority;
  keysServer = createHttpServer((_request, response) => { response.setHeader('content-type', 'application/json'); response.end(JSON.stringify({ keys: [jwk] })); });
  await new Promise<void>((resolve) => keysServer?.listen(0, '127.0.0.1', resolve));
  state.jwksUrl = `http://127.0.0.1:${(keysServer.address() as AddressInfo).port}/${tenant}/discovery/v2.0/keys`;
  state.app.appIdUri = `api://127.0.0.1/${clientId}`;
  return state;
}

function sign(key: CryptoKey, lifetime: number, claims: Record<string, unknown>): Promise<string> {
  const now = Math.floor(Date.now() / 1000);
  return new SignJWT(claims).setProtectedHeader({ alg: 'RS256', kid: 'loopback-key', typ: 'JWT' }).setIssuedAt(now).setNotBefore(now - 5).setExpirationTime(now + lifetime).sign(key);
}
