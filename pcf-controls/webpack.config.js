/**
 * Merged by pcf-scripts into its own webpack configuration (feature `pcfAllowCustomWebpack`, set in
 * each control's featureconfig.json). MapPicker's size budget (60 KB gzip) leaves no room for
 * proj4's 40 projections, WKT parser and MGRS: core/geo needs the transverse Mercator only.
 */
const path = require('node:path');
const webpack = require('webpack');

const replacements = [
  { request: /^\.\.\/projs(\.js)?$/, from: `${path.sep}proj4${path.sep}`, to: 'MapPicker/bundling/proj4-projections.js' },
  { request: /^wkt-parser$/, from: `${path.sep}proj4${path.sep}`, to: 'MapPicker/bundling/proj4-wkt.js' },
  { request: /^mgrs$/, from: `${path.sep}proj4${path.sep}`, to: 'MapPicker/bundling/proj4-mgrs.js' },
];

module.exports = {
  plugins: replacements.map(
    ({ request, from, to }) =>
      new webpack.NormalModuleReplacementPlugin(request, (resource) => {
        if (resource.context.includes(from)) resource.request = path.resolve(__dirname, to);
      }),
  ),
};
