import type { Store, Ward } from '@wardline/core';
import type { IdentityConfig } from './identity-config';
import { IdentityError, IdentityErrors } from './identity-errors';
import { createEntraVerifier } from './verify-entra-token';
import { verifyDevelopmentToken } from './development-tokens';
import { viewerFor, type Viewer } from './viewer';

export interface Authenticator {
  readonly config: IdentityConfig;
  /** The person behind an Authorization header, or a 401/403 IdentityError saying why not. */
  authenticate(authorization: string | undefined): Promise<Viewer>;
}

const WARD_CACHE_MS = 60_000;

/** Creates the tab's authenticator: Entra ID tokens in a tenant, development tokens on a laptop. */
export function createAuthenticator(config: IdentityConfig, store: Store, clock: () => Date): Authenticator {
  const verifyEntra = config.mode === 'entra' ? createEntraVerifier(config) : undefined;
  let wards: { at: number; list: Promise<Ward[]> } | undefined;
  const allWards = (): Promise<Ward[]> => {
    const now = Date.now();
    if (!wards || now - wards.at > WARD_CACHE_MS) wards = { at: now, list: store.listWards() };
    return wards.list;
  };
  return {
    config,
    async authenticate(authorization) {
      const match = /^Bearer\s+(\S+)$/i.exec(authorization?.trim() ?? '');
      if (!match) throw new IdentityError(IdentityErrors.NoToken);
      const token = match[1];
      const oid = verifyEntra ? (await verifyEntra(token)).oid : await verifyDevelopmentToken((config as { secret: Uint8Array }).secret, token, clock());
      const person = await store.getOfficerByEntraId(oid);
      if (!person) throw new IdentityError(IdentityErrors.UnknownPerson, { oid });
      return viewerFor(store, person, allWards);
    },
  };
}
