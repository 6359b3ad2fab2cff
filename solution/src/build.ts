import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { model as coreModel } from '@wardline/core/model';
import { DEFAULT_FLOWS_DIR, checkFlows, loadFlowCatalogue, type FlowCatalogue } from '@wardline/flows';
import { checkModel } from './model-check';
import { checkUiDefinitions } from './ui/ui-check';
import { checkControlBindings } from './ui/control-bindings';
import { ControlPackError, FlowPackError, SolutionModelError } from './errors';
import { normaliseVersion } from './version';
import { generateSolutionTree, type SolutionTree } from './generate/tree';
import { readBuiltControls, readSourceControls, type ControlBundle } from './generate/controls';
import { packBoth } from './pack/pack';
import { zipFiles } from './pack/zip';
import { writeSourceTree } from './source-tree';
import type { SolutionModel } from './solution-model';
import { firstChild, parseXml, textOf } from './xml';

/** The repository root, found from this package (solution/src or solution/dist). */
export const REPO_ROOT = resolve(__dirname, '..', '..');
export const DEFAULT_SRC_DIR = join(REPO_ROOT, 'solution', 'src');
export const DEFAULT_OUT_DIR = join(REPO_ROOT, 'solution', 'dist');
export const DEFAULT_CONTROLS_DIR = join(REPO_ROOT, 'pcf-controls');
export const DEFAULT_VERSION = '1.0.0.0';

export interface BuildSolutionOptions {
  /** 1.2.0 or 1.2.0.0; defaults to the version in the committed Solution.xml, else 1.0.0.0. */
  readonly version?: string;
  /** Where the zips go (default solution/dist). */
  readonly outDir?: string;
  /** Where the unpacked source goes (default solution/src). */
  readonly srcDir?: string;
  /** Folder of PCF projects (default pcf-controls); built controls are packed, none is fine. */
  readonly controlsDir?: string;
  /** Folder holding catalogue.json and the flows (default flows/definitions). */
  readonly flowsDir?: string;
  /** The model; defaults to core/model. Tests pass broken variants. */
  readonly model?: SolutionModel;
  /** Write nothing to disk; return the tree and zips only. */
  readonly dryRun?: boolean;
}

export interface BuildSolutionResult {
  readonly version: string;
  readonly tree: SolutionTree;
  readonly unmanaged: Buffer;
  readonly managed: Buffer;
  readonly unmanagedPath: string;
  readonly managedPath: string;
  readonly controls: readonly string[];
  readonly flows: readonly string[];
}

/** The version recorded in an unpacked Solution.xml, if there is one. */
export function committedVersion(srcDir: string): string | undefined {
  const file = join(srcDir, 'Other', 'Solution.xml');
  if (!existsSync(file)) return undefined;
  return textOf(firstChild(firstChild(parseXml(readFileSync(file, 'utf8')), 'SolutionManifest') ?? { name: '', attrs: {}, children: [] }, 'Version'));
}

/** Checks everything that could stop the solution being valid; throws before anything is written. */
export function assertBuildable(model: SolutionModel, flows: FlowCatalogue): void {
  const problems = [...checkModel(model), ...checkUiDefinitions(model)];
  if (problems.length) throw new SolutionModelError(problems);
  const findings = checkFlows(flows, model);
  if (findings.length) throw new FlowPackError(findings[0].file, `${findings[0].where}: ${findings[0].message}${findings.length > 1 ? ` (and ${findings.length - 1} more)` : ''}`);
}

/** Generates the tree (no disk writes), from the given model, flows and controls. */
export function generateSolution(model: SolutionModel, version: string, flows: FlowCatalogue, controls: readonly ControlBundle[]): SolutionTree {
  assertBuildable(model, flows);
  const bindings = checkControlBindings(model, controls);
  if (bindings.length) throw new ControlPackError('pcf-controls', `the job form cannot bind it as solution/src/ui/forms.ts says:\n${bindings.map((p) => `  - ${p}`).join('\n')}`);
  return generateSolutionTree(model, { version: normaliseVersion(version), flows, controls });
}

/**
 * `wardline solution build`: generates solution/src from core/model (plus flows/ and any built PCF
 * controls) and packs Wardline_<version>_unmanaged.zip and _managed.zip. A model that cannot become a
 * valid solution fails with a SolutionModelError before anything is written.
 */
export async function buildSolution(options: BuildSolutionOptions = {}): Promise<BuildSolutionResult> {
  const model = options.model ?? coreModel;
  const srcDir = options.srcDir ?? DEFAULT_SRC_DIR;
  const outDir = options.outDir ?? DEFAULT_OUT_DIR;
  const version = normaliseVersion(options.version ?? committedVersion(srcDir) ?? DEFAULT_VERSION);
  const flows = loadFlowCatalogue(options.flowsDir ?? DEFAULT_FLOWS_DIR);
  assertBuildable(model, flows);
  const controls = readBuiltControls(options.controlsDir ?? DEFAULT_CONTROLS_DIR, model.publisherPrefix);
  const tree = generateSolution(model, version, flows, controls);
  const packed = packBoth(tree);
  const [unmanaged, managed] = await Promise.all([zipFiles(packed.unmanaged), zipFiles(packed.managed)]);
  const stem = `Wardline_${version}`;
  const unmanagedPath = join(outDir, `${stem}_unmanaged.zip`);
  const managedPath = join(outDir, `${stem}_managed.zip`);
  if (!options.dryRun) {
    writeSourceTree(srcDir, tree);
    mkdirSync(outDir, { recursive: true });
    writeFileSync(unmanagedPath, unmanaged);
    writeFileSync(managedPath, managed);
  }
  return { version, tree, unmanaged, managed, unmanagedPath, managedPath, controls: controls.map((c) => c.name), flows: flows.flows.map((f) => f.name) };
}

/** Regenerates the tree the committed source should hold (same version, same controls as committed). */
export function expectedSourceTree(srcDir: string = DEFAULT_SRC_DIR, flowsDir: string = DEFAULT_FLOWS_DIR, model: SolutionModel = coreModel): SolutionTree {
  const version = committedVersion(srcDir) ?? DEFAULT_VERSION;
  return generateSolution(model, version, loadFlowCatalogue(flowsDir), readSourceControls(srcDir, model.publisherPrefix));
}
