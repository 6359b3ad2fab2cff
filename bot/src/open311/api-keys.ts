import { createHash, randomBytes } from 'node:crypto';
import { WardlineError, type ApiKey, type Store } from '@wardline/core';

export const ApiKeyErrors = {
  BadName: { code: 'WL-O311-020', message: 'Key name "{name}": use 1 to 100 letters, digits, dots, dashes or underscores (e.g. fixmystreet).' },
  NameTaken: { code: 'WL-O311-021', message: 'A key named "{name}" already exists: revoke it first or pick another name.' },
  NoSuchKey: { code: 'WL-O311-022', message: 'No key named "{name}": `wardline open311 keys list` shows the names.' },
} as const;

export class ApiKeyError extends WardlineError {}

const PREFIX = 'wl311_';

/** SHA-256 of a key, hex: the only form in which keys are stored. */
export const hashKey = (key: string): string => createHash('sha256').update(key, 'utf8').digest('hex');

/** A new random key: `wl311_` and 32 random bytes, base64url. */
export const generateKey = (): string => `${PREFIX}${randomBytes(32).toString('base64url')}`;

export interface AddedKey {
  /** The key itself: shown once, never stored. */
  key: string;
  row: ApiKey;
}

/** Adds a key for a client; the key is returned once and only its hash is kept. */
export async function addApiKey(store: Store, options: { name: string; requestsPerMinute?: number; pushUrl?: string; pushApiKey?: string }): Promise<AddedKey> {
  const name = options.name.trim();
  if (!/^[A-Za-z0-9._-]{1,100}$/.test(name)) throw new ApiKeyError(ApiKeyErrors.BadName, { name });
  if ((await store.listApiKeys()).some((k) => k.name === name)) throw new ApiKeyError(ApiKeyErrors.NameTaken, { name });
  const key = generateKey();
  await store.importRows([{ table: 'apiKey', mode: 'insert', rows: [{
    name, keyHash: hashKey(key), keyPrefix: key.slice(0, 10), active: true,
    requestsPerMinute: options.requestsPerMinute ?? null, pushUrl: options.pushUrl ?? null, pushApiKey: options.pushApiKey ?? null,
  }] }]);
  const row = (await store.listApiKeys()).find((k) => k.name === name) as ApiKey;
  return { key, row };
}

/** Revokes a key by name (kept, marked inactive, so its name stays taken and the history is clear). */
export async function revokeApiKey(store: Store, name: string, now: Date): Promise<ApiKey> {
  const row = (await store.listApiKeys()).find((k) => k.name === name.trim());
  if (!row) throw new ApiKeyError(ApiKeyErrors.NoSuchKey, { name });
  const { id, createdOn, modifiedOn, ...rest } = row;
  void createdOn;
  void modifiedOn;
  await store.importRows([{ table: 'apiKey', mode: 'upsert', rows: [{ id, ...rest, active: false, revokedOn: row.revokedOn ?? now.toISOString() }] }]);
  return (await store.listApiKeys()).find((k) => k.id === id) as ApiKey;
}

/**
 * Checks keys against the stored hashes. The rows are cached for a few seconds, so a key added
 * or revoked with the CLI takes effect without a restart.
 */
export class ApiKeyRegistry {
  private cache: { at: number; byHash: Map<string, ApiKey> } | undefined;

  constructor(private readonly store: Store, private readonly clock: () => Date, private readonly ttlMs = 5_000) {}

  async find(key: string): Promise<ApiKey | undefined> {
    const now = this.clock().getTime();
    if (!this.cache || now - this.cache.at > this.ttlMs || now < this.cache.at) {
      const rows = await this.store.listApiKeys();
      this.cache = { at: now, byHash: new Map(rows.filter((r) => r.active).map((r) => [r.keyHash, r])) };
    }
    return this.cache.byHash.get(hashKey(key));
  }

  /** Clients that asked for updates to be posted back to them (FixMyStreet's servicerequestupdates). */
  async pushTargets(): Promise<ApiKey[]> {
    return (await this.store.listApiKeys()).filter((k) => k.active && k.pushUrl);
  }
}
