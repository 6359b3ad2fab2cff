import { LocalAssetIndex, WardIndex, type AssetInput, type AssetMatch, type LatLon, type LatLonBounds, type WardHit, type WardInput } from '@wardline/core/geo/browser';

/** Where the pin ended up and what is there. */
export interface Resolution {
  point: LatLon;
  ward: WardHit | undefined;
  /** The asset the pin snapped to (the pin now sits on it). */
  snappedTo: AssetMatch | undefined;
  /** The nearest asset within the radius when the pin did not snap (keyboard moves, snapping off). */
  nearby: AssetMatch | undefined;
}

/**
 * Ward and asset lookup for the pin, from core/geo's browser entry: the very WardIndex triage
 * uses (so the control and the service agree on the ward) and LocalAssetIndex, which gives
 * AssetIndex's nearest asset without bundling proj4 (see core/src/geo/local-asset-index.ts).
 */
export class LocationResolver {
  private readonly wards: WardIndex;
  private readonly assets: LocalAssetIndex;
  readonly assetList: readonly AssetInput[];

  constructor(wards: readonly WardInput[], assets: readonly AssetInput[]) {
    this.wards = WardIndex.fromWards(wards);
    this.assets = LocalAssetIndex.fromAssets(assets);
    this.assetList = assets;
  }

  get wardCount(): number {
    return this.wards.size;
  }

  bounds(): LatLonBounds | undefined {
    return this.wards.bounds();
  }

  /** Resolves a point; with `snap`, moves it onto the nearest asset within the radius. */
  resolve(point: LatLon, options: { snap: boolean; radiusMetres: number }): Resolution {
    const match = this.assets.size > 0 && options.radiusMetres > 0 ? this.assets.nearest(point, options.radiusMetres) : undefined;
    if (match && options.snap) {
      const snapped = { latitude: match.asset.latitude, longitude: match.asset.longitude };
      return { point: snapped, ward: this.wards.wardAt(snapped), snappedTo: match, nearby: undefined };
    }
    return { point, ward: this.wards.wardAt(point), snappedTo: undefined, nearby: match };
  }

  /** Assets within a distance of a point, nearest first (for drawing). */
  assetsNear(point: LatLon, radiusMetres: number): AssetMatch[] {
    return this.assets.size > 0 ? this.assets.within(point, radiusMetres) : [];
  }
}
