import { parseXml, type XmlElement } from '../xml';
import { error, type Finding } from './finding';

/** A zip's files with solution.xml and customizations.xml parsed once, for every check to share. */
export interface ParsedSolution {
  readonly files: ReadonlyMap<string, Buffer>;
  readonly solution: XmlElement;
  readonly customizations: XmlElement;
}

/** Parses the two root XML files; malformed XML becomes a finding naming the file and line. */
export function parseSolution(files: ReadonlyMap<string, Buffer>): ParsedSolution | Finding[] {
  const parsed: Partial<Record<'solution' | 'customizations', XmlElement>> = {};
  const findings: Finding[] = [];
  for (const [key, name] of [['solution', 'solution.xml'], ['customizations', 'customizations.xml']] as const) {
    try {
      parsed[key] = parseXml(files.get(name)!.toString('utf8'));
    } catch (e) {
      findings.push(error('structure', name, `is not well-formed XML (${(e as Error).message})`));
    }
  }
  return findings.length ? findings : { files, solution: parsed.solution!, customizations: parsed.customizations! };
}
