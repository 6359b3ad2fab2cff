import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildSolution, checkSolutionFiles, diffTrees, DEFAULT_SRC_DIR, formatFinding, packBoth, readSourceTree, readZip, unpackFiles, zipFiles, type Finding } from '@wardline/solution';
import { tempDir } from './helpers';

/** The property lines of the two controls' manifests, shaped as pcf-controls builds them. */
const MAP_PICKER = `<type-group name="coordinate"><type>FP</type><type>Decimal</type></type-group>
<property name="latitude" display-name-key="l" of-type-group="coordinate" usage="bound" required="true" />
<property name="longitude" display-name-key="l" of-type-group="coordinate" usage="bound" required="true" />
<property name="address" display-name-key="a" of-type="SingleLine.Text" usage="bound" />
<property name="tileUrlTemplate" display-name-key="t" of-type="SingleLine.Text" usage="input" />`;
const TASK_CARD = `<data-set name="jobs" display-name-key="j">
<property-set name="title" display-name-key="t" of-type="SingleLine.Text" usage="bound" required="true" />
<property-set name="status" display-name-key="s" of-type="OptionSet" usage="bound" />
</data-set>
<property name="jobTitle" display-name-key="t" of-type="SingleLine.Text" usage="input" />
<property name="pageSize" display-name-key="p" of-type="Whole.None" usage="input" default-value="24" />`;

/** A pcf-scripts output folder as the build leaves it: manifest, bundle, strings. */
function writeBuiltControl(root: string, constructor: string, body: string, controlType = 'standard'): void {
  const dir = join(root, 'out', 'controls', constructor);
  mkdirSync(join(dir, 'strings'), { recursive: true });
  writeFileSync(join(dir, 'ControlManifest.xml'), `<?xml version="1.0" encoding="utf-8"?>
<manifest><control namespace="Wardline" constructor="${constructor}" version="0.1.0" display-name-key="${constructor}" description-key="${constructor}" control-type="${controlType}" api-version="1.3.18">
${body}
<resources><code path="bundle.js" order="1" /><resx path="strings/${constructor}.1033.resx" version="1.0.0" /></resources>
</control></manifest>`);
  writeFileSync(join(dir, 'bundle.js'), `var pcf_tools_${constructor} = {};`);
  writeFileSync(join(dir, 'strings', `${constructor}.1033.resx`), '<?xml version="1.0" encoding="utf-8"?><root />');
}

/** XML text without the indentation between tags, so tests match content whatever the nesting depth. */
const flat = (xml: string): string => xml.replace(/>\s+</g, '><');
const jobForm = (tree: Map<string, Buffer>): string => flat([...tree.entries()].find(([p]) => p.startsWith('Entities/wl_Task/FormXml/main/'))![1].toString('utf8'));
/** The uniqueid of a control on the job form, by its id. */
const uniqueId = (formXml: string, id: string): string => new RegExp(`<control id="${id}"[^>]*uniqueid="(\\{[^}]+\\})"`).exec(formXml)![1];
const errors = (files: Map<string, Buffer>): string[] => checkSolutionFiles(files, { only: ['controls'] }).filter((f: Finding) => f.severity === 'error').map((f) => `${f.where}: ${f.message}`);

describe('PCF controls in the solution', () => {
  let files: Map<string, Buffer>;
  let form: string;

  beforeAll(async () => {
    const t = tempDir('controls');
    try {
      writeBuiltControl(join(t.dir, 'pcf'), 'MapPicker', MAP_PICKER);
      writeBuiltControl(join(t.dir, 'pcf'), 'TaskCard', TASK_CARD, 'virtual');
      const built = await buildSolution({ dryRun: true, controlsDir: join(t.dir, 'pcf') });
      expect(built.controls).toEqual(['wl_Wardline.MapPicker', 'wl_Wardline.TaskCard']);
      expect([...built.tree.keys()].filter((p) => p.startsWith('Controls/wl_Wardline.MapPicker/'))).toEqual([
        'Controls/wl_Wardline.MapPicker/ControlManifest.xml',
        'Controls/wl_Wardline.MapPicker/ControlManifest.xml.data.xml',
        'Controls/wl_Wardline.MapPicker/bundle.js',
        'Controls/wl_Wardline.MapPicker/strings/MapPicker.1033.resx',
      ]);
      expect(built.tree.get('Other/Solution.xml')!.toString()).toContain('<RootComponent type="66" schemaName="wl_Wardline.TaskCard" behavior="0" />');
      form = jobForm(built.tree);
      files = await readZip(built.unmanaged, 'with-controls.zip');
      expect(diffTrees(built.tree, unpackFiles(files))).toEqual({ missing: [], extra: [], changed: [] });
    } finally {
      t.cleanup();
    }
  });

  it('binds MapPicker to the latitude cell with its bound properties, on web, tablet and phone', () => {
    const latitude = /<control id="wl_latitude"[^>]*uniqueid="(\{[^}]+\})"/.exec(form)![1];
    const description = form.slice(form.indexOf(`<controlDescription forControl="${latitude}">`));
    for (const formFactor of [0, 1, 2]) expect(description).toContain(`<customControl formFactor="${formFactor}" name="wl_Wardline.MapPicker">`);
    expect(description).toMatch(/<latitude>wl_latitude<\/latitude>\s*<longitude>wl_longitude<\/longitude>\s*<address>wl_address<\/address>/);
  });

  it('hosts TaskCard in the "Reports merged into this job" subgrid through its jobs data-set, never on a column', () => {
    expect(form).not.toMatch(/<jobTitle>/);
    const subgrid = /<control id="otherreports" classid="\{E7A81278-8635-4d9e-8D4D-59480B391C5B\}" indicationOfSubgrid="true" uniqueid="(\{[^}]+\})">/.exec(form);
    expect(subgrid).not.toBeNull();
    const start = form.indexOf(`<controlDescription forControl="${subgrid![1]}">`);
    expect(start).toBeGreaterThan(0);
    const description = form.slice(start, form.indexOf('</controlDescription>', start));
    expect(description).toContain('<customControl id="{E7A81278-8635-4d9e-8D4D-59480B391C5B}">');
    const view = /<ViewId>(\{[^}]+\})<\/ViewId>/.exec(description)![1];
    for (const formFactor of [0, 1, 2]) expect(description).toContain(`<customControl formFactor="${formFactor}" name="wl_Wardline.TaskCard">`);
    expect(description).toContain(['<data-set name="jobs">',
      `<ViewId>${view}</ViewId>`,
      '<IsUserView>false</IsUserView>',
      '<RelationshipName>wl_task_duplicateof</RelationshipName>',
      '<TargetEntityType>wl_task</TargetEntityType>',
      `<FilteredViewIds>${view}</FilteredViewIds>`,
      '<EnableViewPicker>false</EnableViewPicker>',
      '</data-set>',
      '<pageSize static="true" type="Whole.None">6</pageSize>'].join(''));
    const customizations = files.get('customizations.xml')!.toString('utf8');
    expect(customizations).toContain(`<savedqueryid>${view}</savedqueryid>`);
    expect(customizations).toContain('<EntityRelationship Name="wl_task_duplicateof">');
  });

  it('passes every check, the control bindings included', () => {
    expect(checkSolutionFiles(files).map(formatFinding)).toEqual([]);
  });

  it('the committed solution/src, with the real MapPicker and TaskCard builds, passes the control binding check', async () => {
    const tree = readSourceTree(DEFAULT_SRC_DIR);
    expect([...tree.keys()].some((p) => p.startsWith('Controls/wl_Wardline.TaskCard/'))).toBe(true);
    const packed = await readZip(await zipFiles(packBoth(tree).unmanaged), 'committed.zip');
    expect(checkSolutionFiles(packed, { only: ['controls', 'references'] }).map(formatFinding)).toEqual([]);
  });

  describe('the check refuses a control bound the way its manifest does not allow', () => {
    const rebound = (change: (customizations: string) => string): Map<string, Buffer> => {
      const copy = new Map(files);
      const before = flat(copy.get('customizations.xml')!.toString('utf8'));
      const after = change(before);
      expect(after).not.toBe(before);
      copy.set('customizations.xml', Buffer.from(after, 'utf8'));
      return copy;
    };

    it('a dataset control on a column (TaskCard on the title field)', () => {
      const found = errors(rebound((x) => x.replace(`<controlDescription forControl="${uniqueId(form, 'otherreports')}">`, `<controlDescription forControl="${uniqueId(form, 'wl_title')}">`)));
      expect(found).toHaveLength(3);
      expect(found[0]).toBe('customizations.xml <Entities> wl_Task form "Job" control wl_Wardline.TaskCard (form factor 0): is a dataset control (data-set "jobs"), so it can only replace a subgrid, but it sits on column wl_title');
    });

    it('a field control on a subgrid (MapPicker on the timeline)', () => {
      const found = errors(rebound((x) => x.replace(`<controlDescription forControl="${uniqueId(form, 'wl_latitude')}">`, `<controlDescription forControl="${uniqueId(form, 'timeline')}">`)));
      expect(found[0]).toMatch(/control wl_Wardline\.MapPicker \(form factor 0\): is a field control \(no data-set in its manifest\), so it cannot replace subgrid timeline; put it on a column$/);
    });

    it('a field control bound to a column of the wrong type, or missing a required property', () => {
      expect(errors(rebound((x) => x.replaceAll('<longitude>wl_longitude</longitude>', '<longitude>wl_title</longitude>'))))
        .toContain('customizations.xml <Entities> wl_Task form "Job" control wl_Wardline.MapPicker (form factor 2): binds "longitude" (FP or Decimal) to column wl_title, which is SingleLine.Text');
      expect(errors(rebound((x) => x.replaceAll('<longitude>wl_longitude</longitude>', '')))).toContain('customizations.xml <Entities> wl_Task form "Job" control wl_Wardline.MapPicker (form factor 1): leaves required property "longitude" unbound');
      expect(errors(rebound((x) => x.replaceAll('<address>wl_address</address>', '<address>wl_nosuchcolumn</address>'))).join('\n')).toContain('binds "address" to column wl_nosuchcolumn, which wl_task does not have');
    });

    it('a data-set the manifest does not declare, or a view and relationship that do not fit the subgrid', () => {
      expect(errors(rebound((x) => x.replaceAll('<data-set name="jobs">', '<data-set name="tasks">'))).join('\n')).toContain('binds data-set "tasks", which its manifest does not declare');
      expect(errors(rebound((x) => x.replaceAll('<RelationshipName>wl_task_duplicateof</RelationshipName><TargetEntityType>', '<RelationshipName>wl_taskupdate_task</RelationshipName><TargetEntityType>'))).join('\n'))
        .toContain('data-set "jobs" follows relationship wl_taskupdate_task, which links wl_taskupdate to wl_task, not wl_task to wl_task');
      expect(errors(rebound((x) => x.replace(/(<data-set name="jobs"><ViewId>)\{[^}]+\}/g, '$1{00000000-0000-0000-0000-000000000001}'))).join('\n'))
        .toContain('data-set "jobs" uses view {00000000-0000-0000-0000-000000000001}, which is not a view of wl_task in the solution');
    });

    it('a static value for a property that is not an input, or of the wrong type', () => {
      expect(errors(rebound((x) => x.replaceAll('<pageSize static="true" type="Whole.None">6</pageSize>', '<pageSize static="true" type="SingleLine.Text">six</pageSize>'))).join('\n'))
        .toContain('gives "pageSize" a static SingleLine.Text value, but it takes Whole.None');
      expect(errors(rebound((x) => x.replaceAll('<address>wl_address</address>', '<address static="true" type="SingleLine.Text">High Street</address>'))).join('\n'))
        .toContain('gives bound property "address" a static value; only input properties take static values');
    });
  });

  describe('the build refuses a control the job form cannot bind, before writing anything', () => {
    const refused = async (write: (root: string) => void): Promise<string> => {
      const t = tempDir('badcontrols');
      try {
        write(join(t.dir, 'pcf'));
        await buildSolution({ dryRun: true, controlsDir: join(t.dir, 'pcf') });
        throw new Error('the build did not refuse the controls');
      } catch (e) {
        return (e as Error).message;
      } finally {
        t.cleanup();
      }
    };

    it('TaskCard built without its data-set', async () => {
      expect(await refused((root) => writeBuiltControl(root, 'TaskCard', '<property name="jobTitle" display-name-key="t" of-type="SingleLine.Text" usage="bound" />')))
        .toContain('wl_Wardline.TaskCard on the job form: it is a field control (its manifest has no <data-set>), so it cannot host subgrid "otherreports"; bind it to a column');
    });

    it('MapPicker built as a dataset control, or with a coordinate type the column is not', async () => {
      expect(await refused((root) => writeBuiltControl(root, 'MapPicker', `<data-set name="points" display-name-key="p" />${MAP_PICKER}`)))
        .toContain('wl_Wardline.MapPicker on the job form: it is a dataset control (its manifest has data-set "points"), so it must sit on a subgrid, not on column "latitude"');
      expect(await refused((root) => writeBuiltControl(root, 'MapPicker', MAP_PICKER.replace('<type>Decimal</type>', ''))))
        .toContain('property "latitude" takes FP, but column "latitude" is Decimal');
    });
  });

  it('builds without any controls', async () => {
    const t = tempDir('nocontrols');
    try {
      const built = await buildSolution({ dryRun: true, controlsDir: join(t.dir, 'missing') });
      expect(built.controls).toEqual([]);
      expect([...built.tree.keys()].some((p) => p.startsWith('Controls/'))).toBe(false);
      expect(built.tree.get('Other/Customizations.xml')!.toString()).toContain('<CustomControls />');
      expect(jobForm(built.tree)).not.toContain('<controlDescriptions>');
      expect(jobForm(built.tree)).toContain('<control id="otherreports"');
    } finally {
      t.cleanup();
    }
  });
});
