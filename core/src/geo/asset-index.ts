import KDBush from 'kdbush';
import { InvalidInputError } from '../errors';
import { gridDistance, toBritishNationalGrid } from './british-national-grid';
import { DuplicateAssetError } from './errors';
import { assertLatLon, type LatLon } from './lat-lon';

/** A fixed asset (bin, bench, tree, sign) at a known position. */
export interface AssetInput {
  id: string;
  name: string;
  assetType: string;
  latitude: number;
  longitude: number;
}

export interface AssetMatch {
  asset: AssetInput;
  /** Metres on the British National Grid (see distanceMetres). */
  distanceMetres: number;
}

/**
 * The council's fixed assets in a static k-d tree (kdbush) over British National Grid metres, so
 * a radius is a true radius on the ground. Rebuild it when the asset list changes (an import).
 */
export class AssetIndex {
  private readonly assets: AssetInput[];
  private readonly eastings: Float64Array;
  private readonly northings: Float64Array;
  private readonly tree: KDBush<number>;

  private constructor(assets: AssetInput[]) {
    this.assets = assets;
    this.eastings = new Float64Array(assets.length);
    this.northings = new Float64Array(assets.length);
    assets.forEach((asset, i) => {
      const grid = toBritishNationalGrid(asset);
      this.eastings[i] = grid.easting;
      this.northings[i] = grid.northing;
    });
    const slots = assets.map((_, i) => i);
    // Leaves of 16 points: radius searches of tens of metres run faster than with the default 64.
    this.tree = new KDBush(slots, (i) => this.eastings[i], (i) => this.northings[i], 16, Float64Array);
  }

  /**
   * Builds the index; throws InvalidCoordinateError or DuplicateAssetError on bad input. Matches
   * return the same asset objects that were given, so do not change them afterwards: rebuild.
   */
  static fromAssets(assets: readonly AssetInput[]): AssetIndex {
    const ids = new Set<string>();
    for (const asset of assets) {
      if (ids.has(asset.id)) throw new DuplicateAssetError(asset.id);
      ids.add(asset.id);
      assertLatLon(asset, `asset "${asset.id}"`);
    }
    return new AssetIndex([...assets]);
  }

  /** Number of assets in the index. */
  get size(): number {
    return this.assets.length;
  }

  /**
   * The nearest asset within the radius that passes the filter, or undefined. Equal distances go
   * to the lowest id, so the answer does not depend on load order.
   */
  nearest(p: LatLon, radiusMetres: number, filter?: (asset: AssetInput) => boolean): AssetMatch | undefined {
    assertRadius(radiusMetres);
    const { easting, northing } = toBritishNationalGrid(p);
    let best = -1;
    let bestDistance = Infinity;
    for (const slot of this.tree.within(easting, northing, radiusMetres)) {
      const asset = this.assets[slot];
      if (filter && !filter(asset)) continue;
      const distance = gridDistance(this.eastings[slot], this.northings[slot], easting, northing);
      if (distance < bestDistance || (distance === bestDistance && asset.id < this.assets[best].id)) {
        best = slot;
        bestDistance = distance;
      }
    }
    return best < 0 ? undefined : { asset: this.assets[best], distanceMetres: bestDistance };
  }

  /** Every asset within the radius, nearest first (equal distances by id). */
  within(p: LatLon, radiusMetres: number): AssetMatch[] {
    return this.candidates(p, radiusMetres).sort((a, b) => a.distanceMetres - b.distanceMetres || (a.asset.id < b.asset.id ? -1 : a.asset.id > b.asset.id ? 1 : 0));
  }

  private candidates(p: LatLon, radiusMetres: number): AssetMatch[] {
    assertRadius(radiusMetres);
    const { easting, northing } = toBritishNationalGrid(p);
    return this.tree.within(easting, northing, radiusMetres).map((slot) => ({
      asset: this.assets[slot],
      distanceMetres: gridDistance(this.eastings[slot], this.northings[slot], easting, northing),
    }));
  }
}

/** A radius must be a finite, non-negative number of metres. */
export function assertRadius(radiusMetres: number): void {
  if (typeof radiusMetres !== 'number' || !Number.isFinite(radiusMetres) || radiusMetres < 0) {
    throw new InvalidInputError('radiusMetres', `the search radius must be a number of metres, 0 or more; got ${String(radiusMetres)}`);
  }
}
