import { CoreErrors, WardlineError, type Store } from '@wardline/core';
import { WardIndex } from '@wardline/core/geo';

/** The stored wards as a lookup index; imports that place points need wards first. */
export async function loadWardIndex(store: Store): Promise<WardIndex> {
  const wards = await store.listWards();
  if (wards.length === 0) throw new WardlineError(CoreErrors.NoWards);
  return WardIndex.fromWards(wards);
}
