// Bundled in place of mgrs (see ../../webpack.config.js): MapPicker never uses proj4.mgrs.
const unavailable = () => {
  throw new Error('MapPicker bundles proj4 without MGRS grid references.');
};
export default { forward: unavailable, inverse: unavailable, toPoint: unavailable };
