// Bundled in place of proj4's projs.js (see ../../webpack.config.js): core/geo only converts
// WGS84 to the British National Grid, a transverse Mercator, so only tmerc is registered.
import tmerc from 'proj4/lib/projections/tmerc';

export default function includedProjections(proj4) {
  proj4.Proj.projections.add(tmerc);
}
