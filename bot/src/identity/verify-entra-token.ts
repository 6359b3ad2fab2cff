import type { JWTPayload } from 'jose' with { 'resolution-mode': 'import' };
import { loadJose, type Jose } from './jose-module';
import type { IdentityConfig } from './identity-config';
import { IdentityError, IdentityErrors } from './identity-errors';

export interface EntraClaims {
  /** The person's object id in Entra ID (maps to wl_officer.entraObjectId). */
  oid: string;
  tid: string;
  name?: string;
}

type EntraConfig = Extract<IdentityConfig, { mode: 'entra' }>;

/** Says why jose refused a token, in words a person can act on. */
function reasonOf(error: unknown, { errors }: Jose): string {
  if (error instanceof errors.JWTExpired) return 'it has expired';
  if (error instanceof errors.JWTClaimValidationFailed) return `its ${error.claim} claim is not accepted`;
  if (error instanceof errors.JWSSignatureVerificationFailed) return 'its signature does not match the tenant signing keys';
  if (error instanceof errors.JWKSNoMatchingKey) return 'it was signed with a key the tenant does not publish';
  if (error instanceof errors.JOSEError) return error.message;
  return 'it could not be read';
}

/**
 * Checks an Entra ID token (signature against the tenant keys, audience, issuer, expiry, tenant)
 * and returns its claims. Keys are fetched once and cached by jose, refetched on an unknown key id.
 */
export function createEntraVerifier(config: EntraConfig): (token: string) => Promise<EntraClaims> {
  let keys: ReturnType<Jose['createRemoteJWKSet']> | undefined;
  return async (token) => {
    const jose = await loadJose();
    keys ??= jose.createRemoteJWKSet(new URL(config.jwksUrl), { cooldownDuration: 30_000, timeoutDuration: 5_000 });
    let payload: JWTPayload;
    try {
      ({ payload } = await jose.jwtVerify(token, keys, { audience: config.audiences, issuer: config.issuers, algorithms: ['RS256'], clockTolerance: 60, requiredClaims: ['exp', 'oid', 'tid'] }));
    } catch (error) {
      throw new IdentityError(IdentityErrors.BadToken, { reason: reasonOf(error, jose) });
    }
    const tid = String(payload.tid);
    if (tid.toLowerCase() !== config.tenantId.toLowerCase()) throw new IdentityError(IdentityErrors.WrongTenant, { tenant: tid, expected: config.tenantId });
    return { oid: String(payload.oid), tid, name: typeof payload.name === 'string' ? payload.name : undefined };
  };
}
