import { cpSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { DEFAULT_SRC_DIR, diffTrees, expectedSourceTree, packBoth, readSourceTree, unpackFiles, zipFiles, readZip, GENERATED_HEADER, SOURCE_FOLDERS } from '@wardline/solution';
import { tempDir } from './helpers';

/** The committed solution/src must be exactly what core/model generates: run `npx wardline solution build` after a model change. */
describe('committed solution/src', () => {
  it('matches what core/model generates today', () => {
    const diff = diffTrees(expectedSourceTree(), readSourceTree(DEFAULT_SRC_DIR));
    const stale = [...diff.missing.map((p) => `missing ${p}`), ...diff.extra.map((p) => `not generated ${p}`), ...diff.changed.map((p) => `changed ${p}`)];
    if (stale.length) {
      throw new Error(`solution/src has drifted from core/model (${stale.length} file(s)): run \`npx wardline solution build\` and commit solution/src.\n${stale.slice(0, 20).join('\n')}`);
    }
    expect(diff).toEqual({ missing: [], extra: [], changed: [] });
  });

  it('carries the generated header on every XML file', () => {
    const tree = readSourceTree(DEFAULT_SRC_DIR);
    const xml = [...tree.entries()].filter(([p]) => p.endsWith('.xml') && !p.startsWith('Controls/') || p.endsWith('.data.xml'));
    expect(xml.length).toBeGreaterThan(50);
    for (const [path, bytes] of xml) expect([path, bytes.toString('utf8').includes(`<!-- ${GENERATED_HEADER} -->`)]).toEqual([path, true]);
  });

  it('round-trips: packing it and unpacking the zip gives it back byte for byte', async () => {
    const tree = readSourceTree(DEFAULT_SRC_DIR);
    const packed = packBoth(tree);
    for (const files of [packed.unmanaged, packed.managed]) {
      const unpacked = unpackFiles(await readZip(await zipFiles(files), 'round-trip.zip'));
      expect(diffTrees(tree, unpacked)).toEqual({ missing: [], extra: [], changed: [] });
    }
  });

  it('a hand edit or a stale file is caught', () => {
    const t = tempDir('drift');
    try {
      for (const folder of SOURCE_FOLDERS.filter((f) => existsSync(join(DEFAULT_SRC_DIR, f)))) cpSync(join(DEFAULT_SRC_DIR, folder), join(t.dir, folder), { recursive: true, force: true, errorOnExist: false });
      const entity = join(t.dir, 'Entities', 'wl_Task', 'Entity.xml');
      writeFileSync(entity, readFileSync(entity, 'utf8').replace('<MaxLength>200</MaxLength>', '<MaxLength>250</MaxLength>'));
      writeFileSync(join(t.dir, 'OptionSets', 'wl_stale.xml'), '<optionset Name="wl_stale" />');
      const diff = diffTrees(expectedSourceTree(t.dir), readSourceTree(t.dir));
      expect(diff).toEqual({ missing: [], extra: ['OptionSets/wl_stale.xml'], changed: ['Entities/wl_Task/Entity.xml'] });
    } finally {
      t.cleanup();
    }
  });
});
