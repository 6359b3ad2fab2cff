/**
 * The controls as pcf-scripts sees them: each manifest passes pcf-scripts' own schema validation
 * (the check `pcf-scripts build` runs first), and the production build in out/controls/ has what
 * the solution packer copies (bundle, processed manifest, resources), under the platform's 5 MB cap,
 * with React and Fluent left to the platform library.
 */
import { copyFileSync, existsSync, mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { assertControlsBuilt, CONTROLS_OUT, REPO } from './host/build-host';

interface Diagnostics {
  hasErrors(): boolean;
  peek(index?: number): { diag: { code: number; message: string } } | undefined;
  length(): number;
}
/* eslint-disable @typescript-eslint/no-require-imports -- pcf-scripts ships CommonJS without typings */
const { DiagnosticManager } = require('pcf-scripts/diagnostic') as { DiagnosticManager: new () => Diagnostics };
const { ControlContext } = require('pcf-scripts/controlContext') as { ControlContext: new (diag: Diagnostics, dir: string) => { getParsedManifest(): unknown } };
const { ManifestSchemaValidator } = require('pcf-scripts/manifestSchemaValidator') as { ManifestSchemaValidator: new (data: unknown, diag: Diagnostics) => { validateManifest(): void } };

function validate(dir: string): Diagnostics {
  const diag = new DiagnosticManager();
  new ManifestSchemaValidator(new ControlContext(diag, dir).getParsedManifest(), diag).validateManifest();
  return diag;
}

/** pcf-scripts' diagnostic validation_duplicate_element_name. */
const DUPLICATE_ELEMENT_NAME = 1016;

const codes = (diag: Diagnostics): number[] => Array.from({ length: diag.length() }, (_, i) => diag.peek(i)?.diag.code ?? 0);

describe.each(['MapPicker', 'TaskCard'])('%s manifest', (control) => {
  it("passes pcf-scripts' manifest schema validation", () => {
    const diag = validate(path.join(REPO, 'pcf-controls', control));
    expect(codes(diag)).toEqual([]);
    expect(diag.hasErrors()).toBe(false);
  });
});

describe('manifest validation', () => {
  it('refuses a manifest with two properties of one name, so the check is live', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'wl-pcf-'));
    const manifest = readFileSync(path.join(REPO, 'pcf-controls', 'TaskCard', 'ControlManifest.Input.xml'), 'utf8').replace('<property name="jobReference"', '<property name="jobTitle"');
    writeFileSync(path.join(dir, 'ControlManifest.Input.xml'), manifest);
    copyFileSync(path.join(REPO, 'pcf-controls', 'TaskCard', 'index.ts'), path.join(dir, 'index.ts'));
    const diag = validate(dir);
    expect(diag.hasErrors()).toBe(true);
    expect(codes(diag)).toContain(DUPLICATE_ELEMENT_NAME);
  });
});

describe('production build output', () => {
  beforeAll(() => assertControlsBuilt());

  it.each([
    ['MapPicker', ['bundle.js', 'ControlManifest.xml', 'css/leaflet.css', 'css/MapPicker.css', 'strings/MapPicker.1033.resx']],
    ['TaskCard', ['bundle.js', 'ControlManifest.xml', 'strings/TaskCard.1033.resx']],
  ])('%s has everything the solution packer copies, under 5 MB', (control, files) => {
    for (const file of files) expect(existsSync(path.join(CONTROLS_OUT, control, file))).toBe(true);
    expect(statSync(path.join(CONTROLS_OUT, control, 'bundle.js')).size).toBeLessThan(5 * 1024 * 1024);
    const manifest = readFileSync(path.join(CONTROLS_OUT, control, 'ControlManifest.xml'), 'utf8');
    expect(manifest).toContain(`namespace="Wardline" constructor="${control}"`);
    expect(readFileSync(path.join(CONTROLS_OUT, control, 'bundle.js'), 'utf8')).toContain(`Wardline.${control} = pcf_tools_652ac3f36e1e4bca82eb3c1dc44e6fad.${control}`);
  });

  it('leaves React and Fluent to the platform library in TaskCard', () => {
    const bundle = readFileSync(path.join(CONTROLS_OUT, 'TaskCard', 'bundle.js'), 'utf8');
    expect(bundle).toContain('Reactv16');
    expect(bundle).toContain('FluentUIReactv940');
    expect(bundle).not.toContain('__SECRET_INTERNALS_DO_NOT_USE_OR_YOU_WILL_BE_FIRED');
    expect(bundle).not.toContain('fui-Card');
  });
});
