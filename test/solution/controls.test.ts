import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildSolution, checkSolutionFiles, diffTrees, formatFinding, readZip, unpackFiles } from '@wardline/solution';
import { tempDir } from './helpers';

/** A pcf-scripts output folder as the build leaves it: manifest, bundle, strings. */
function writeBuiltControl(root: string, constructor: string, properties: string[]): void {
  const dir = join(root, 'out', 'controls', constructor);
  mkdirSync(join(dir, 'strings'), { recursive: true });
  writeFileSync(join(dir, 'ControlManifest.xml'), `<?xml version="1.0" encoding="utf-8"?>
<manifest><control namespace="Wardline" constructor="${constructor}" version="0.1.0" display-name-key="${constructor}" description-key="${constructor}" control-type="standard" api-version="1.3.18">
${properties.map((p) => `<property name="${p}" display-name-key="${p}" of-type="SingleLine.Text" usage="bound" />`).join('\n')}
<resources><code path="bundle.js" order="1" /><resx path="strings/${constructor}.1033.resx" version="1.0.0" /></resources>
</control></manifest>`);
  writeFileSync(join(dir, 'bundle.js'), `var pcf_tools_${constructor} = {};`);
  writeFileSync(join(dir, 'strings', `${constructor}.1033.resx`), '<?xml version="1.0" encoding="utf-8"?><root />');
}

describe('PCF controls in the solution', () => {
  it('packs the built controls, binds them on the job form and still passes every check', async () => {
    const t = tempDir('controls');
    try {
      writeBuiltControl(join(t.dir, 'pcf'), 'MapPicker', ['latitude', 'longitude', 'address', 'tileUrlTemplate']);
      const built = await buildSolution({ dryRun: true, controlsDir: join(t.dir, 'pcf') });
      expect(built.controls).toEqual(['wl_Wardline.MapPicker']);
      expect([...built.tree.keys()].filter((p) => p.startsWith('Controls/'))).toEqual([
        'Controls/wl_Wardline.MapPicker/ControlManifest.xml',
        'Controls/wl_Wardline.MapPicker/ControlManifest.xml.data.xml',
        'Controls/wl_Wardline.MapPicker/bundle.js',
        'Controls/wl_Wardline.MapPicker/strings/MapPicker.1033.resx',
      ]);
      const form = [...built.tree.entries()].find(([p]) => p.startsWith('Entities/wl_Task/FormXml/main/'))![1].toString('utf8');
      expect(form).toContain('<customControl formFactor="2" name="wl_Wardline.MapPicker">');
      expect(form).toMatch(/<latitude>wl_latitude<\/latitude>\s*<longitude>wl_longitude<\/longitude>\s*<address>wl_address<\/address>/);
      expect(form).not.toContain('TaskCard');
      expect(built.tree.get('Other/Solution.xml')!.toString()).toContain('<RootComponent type="66" schemaName="wl_Wardline.MapPicker" behavior="0" />');

      const files = await readZip(built.unmanaged, 'with-controls.zip');
      expect(checkSolutionFiles(files).map(formatFinding)).toEqual([]);
      expect(diffTrees(built.tree, unpackFiles(files))).toEqual({ missing: [], extra: [], changed: [] });
    } finally {
      t.cleanup();
    }
  });

  it('builds without any controls', async () => {
    const t = tempDir('nocontrols');
    try {
      const built = await buildSolution({ dryRun: true, controlsDir: join(t.dir, 'missing') });
      expect(built.controls).toEqual([]);
      expect([...built.tree.keys()].some((p) => p.startsWith('Controls/'))).toBe(false);
      expect(built.tree.get('Other/Customizations.xml')!.toString()).toContain('<CustomControls />');
    } finally {
      t.cleanup();
    }
  });
});
