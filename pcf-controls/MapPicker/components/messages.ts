import type { Resolution } from './location-resolver';

/** What the control says, in British English. One place, so the tests and docs quote the same words. */
export const text = {
  useMyLocation: 'Use my location',
  locating: 'Finding your location…',
  placeAtCentre: 'Put the pin in the middle of the map',
  snapToAssets: 'Snap to nearby assets',
  readOnly: 'The location is read-only.',
  noLocation: 'No location yet. Click the map, or use your location, to place the pin.',
  noWards: 'No ward boundaries are loaded, so the ward cannot be shown.',
  denied: 'Your device did not share its location. Allow location access for this app in your browser or device settings, or place the pin on the map.',
  unavailable: 'Your location could not be found just now. Try again, or place the pin on the map.',
  mapLabel: 'Map of the job location',
  pinHelp: 'Arrow keys move the pin 5 metres, or 50 metres with Shift. Enter attaches the job to a nearby asset.',
} as const;

const metres = (m: number): string => `${Math.round(m)} m`;
/** "Litter bin LB-001", or just "Memorial bench" when the name already says what it is. */
export const assetName = (asset: { name: string; assetType: string }): string => (asset.name.toLowerCase().includes(asset.assetType.toLowerCase()) ? asset.name : `${asset.assetType} ${asset.name}`);

/** The ward sentence: "In Castle ward." or the outside-every-ward warning. */
export function wardSentence(resolution: Resolution, wardCount: number): { text: string; warning: boolean } {
  if (wardCount === 0) return { text: text.noWards, warning: false };
  if (!resolution.ward) return { text: 'This point is outside every ward of the council. Check the location: the job may belong to another council.', warning: true };
  return { text: `In ${resolution.ward.name} ward (${resolution.ward.code}).`, warning: false };
}

/** The asset sentence: snapped, or a nearby asset the user may attach. */
export function assetSentence(resolution: Resolution, radiusMetres: number): string {
  if (resolution.snappedTo) return `Moved onto the nearest asset, ${assetName(resolution.snappedTo.asset)}, ${metres(resolution.snappedTo.distanceMetres)} away (snap radius ${metres(radiusMetres)}).`;
  if (resolution.nearby) return `${assetName(resolution.nearby.asset)} is ${metres(resolution.nearby.distanceMetres)} away. Press Enter on the pin to attach the job to it.`;
  return '';
}

export const coordinatesText = (latitude: number, longitude: number): string => `Latitude ${latitude.toFixed(6)}, longitude ${longitude.toFixed(6)}`;
