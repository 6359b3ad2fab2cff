import { randomFillSync } from 'node:crypto';
import { v7 } from 'uuid';

/**
 * New row ids: UUID version 7 (RFC 9562) laid out by the uuid library, drawing the random bits
 * from a 64 KB pool refilled 4,096 ids at a time (the library's own pool holds 16 ids, so a bulk
 * write made one system call per 16 rows). The sequence within a millisecond counts up as the
 * library's does when it keeps its own state, so ids made in one transaction sort in the order
 * they were made.
 */
const POOL_BYTES = 65_536;
const pool = new Uint8Array(POOL_BYTES);
let offset = POOL_BYTES;
const state: { msecs?: number; seq?: number } = {};

export function newRowId(): string {
  if (offset + 16 > POOL_BYTES) {
    randomFillSync(pool);
    offset = 0;
  }
  const random = pool.subarray(offset, (offset += 16));
  const now = Date.now();
  if (state.msecs === undefined || now > state.msecs) {
    state.msecs = now;
    state.seq = (random[6] << 23) | (random[7] << 16) | (random[8] << 8) | random[9];
  } else {
    state.seq = ((state.seq ?? 0) + 1) | 0;
    if (state.seq === 0) state.msecs += 1;
  }
  return v7({ msecs: state.msecs, seq: state.seq, random });
}
