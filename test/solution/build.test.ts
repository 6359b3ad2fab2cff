import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { buildSolution, checkSolutionFiles, formatFinding, readZip, unpackFiles, diffTrees, readSourceTree, GENERATED_HEADER } from '@wardline/solution';
import { tempDir } from './helpers';

/** Builds into temporary folders with no PCF controls, so the test does not depend on pcf-controls' state. */
async function buildInTemp(version?: string) {
  const t = tempDir('build');
  const controlsDir = join(t.dir, 'no-controls');
  const result = await buildSolution({ version, srcDir: join(t.dir, 'src'), outDir: join(t.dir, 'dist'), controlsDir });
  return { ...result, dir: t.dir, cleanup: t.cleanup };
}

describe('solution build', () => {
  let b: Awaited<ReturnType<typeof buildInTemp>>;
  beforeAll(async () => { b = await buildInTemp('1.2.0'); });
  afterAll(() => b.cleanup());

  it('writes the unpacked source and both zips, named with the four-part version', () => {
    {
      expect(b.version).toBe('1.2.0.0');
      expect(readdirSync(join(b.dir, 'dist')).sort()).toEqual(['Wardline_1.2.0.0_managed.zip', 'Wardline_1.2.0.0_unmanaged.zip']);
      for (const folder of ['Other', 'Entities', 'OptionSets', 'Roles', 'AppModules', 'AppModuleSiteMaps', 'Workflows', 'environmentvariabledefinitions', 'SdkMessageProcessingSteps']) {
        expect(existsSync(join(b.dir, 'src', folder))).toBe(true);
      }
      expect(existsSync(join(b.dir, 'src', 'Other', 'Solution.xml'))).toBe(true);
      expect(existsSync(join(b.dir, 'src', 'Entities', 'wl_Task', 'Entity.xml'))).toBe(true);
    }
  });

  it('passes every check, managed and unmanaged', async () => {
    {
      for (const zip of [b.unmanaged, b.managed]) {
        const findings = checkSolutionFiles(await readZip(zip, 'built.zip'));
        expect(findings.map(formatFinding)).toEqual([]);
      }
    }
  });

  it('gives byte-identical zips and source for the same model', async () => {
    const first = await buildInTemp('1.2.0');
    const second = await buildInTemp('1.2.0');
    try {
      expect(first.unmanaged.equals(b.unmanaged)).toBe(true);
      expect(first.unmanaged.equals(second.unmanaged)).toBe(true);
      expect(first.managed.equals(second.managed)).toBe(true);
      expect(diffTrees(first.tree, second.tree)).toEqual({ missing: [], extra: [], changed: [] });
    } finally {
      first.cleanup();
      second.cleanup();
    }
  });

  it('round-trips: unpacking either zip yields exactly the source it wrote', async () => {
    {
      const written = readSourceTree(join(b.dir, 'src'));
      expect(diffTrees(written, b.tree)).toEqual({ missing: [], extra: [], changed: [] });
      for (const zip of [b.unmanaged, b.managed]) {
        expect(diffTrees(written, unpackFiles(await readZip(zip, 'built.zip')))).toEqual({ missing: [], extra: [], changed: [] });
      }
    }
  });

  it('differs between managed and unmanaged only in solution.xml', async () => {
    {
      const u = await readZip(b.unmanaged, 'u');
      const m = await readZip(b.managed, 'm');
      expect([...u.keys()]).toEqual([...m.keys()]);
      const differing = [...u.keys()].filter((k) => !u.get(k)!.equals(m.get(k)!));
      expect(differing).toEqual(['solution.xml']);
      expect(u.get('solution.xml')!.toString()).toContain('<Managed>0</Managed>');
      expect(m.get('solution.xml')!.toString()).toContain('<Managed>1</Managed>');
    }
  });

  it('marks every generated XML file as generated', async () => {
    {
      const xml = [...b.tree.entries()].filter(([p]) => p.endsWith('.xml'));
      expect(xml.length).toBeGreaterThan(50);
      for (const [path, bytes] of xml) expect([path, bytes.toString('utf8').split('\n')[1]]).toEqual([path, `<!-- ${GENERATED_HEADER} -->`]);
    }
  });

  it('refuses a version that is not numeric', async () => {
    await expect(buildSolution({ version: '1.x', dryRun: true })).rejects.toThrow('Version "1.x" is not a solution version');
  });
});
