import { loadJose } from './jose-module';
import { IdentityError, IdentityErrors } from './identity-errors';

const ISSUER = 'wardline-development-sign-in';
const AUDIENCE = 'wardline-tab';

/** A development token for a demo person (HS256 with the process's secret; 12 hours). */
export async function issueDevelopmentToken(secret: Uint8Array, entraObjectId: string, now: Date): Promise<string> {
  const { SignJWT } = await loadJose();
  const seconds = Math.floor(now.getTime() / 1000);
  return new SignJWT({ oid: entraObjectId }).setProtectedHeader({ alg: 'HS256' }).setIssuer(ISSUER).setAudience(AUDIENCE)
    .setIssuedAt(seconds).setExpirationTime(seconds + 12 * 3600).sign(secret);
}

/** Reads a development token back to the person's Entra object id. */
export async function verifyDevelopmentToken(secret: Uint8Array, token: string, now: Date): Promise<string> {
  const { jwtVerify } = await loadJose();
  try {
    const { payload } = await jwtVerify(token, secret, { issuer: ISSUER, audience: AUDIENCE, algorithms: ['HS256'], currentDate: now });
    return String(payload.oid);
  } catch {
    throw new IdentityError(IdentityErrors.BadToken, { reason: 'it is not a current development sign-in (the service may have restarted)' });
  }
}
