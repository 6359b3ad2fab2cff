import proj4 from 'proj4';
import { InvalidInputError } from '../errors';
import { assertLatLon, type LatLon } from './lat-lon';

/**
 * EPSG:27700 (OSGB36 / British National Grid) with the published 7-parameter Helmert shift from
 * WGS84: good to about 2 m, which is ample for ward, asset and duplicate checks. The OSTN15 grid
 * shift would be better to 0.1 m but is not packaged for offline use (see PLATFORM-NOTES.md).
 */
export const BRITISH_NATIONAL_GRID =
  '+proj=tmerc +lat_0=49 +lon_0=-2 +k=0.9996012717 +x_0=400000 +y_0=-100000 +ellps=airy +towgs84=446.448,-125.157,542.06,0.15,0.247,0.842,-20.489 +units=m +no_defs';

/** Easting and northing in metres on the British National Grid. */
export interface GridReference {
  easting: number;
  northing: number;
}

const converter = proj4('WGS84', BRITISH_NATIONAL_GRID);

// One report asks for its point's grid reference several times (nearest asset, then duplicates);
// remembering the last conversion avoids repeating the datum shift.
let lastLatitude = Number.NaN;
let lastLongitude = Number.NaN;
let lastGrid: GridReference = { easting: Number.NaN, northing: Number.NaN };

/** WGS84 latitude/longitude to British National Grid easting/northing in metres. */
export function toBritishNationalGrid(p: LatLon): GridReference {
  if (p.latitude === lastLatitude && p.longitude === lastLongitude) return { ...lastGrid };
  assertLatLon(p);
  const [easting, northing] = converter.forward([p.longitude, p.latitude]);
  lastLatitude = p.latitude;
  lastLongitude = p.longitude;
  lastGrid = { easting, northing };
  return { easting, northing };
}

/** British National Grid easting/northing in metres to WGS84 latitude/longitude. */
export function fromBritishNationalGrid(easting: number, northing: number): LatLon {
  if (!Number.isFinite(easting) || !Number.isFinite(northing)) {
    throw new InvalidInputError('easting/northing', `${String(easting)}, ${String(northing)} must both be numbers of metres`);
  }
  const [longitude, latitude] = converter.inverse([easting, northing]);
  return { latitude, longitude };
}

/** Straight-line distance in metres between two grid positions (internal: the indexes share it). */
export function gridDistance(eastingA: number, northingA: number, eastingB: number, northingB: number): number {
  const de = eastingA - eastingB;
  const dn = northingA - northingB;
  return Math.sqrt(de * de + dn * dn);
}

/**
 * Distance in metres between two points, measured on the British National Grid. Across Great
 * Britain the grid's scale error is under 0.07%, so this is an honest ground distance; every
 * index in this module measures the same way, so a radius means the same thing everywhere.
 */
export function distanceMetres(a: LatLon, b: LatLon): number {
  const pa = toBritishNationalGrid(a);
  const pb = toBritishNationalGrid(b);
  return gridDistance(pa.easting, pa.northing, pb.easting, pb.northing);
}
