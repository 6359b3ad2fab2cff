import { parseXml, walk } from '../xml';
import { error, type Finding } from './finding';

const REQUIRED = ['[Content_Types].xml', 'solution.xml', 'customizations.xml'];

/** Zip layout: forward slashes, the three root files in lower case, every extension in the content types. */
export function checkStructure(files: ReadonlyMap<string, Buffer>): Finding[] {
  const findings: Finding[] = [];
  for (const path of files.keys()) {
    if (path.includes('\\')) findings.push(error('structure', path, 'entry uses a backslash; Dataverse needs forward slashes in zip paths'));
    if (path.startsWith('/')) findings.push(error('structure', path, 'entry starts with "/"; zip paths must be relative'));
  }
  for (const name of REQUIRED) {
    if (!files.has(name)) {
      const wrongCase = [...files.keys()].find((p) => p.toLowerCase() === name.toLowerCase());
      findings.push(error('structure', name, wrongCase ? `found as "${wrongCase}"; it must be exactly "${name}" at the root` : 'missing from the root of the zip'));
    }
  }
  const types = files.get('[Content_Types].xml');
  if (types) {
    let covered: Set<string>;
    try {
      covered = new Set([...walk(parseXml(types.toString('utf8')))].filter((e) => e.name === 'Default').map((e) => (e.attrs.Extension ?? '').toLowerCase()));
    } catch (e) {
      return [...findings, error('structure', '[Content_Types].xml', `is not well-formed XML: ${(e as Error).message}`)];
    }
    for (const path of files.keys()) {
      const name = path.split('/').pop() ?? '';
      const dot = name.lastIndexOf('.');
      const ext = dot > 0 ? name.slice(dot + 1).toLowerCase() : '';
      if (name !== '[Content_Types].xml' && !covered.has(ext)) findings.push(error('structure', path, `extension ".${ext}" has no Default in [Content_Types].xml, so import would reject the file`));
    }
  }
  if (files.has('environmentvariablevalues.json') || [...files.keys()].some((p) => p.endsWith('/environmentvariablevalues.json'))) {
    findings.push(error('structure', 'environmentvariablevalues.json', 'the zip ships environment variable values; they would overwrite the council\'s settings on upgrade'));
  }
  return findings;
}
