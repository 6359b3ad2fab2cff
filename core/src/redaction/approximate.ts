/** About 500 m of latitude, in degrees. */
const CELL_DEGREES = 0.0045;

/**
 * Snaps a point to the centre of a grid cell about 500 m across, so a volunteer sees roughly where
 * a job is without learning the address before they take it on.
 */
export function approximateLocation(latitude: number, longitude: number): { latitude: number; longitude: number } {
  const latitudeCell = Math.floor(latitude / CELL_DEGREES);
  const centreLatitude = (latitudeCell + 0.5) * CELL_DEGREES;
  const longitudeStep = CELL_DEGREES / Math.max(0.1, Math.cos((centreLatitude * Math.PI) / 180));
  const centreLongitude = (Math.floor(longitude / longitudeStep) + 0.5) * longitudeStep;
  const round = (value: number): number => Math.round(value * 10_000) / 10_000;
  return { latitude: round(centreLatitude), longitude: round(centreLongitude) };
}

/** "Flat 3, 12a High Street, Colchester" -> "High Street, Colchester": the street, not the door. */
export function streetOnly(address: string | null): string | null {
  if (!address) return address;
  const parts = address.split(',').map((part) => part.trim()).filter(Boolean)
    .filter((part) => !/^(flat|apartment|unit|room|suite)\b/i.test(part))
    .map((part) => part.replace(/^\d+[a-z]?(-\d+[a-z]?)?\s+/i, ''))
    .filter((part) => !/^\d+[a-z]?$/i.test(part));
  return parts.length ? parts.join(', ') : null;
}
