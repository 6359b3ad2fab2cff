import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { el, serialize, textOf, firstChild, type XmlElement } from '../xml';
import type { ParsedSolution } from './parsed';
import { error, warning, type Finding } from './finding';

/** Microsoft's schemas (libxml2-compat copies) from ../shared/reference; WARDLINE_XSD_DIR overrides. */
export const defaultXsdDir = (): string => process.env.WARDLINE_XSD_DIR ?? resolve(__dirname, '..', '..', '..', '..', 'shared', 'reference', 'dataverse-xsd', 'libxml2-compat');
/** Wardline's overlay for elements Microsoft's 9.0 schemas predate (flows, connection references, env vars, manifest). */
export const OVERLAY_XSD = resolve(__dirname, '..', '..', 'schemas', 'wardline-overlay.xsd');

/** customizations.xml containers the 9.0 schemas do not know (checked against the overlay instead). */
const OVERLAY_CONTAINERS = new Set(['Workflows', 'connectionreferences']);

interface Fragment { readonly label: string; readonly xml: string; readonly overlay: boolean }

export function isXmllintAvailable(): boolean {
  return spawnSync('xmllint', ['--version'], { encoding: 'utf8' }).status === 0;
}

/** Splits a packed solution into the fragments each schema can check. */
export function fragments(parsed: ParsedSolution): Fragment[] {
  const out: Fragment[] = [];
  const files = parsed.files;
  out.push({ label: 'solution.xml', xml: files.get('solution.xml')!.toString('utf8'), overlay: true });
  {
    const root = parsed.customizations;
    for (const container of root.children) {
      if (typeof container === 'string') continue;
      const overlay = OVERLAY_CONTAINERS.has(container.name);
      if (container.name === 'Entities') {
        for (const entity of container.children as XmlElement[]) {
          out.push({ label: `customizations.xml <Entities> ${textOf(firstChild(entity, 'Name'))}`, xml: serialize(el('ImportExportXml', {}, el('Entities', {}, entity))), overlay: false });
        }
      } else {
        out.push({ label: `customizations.xml <${container.name}>`, xml: serialize(el('ImportExportXml', {}, container)), overlay });
      }
    }
  }
  for (const [path, bytes] of files) if (path.startsWith('environmentvariabledefinitions/') && path.endsWith('.xml')) out.push({ label: path, xml: bytes.toString('utf8'), overlay: true });
  return out;
}

function runXmllint(schemaFile: string, batch: Fragment[], dir: string): Finding[] {
  if (batch.length === 0) return [];
  const names = batch.map((f, i) => {
    const file = join(dir, `f${i}.xml`);
    writeFileSync(file, f.xml);
    return file;
  });
  const result = spawnSync('xmllint', ['--noout', '--schema', schemaFile, ...names], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  const findings: Finding[] = [];
  for (const line of (result.stderr ?? '').split('\n')) {
    const match = /^(.*?\/f(\d+)\.xml):(\d+): (.*)$/.exec(line);
    if (match) findings.push(error('schema', `${batch[Number(match[2])].label} (line ${match[3]})`, match[4].replace(/^element /, 'element ').trim()));
    else if (/failed to compile|WXS schema .* failed/.test(line)) findings.push(error('schema', schemaFile, line.trim()));
  }
  return findings;
}

/** Validates every fragment: Microsoft's CustomizationsSolution.xsd, or Wardline's overlay for newer elements. */
export function checkSchemas(parsed: ParsedSolution, xsdDir: string = defaultXsdDir()): Finding[] {
  if (!isXmllintAvailable()) return [warning('schema', 'xmllint', 'xmllint is not installed, so the XML schemas were not checked (apt-get install libxml2-utils)')];
  const microsoft = join(xsdDir, 'CustomizationsSolution.xsd');
  const all = fragments(parsed);
  const dir = mkdtempSync(join(tmpdir(), 'wardline-xsd-'));
  try {
    const findings = existsSync(microsoft)
      ? runXmllint(microsoft, all.filter((f) => !f.overlay), dir)
      : [warning('schema', microsoft, "Microsoft's schemas were not found, so customizations.xml was not checked against them (set WARDLINE_XSD_DIR)")];
    return [...findings, ...runXmllint(OVERLAY_XSD, all.filter((f) => f.overlay), dir)];
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
