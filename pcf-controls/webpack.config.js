/**
 * Merged by pcf-scripts into its own webpack configuration (feature `pcfAllowCustomWebpack`, set in
 * each control's featureconfig.json).
 *
 * `@wardline/core/<area>` resolves to core's TypeScript source (its index), as jest and
 * tsconfig.json do, rather than to core/dist's CommonJS: as ES modules webpack can leave out what
 * a control does not use (most of core/model's tables, for one), which MapPicker's 60 KB gzip
 * budget needs (and which takes TaskCard from 15 to 12 KB). MapPicker imports
 * `@wardline/core/geo/browser`, core/geo without proj4. Leaflet comes from the ES module build it
 * publishes beside the UMD one (the same code, about 1 KB less).
 */
const path = require('node:path');

const coreSource = path.resolve(__dirname, '..', 'core', 'src');
const areas = ['model', 'geo', 'geo/browser'];

module.exports = {
  resolve: {
    alias: {
      ...Object.fromEntries(areas.map((area) => [`@wardline/core/${area}$`, path.join(coreSource, area, 'index.ts')])),
      leaflet$: require.resolve('leaflet/dist/leaflet-src.esm.js'),
    },
  },
};
