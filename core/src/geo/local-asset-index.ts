import RBush from 'rbush';
import type { AssetInput, AssetMatch } from './asset-index';
import { DuplicateAssetError } from './errors';
import { assertLatLon, type LatLon } from './lat-lon';
import { localDistanceMetres, metresPerDegree } from './local-metres';
import { assertRadiusMetres } from './radius';

interface Entry {
  minX: number;
  minY: number;
  maxX: number;
  maxY: number;
  asset: AssetInput;
}

/**
 * AssetIndex's answers without proj4, for the browser (the MapPicker control). Assets sit in an
 * R-tree (rbush) by longitude and latitude; a search takes the degree box that the radius spans at
 * the point (measured on the WGS84 ellipsoid there), then keeps the assets whose local ground
 * distance (localDistanceMetres) is within the radius. For snap and nearby radii, up to a few
 * kilometres, distances agree with AssetIndex's British National Grid metres to within 0.05%.
 *
 * Same rules as AssetIndex: a radius is a true radius on the ground, an asset exactly on it
 * counts, and equal distances go to the lowest id, so the answer does not depend on load order.
 * Boxes do not wrap at ±180° longitude: Wardline's councils are in Great Britain.
 */
export class LocalAssetIndex {
  private readonly tree = new RBush<Entry>();
  /** Number of assets in the index. */
  readonly size: number;

  private constructor(assets: readonly AssetInput[]) {
    this.tree.load(assets.map((asset) => ({ minX: asset.longitude, minY: asset.latitude, maxX: asset.longitude, maxY: asset.latitude, asset })));
    this.size = assets.length;
  }

  /**
   * Builds the index; throws InvalidCoordinateError or DuplicateAssetError on bad input. Matches
   * return the same asset objects that were given, so do not change them afterwards: rebuild.
   */
  static fromAssets(assets: readonly AssetInput[]): LocalAssetIndex {
    const ids = new Set<string>();
    for (const asset of assets) {
      if (ids.has(asset.id)) throw new DuplicateAssetError(asset.id);
      ids.add(asset.id);
      assertLatLon(asset, `asset "${asset.id}"`);
    }
    return new LocalAssetIndex(assets);
  }

  /** The nearest asset within the radius that passes the filter, or undefined (ties: lowest id). */
  nearest(p: LatLon, radiusMetres: number, filter?: (asset: AssetInput) => boolean): AssetMatch | undefined {
    let best: AssetMatch | undefined;
    for (const match of this.candidates(p, radiusMetres)) {
      if (filter && !filter(match.asset)) continue;
      if (!best || match.distanceMetres < best.distanceMetres || (match.distanceMetres === best.distanceMetres && match.asset.id < best.asset.id)) best = match;
    }
    return best;
  }

  /** Every asset within the radius, nearest first (equal distances by id). */
  within(p: LatLon, radiusMetres: number): AssetMatch[] {
    return this.candidates(p, radiusMetres).sort((a, b) => a.distanceMetres - b.distanceMetres || (a.asset.id < b.asset.id ? -1 : a.asset.id > b.asset.id ? 1 : 0));
  }

  private candidates(p: LatLon, radiusMetres: number): AssetMatch[] {
    assertRadiusMetres(radiusMetres);
    assertLatLon(p);
    const box = degreeBox(p, radiusMetres);
    const matches: AssetMatch[] = [];
    for (const { asset } of this.tree.search(box)) {
      const distanceMetres = localDistanceMetres(p, asset);
      if (distanceMetres <= radiusMetres) matches.push({ asset, distanceMetres });
    }
    return matches;
  }
}

/**
 * The longitude/latitude box that holds every point within the radius. East-west it uses the
 * scale at the box's poleward edge, where a degree of longitude is shortest, so nothing is cut off;
 * 1% more on each side covers the ellipsoid's change of scale across the box.
 */
function degreeBox(p: LatLon, radiusMetres: number): { minX: number; minY: number; maxX: number; maxY: number } {
  const margin = radiusMetres * 1.01;
  const dLat = margin / metresPerDegree(p.latitude).latitude;
  const poleward = Math.min(89.999, Math.abs(p.latitude) + dLat);
  const dLon = Math.min(180, margin / metresPerDegree(poleward).longitude);
  return { minX: p.longitude - dLon, minY: p.latitude - dLat, maxX: p.longitude + dLon, maxY: p.latitude + dLat };
}
