import { readFileSync } from 'node:fs';
import { readZip } from '../pack/zip';
import { checkStructure } from './structure';
import { checkSchemas } from './schema';
import { checkReferences } from './references';
import { checkNaming } from './naming';
import { checkControlBindings } from './controls';
import type { Finding } from './finding';
import { parseSolution } from './parsed';
import { SolutionZipError } from '../errors';

export interface CheckOptions {
  /** Run only these checks (all by default). */
  readonly only?: readonly Finding['check'][];
  /** Folder of Microsoft's libxml2-compat XSDs (default ../shared/reference/dataverse-xsd/libxml2-compat). */
  readonly xsdDir?: string;
}

/** Runs every check on the files of a solution zip. */
export function checkSolutionFiles(files: ReadonlyMap<string, Buffer>, options: CheckOptions = {}): Finding[] {
  const wanted = (check: Finding['check']): boolean => !options.only || options.only.includes(check);
  const structure = wanted('structure') ? checkStructure(files) : [];
  if (!files.has('solution.xml') || !files.has('customizations.xml')) return structure;
  const parsed = parseSolution(files);
  if (Array.isArray(parsed)) return [...structure, ...parsed];
  return [
    ...structure,
    ...(wanted('schema') ? checkSchemas(parsed, options.xsdDir) : []),
    ...(wanted('references') ? checkReferences(parsed) : []),
    ...(wanted('naming') ? checkNaming(parsed) : []),
    ...(wanted('controls') ? checkControlBindings(parsed) : []),
  ];
}

/** `wardline solution check FILE.zip`: every check, as findings; an empty list (or warnings only) means it passed. */
export async function checkSolutionZip(path: string, options: CheckOptions = {}): Promise<Finding[]> {
  let bytes: Buffer;
  try {
    bytes = readFileSync(path);
  } catch (e) {
    throw new SolutionZipError(path, (e as Error).message);
  }
  return checkSolutionFiles(await readZip(bytes, path), options);
}

/** One line per finding, for the CLI. */
export const formatFinding = (f: Finding): string => `${f.severity === 'error' ? 'error' : 'warning'} [${f.check}] ${f.where}: ${f.message}`;
