import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { sortTree, type SolutionTree } from './generate/tree';

/** The SolutionPackager folders under solution/src/ (the packer's own TypeScript sits beside them). */
export const SOURCE_FOLDERS = ['AppModuleSiteMaps', 'AppModules', 'Controls', 'Entities', 'OptionSets', 'Other', 'Roles', 'SdkMessageProcessingSteps', 'WebResources', 'Workflows', 'environmentvariabledefinitions'] as const;

function collect(dir: string, prefix: string, into: SolutionTree): void {
  for (const name of readdirSync(dir)) {
    const full = join(dir, name);
    const rel = prefix ? `${prefix}/${name}` : name;
    if (statSync(full).isDirectory()) collect(full, rel, into);
    else into.set(rel, readFileSync(full));
  }
}

/** Reads the committed unpacked solution (only the SolutionPackager folders). */
export function readSourceTree(srcDir: string): SolutionTree {
  const tree: SolutionTree = new Map();
  for (const folder of SOURCE_FOLDERS) {
    const dir = join(srcDir, folder);
    if (existsSync(dir)) collect(dir, folder, tree);
  }
  return sortTree(tree);
}

/** Replaces the SolutionPackager folders with the tree, so removed components disappear too. */
export function writeSourceTree(srcDir: string, tree: SolutionTree): void {
  for (const folder of SOURCE_FOLDERS) rmSync(join(srcDir, folder), { recursive: true, force: true });
  for (const [path, bytes] of tree) {
    const full = join(srcDir, ...path.split('/'));
    mkdirSync(dirname(full), { recursive: true });
    writeFileSync(full, bytes);
  }
}

/** Paths that differ between two trees: missing from one side, or with different bytes. */
export function diffTrees(expected: SolutionTree, actual: SolutionTree): { missing: string[]; extra: string[]; changed: string[] } {
  const missing = [...expected.keys()].filter((p) => !actual.has(p));
  const extra = [...actual.keys()].filter((p) => !expected.has(p));
  const changed = [...expected.keys()].filter((p) => actual.has(p) && !expected.get(p)!.equals(actual.get(p)!));
  return { missing, extra, changed };
}
