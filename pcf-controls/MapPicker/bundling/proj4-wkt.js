// Bundled in place of wkt-parser (see ../../webpack.config.js): core/geo defines its grid with a
// PROJ string, never WKT, so a WKT definition is refused with a clear message.
export default function wkt() {
  throw new Error('MapPicker bundles proj4 without its WKT parser: define projections with PROJ strings.');
}
