/**
 * @wardline/solution: generates the Dataverse solution from core/model (SolutionPackager layout
 * under solution/src), packs the managed and unmanaged zips, and checks any Wardline zip offline.
 */
export { buildSolution, expectedSourceTree, generateSolution, assertBuildable, committedVersion, DEFAULT_SRC_DIR, DEFAULT_OUT_DIR, DEFAULT_CONTROLS_DIR, DEFAULT_VERSION, type BuildSolutionOptions, type BuildSolutionResult } from './build';
export { checkSolutionZip, checkSolutionFiles, formatFinding, type CheckOptions } from './check/check-zip';
export type { Finding } from './check/finding';
export { checkModel } from './model-check';
export { checkUiDefinitions } from './ui/ui-check';
export { packTree, packBoth, type PackedSolution } from './pack/pack';
export { unpackFiles } from './pack/unpack';
export { zipFiles, readZip } from './pack/zip';
export { readSourceTree, writeSourceTree, diffTrees, SOURCE_FOLDERS } from './source-tree';
export { generateSolutionTree, type SolutionTree } from './generate/tree';
export { readBuiltControls, type ControlBundle } from './generate/controls';
export { normaliseVersion } from './version';
export { stableId } from './ids';
export { GENERATED_HEADER } from './xml';
export { WEBHOOK_PATH, SERVICE_URL_VARIABLE, UNSET_WEBHOOK_URL, serviceEndpointId } from './generate/webhook';
export { SolutionErrors, SolutionModelError, SolutionVersionError, FlowPackError, ControlPackError, SolutionZipError, SolutionCheckFailedError } from './errors';
export type { SolutionModel } from './solution-model';
