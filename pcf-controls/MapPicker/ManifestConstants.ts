/** Manifest property names, restated once (ControlManifest.Input.xml is the contract). */
export const enum MapPickerProperties {
  Latitude = 'latitude',
  Longitude = 'longitude',
  Address = 'address',
  WardCode = 'wardCode',
  AssetId = 'assetId',
  Wards = 'wards',
  Assets = 'assets',
  TileUrlTemplate = 'tileUrlTemplate',
  TileAttribution = 'tileAttribution',
  SnapRadius = 'snapRadius',
}

/** Metres, when neither the maker nor wl_SnapRadius sets one. */
export const DEFAULT_SNAP_RADIUS = 25;
/** Arrow keys move the pin this far; with Shift, ten times as far. */
export const KEY_STEP_METRES = 5;
/** Assets are read from Dataverse within this distance of the pin, and drawn within it. */
export const ASSET_SEARCH_METRES = 500;
