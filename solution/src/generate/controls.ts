import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { ControlPackError } from '../errors';
import { el, parseXml, text, type XmlElement } from '../xml';
import { controlManifestInfo, type ControlManifestInfo } from './control-manifest';

/** A PCF control built by pcf-scripts, ready to go into the solution's Controls/ folder. */
export interface ControlBundle {
  /** Solution name, `<prefix>_<namespace>.<constructor>`, e.g. `wl_Wardline.MapPicker`. */
  readonly name: string;
  readonly constructorName: string;
  /** Names of the manifest's own properties and data-sets, in manifest order. */
  readonly properties: readonly string[];
  /** The manifest's properties and data-sets with their usage and types. */
  readonly manifest: ControlManifestInfo;
  /** Files relative to the control's folder (ControlManifest.xml, bundle.js, css, strings), sorted. */
  readonly files: ReadonlyMap<string, Buffer>;
}

function listFiles(dir: string): string[] {
  const out: string[] = [];
  for (const entry of readdirSync(dir).sort()) {
    const full = join(dir, entry);
    if (statSync(full).isDirectory()) out.push(...listFiles(full));
    else out.push(full);
  }
  return out;
}

function bundleFrom(folder: string, prefix: string, skip: (rel: string) => boolean): ControlBundle {
  const manifestPath = join(folder, 'ControlManifest.xml');
  if (!existsSync(manifestPath)) throw new ControlPackError(folder, 'it has no ControlManifest.xml (run the control\'s build first)');
  let parsed: XmlElement;
  try {
    parsed = parseXml(readFileSync(manifestPath, 'utf8'));
  } catch (error) {
    throw new ControlPackError(folder, `ControlManifest.xml is not well-formed XML: ${(error as Error).message}`);
  }
  const manifest = controlManifestInfo(parsed);
  if (!manifest) throw new ControlPackError(folder, 'ControlManifest.xml has no <control namespace=… constructor=…>');
  const { namespace, constructorName: ctor } = manifest;
  const files = new Map<string, Buffer>();
  for (const full of listFiles(folder)) {
    const rel = relative(folder, full).split('\\').join('/');
    if (!skip(rel)) files.set(rel, readFileSync(full));
  }
  const properties = [...manifest.properties, ...manifest.dataSets].map((p) => p.name).filter(Boolean);
  return { name: `${prefix}_${namespace}.${ctor}`, constructorName: ctor, properties, manifest, files };
}

/**
 * Controls pcf-scripts has built, under `pcf-controls/out/controls/<Control>/` (one project for all
 * controls) or `pcf-controls/<Control>/out/controls/<Control>/` (a project per control); none is fine.
 */
export function readBuiltControls(controlsDir: string, prefix: string): ControlBundle[] {
  if (!existsSync(controlsDir)) return [];
  const bundles: ControlBundle[] = [];
  const projects = ['.', ...readdirSync(controlsDir).filter((n) => n !== 'node_modules' && statSync(join(controlsDir, n)).isDirectory()).sort()];
  for (const project of projects) {
    const outDir = join(controlsDir, project, 'out', 'controls');
    if (!existsSync(outDir) || !statSync(outDir).isDirectory()) continue;
    for (const ctor of readdirSync(outDir).sort()) {
      const folder = join(outDir, ctor);
      if (statSync(folder).isDirectory() && existsSync(join(folder, 'ControlManifest.xml'))) bundles.push(bundleFrom(folder, prefix, () => false));
    }
  }
  const seen = new Set<string>();
  return bundles.filter((b) => (seen.has(b.name) ? false : (seen.add(b.name), true)));
}

/** Controls already in an unpacked solution's Controls/ folder (used by the drift check). */
export function readSourceControls(srcDir: string, prefix: string): ControlBundle[] {
  const dir = join(srcDir, 'Controls');
  if (!existsSync(dir)) return [];
  return readdirSync(dir).sort().filter((n) => statSync(join(dir, n)).isDirectory())
    .map((n) => bundleFrom(join(dir, n), prefix, (rel) => rel === 'ControlManifest.xml.data.xml'));
}

/** The `<CustomControl>` entry customizations.xml carries for a control. */
export const customControlElement = (bundle: ControlBundle): XmlElement =>
  el('CustomControl', {}, text('Name', bundle.name), text('FileName', `/Controls/${bundle.name}/ControlManifest.xml`));
