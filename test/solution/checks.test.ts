import { join } from 'node:path';
import { writeFileSync } from 'node:fs';
import { buildSolution, checkSolutionFiles, checkSolutionZip, readZip, zipFiles, type Finding } from '@wardline/solution';
import { tempDir } from './helpers';

let good: Map<string, Buffer>;

beforeAll(async () => {
  const t = tempDir('checks');
  try {
    const built = await buildSolution({ version: '1.0.0', dryRun: true, controlsDir: join(t.dir, 'none') });
    good = await readZip(built.unmanaged, 'good.zip');
  } finally {
    t.cleanup();
  }
});

/** A copy of the good zip's files with one file's text changed. */
function edited(path: string, change: (text: string) => string): Map<string, Buffer> {
  const files = new Map(good);
  const before = files.get(path)!.toString('utf8');
  const after = change(before);
  expect(after).not.toBe(before);
  files.set(path, Buffer.from(after, 'utf8'));
  return files;
}

const errors = (files: Map<string, Buffer>, check?: Finding['check']): string[] =>
  checkSolutionFiles(files, check ? { only: [check] } : {}).filter((f) => f.severity === 'error').map((f) => `${f.where}: ${f.message}`);

describe('solution check', () => {
  it('passes the built zip, read from disk', async () => {
    const t = tempDir('zip');
    try {
      const file = join(t.dir, 'Wardline.zip');
      writeFileSync(file, await zipFiles(good));
      expect(await checkSolutionZip(file)).toEqual([]);
    } finally {
      t.cleanup();
    }
  });

  it('structure: backslashes, wrong-case root files and uncovered extensions', () => {
    const files = new Map(good);
    files.set('Workflows\\stray.json', Buffer.from('{}'));
    files.set('Solution.xml', files.get('solution.xml')!);
    files.delete('solution.xml');
    files.set('WebResources/wl_logo.svg', Buffer.from('<svg/>'));
    expect(errors(files, 'structure')).toEqual([
      'Workflows\\stray.json: entry uses a backslash; Dataverse needs forward slashes in zip paths',
      'solution.xml: found as "Solution.xml"; it must be exactly "solution.xml" at the root',
      'WebResources/wl_logo.svg: extension ".svg" has no Default in [Content_Types].xml, so import would reject the file',
    ]);
  });

  it('structure: environment variable values are never shipped', () => {
    const files = new Map(good);
    files.set('environmentvariablevalues.json', Buffer.from('{}'));
    expect(errors(files, 'structure').join('\n')).toContain('would overwrite the council\'s settings on upgrade');
  });

  it('schema: an element Microsoft\'s schema does not allow, named with its table', () => {
    const files = edited('customizations.xml', (x) => x.replace('<IsAuditEnabled>1</IsAuditEnabled>', '<IsAuditEnabled>1</IsAuditEnabled><Colour>red</Colour>'));
    const found = errors(files, 'schema');
    expect(found.length).toBeGreaterThan(0);
    expect(found[0]).toMatch(/^customizations\.xml <Entities> wl_\w+ \(line \d+\): .*Colour.*not expected/);
  });

  it('schema: the overlay checks flows, connection references and environment variables', () => {
    const flowOff = edited('customizations.xml', (x) => x.replace('<StatusCode>1</StatusCode>', '<StatusCode>2</StatusCode>'));
    expect(errors(flowOff, 'schema').join('\n')).toMatch(/customizations\.xml <Workflows>.*StatusCode/);
    const envVar = edited('environmentvariabledefinitions/wl_NotifyApiKey/environmentvariabledefinition.xml', (x) => x.replace('<type>100000005</type>', '<type>7</type>'));
    expect(errors(envVar, 'schema').join('\n')).toMatch(/wl_NotifyApiKey.*type/);
  });

  it('references: root components, choices, flow files, connection references and variables must resolve', () => {
    expect(errors(edited('solution.xml', (x) => x.replace('schemaName="wl_priority"', 'schemaName="wl_urgency"')), 'references'))
      .toEqual(['solution.xml: RootComponent type 9 wl_urgency is listed but the solution does not contain it']);
    expect(errors(edited('customizations.xml', (x) => x.replace('<OptionSetName>wl_priority</OptionSetName>', '<OptionSetName>wl_urgency</OptionSetName>')), 'references').join('\n'))
      .toContain('uses choice wl_urgency, which the solution does not contain');
    const noFlow = new Map(good);
    const flowFile = [...noFlow.keys()].find((k) => k.startsWith('Workflows/WardlineOverdueJobReminder'))!;
    noFlow.delete(flowFile);
    expect(errors(noFlow, 'references').join('\n')).toContain(`JsonFileName ${flowFile} is not in the zip`);
    expect(errors(edited('customizations.xml', (x) => x.replace('connectionreferencelogicalname="wl_office365"', 'connectionreferencelogicalname="wl_outlook"')), 'references').join('\n'))
      .toContain('uses connection reference "wl_office365", which the solution does not contain');
    const noVariable = new Map(good);
    noVariable.delete('environmentvariabledefinitions/wl_CouncilName/environmentvariabledefinition.xml');
    expect(errors(noVariable, 'references').join('\n')).toContain('uses environment variable wl_CouncilName, which the solution does not define');
  });

  it('references: a form control that is not in Controls/', () => {
    const files = edited('customizations.xml', (x) => x.replace('<controlDescriptions />', '').replace('<DisplayConditions', '<controlDescriptions><controlDescription forControl="{00000000-0000-0000-0000-000000000001}"><customControl formFactor="2" name="wl_Wardline.Missing"><parameters /></customControl></controlDescription></controlDescriptions><DisplayConditions'));
    expect(errors(files, 'references').join('\n')).toContain('a form uses control wl_Wardline.Missing, which is not in <CustomControls>');
  });

  it('naming: prefix, option values, lower-case logical names and four-part versions', () => {
    expect(errors(edited('solution.xml', (x) => x.replace(/<Version>[^<]+<\/Version>/, '<Version>1.0</Version>')), 'naming'))
      .toEqual(['solution.xml: version "1.0" must have four numeric parts, e.g. 1.2.0.0']);
    expect(errors(edited('customizations.xml', (x) => x.replace('<LogicalName>wl_title</LogicalName>', '<LogicalName>wl_Title</LogicalName>')), 'naming').join('\n'))
      .toContain('column wl_Title: logical names must be lower case');
    expect(errors(edited('customizations.xml', (x) => x.replace('value="104570000"', 'value="100000000"')), 'naming').join('\n'))
      .toContain('option value 100000000 is outside 104570000-104579999');
  });

  it('reports a file that is not a zip in words', async () => {
    const t = tempDir('notzip');
    try {
      const file = join(t.dir, 'notes.zip');
      writeFileSync(file, 'not a zip');
      await expect(checkSolutionZip(file)).rejects.toThrow(`${file} is not a readable solution zip`);
    } finally {
      t.cleanup();
    }
  });
});
