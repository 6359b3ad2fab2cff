// Bundled in place of proj4's projs.js (see ../../webpack.config.js): core/geo only converts
// WGS84 to the British National Grid, a transverse Mercator (`+proj=tmerc`, which proj4 2.22
// serves with etmerc; tmerc is its fast variant), so only those two are registered.
import tmerc from 'proj4/lib/projections/tmerc';
import etmerc from 'proj4/lib/projections/etmerc';

export default function includedProjections(proj4) {
  proj4.Proj.projections.add(tmerc);
  proj4.Proj.projections.add(etmerc);
}
