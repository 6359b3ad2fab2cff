import type { LatLon, WardHit } from '@wardline/core/geo/browser';
import type { Resolution } from './location-resolver';
import { assetName } from './messages';

/** What the control will hand back through getOutputs. */
export interface LocationState {
  point: LatLon | null;
  ward: WardHit | undefined;
  assetId: string | undefined;
  address: string | null;
  /** The address text the control itself wrote, so it never overwrites one a person typed. */
  autoAddress: string | null;
}

export const emptyState = (): LocationState => ({ point: null, ward: undefined, assetId: undefined, address: null, autoAddress: null });

/** The state after the pin moved. A snap writes "At <asset>" into an address that is empty or was written by the control. */
export function applyResolution(state: LocationState, resolution: Resolution): LocationState {
  const next: LocationState = { ...state, point: resolution.point, ward: resolution.ward, assetId: resolution.snappedTo?.asset.id };
  const addressIsOurs = !state.address || state.address === state.autoAddress;
  if (addressIsOurs) {
    const asset = resolution.snappedTo?.asset;
    const auto = asset ? `At ${assetName(asset)}` : null;
    next.address = auto ?? (state.address === state.autoAddress ? null : state.address);
    next.autoAddress = auto;
  }
  return next;
}
