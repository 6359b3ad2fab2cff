import { mkdtempSync, rmSync, writeFileSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DEFAULT_FLOWS_DIR, checkFlows, loadFlowCatalogue, FlowCatalogueError } from './index';

/** A copy of the shipped flows folder with one flow's JSON text changed. */
function withEditedFlow(file: string, change: (text: string) => string): { dir: string; cleanup: () => void } {
  const dir = mkdtempSync(join(tmpdir(), 'wardline-flows-'));
  const catalogue = JSON.parse(readFileSync(join(DEFAULT_FLOWS_DIR, 'catalogue.json'), 'utf8')) as { flows: { file: string }[] };
  writeFileSync(join(dir, 'catalogue.json'), JSON.stringify(catalogue));
  for (const flow of catalogue.flows) {
    const text = readFileSync(join(DEFAULT_FLOWS_DIR, flow.file), 'utf8');
    const edited = flow.file === file ? change(text) : text;
    if (flow.file === file) expect(edited).not.toBe(text);
    writeFileSync(join(dir, flow.file), edited);
  }
  return { dir, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

function findingsAfter(file: string, change: (text: string) => string): string[] {
  const copy = withEditedFlow(file, change);
  try {
    return checkFlows(loadFlowCatalogue(copy.dir)).map((f) => `${f.file} ${f.where}: ${f.message}`);
  } finally {
    copy.cleanup();
  }
}

describe('shipped cloud flows', () => {
  it('load from flows/definitions and pass the checker', () => {
    const catalogue = loadFlowCatalogue();
    expect(catalogue.flows.map((f) => f.name)).toEqual(['Wardline: overdue job reminder', 'Wardline: point the webhook at the service']);
    expect(checkFlows(catalogue)).toEqual([]);
  });

  it('catch a connection reference the catalogue does not declare', () => {
    expect(findingsAfter('overdue-job-reminder.json', (t) => t.replace('"connectionReferenceLogicalName": "wl_office365"', '"connectionReferenceLogicalName": "wl_outlook"')))
      .toEqual(['overdue-job-reminder.json properties.connectionReferences.shared_office365: connection reference "wl_outlook" is not in catalogue.json']);
  });

  it('catch an environment variable the model does not declare', () => {
    expect(findingsAfter('overdue-job-reminder.json', (t) => t.replace('"schemaName": "wl_CouncilName"', '"schemaName": "wl_CouncilTitle"')))
      .toEqual(['overdue-job-reminder.json properties.definition.parameters.Council name (wl_CouncilName): environment variable wl_CouncilTitle is not declared in core/model']);
  });

  it('catch columns, lookups and choice values the model does not have', () => {
    const found = findingsAfter('overdue-job-reminder.json', (t) => t
      .replace('wl_reference,wl_title', 'wl_reference,wl_headline')
      .replace('wl_AssignedOfficer($select', 'wl_Officer($select')
      .replace('wl_status eq 104570004', 'wl_status eq 104570099'));
    expect(found).toEqual([
      'overdue-job-reminder.json actions/List_overdue_jobs: $select names "wl_headline", which wl_task does not have',
      'overdue-job-reminder.json actions/List_overdue_jobs: $expand names "wl_Officer", which is not a lookup of wl_task',
      'overdue-job-reminder.json actions/List_overdue_jobs: $filter uses 104570099, which is not an option of wl_taskstatus',
    ]);
  });

  it('catch a step that runs after a step that does not exist, and an undeclared parameter', () => {
    const found = findingsAfter('point-webhook-at-service.json', (t) => t
      .replace('"runAfter": { "Get_the_variable_definition": ["Succeeded"] }', '"runAfter": { "Get_the_definition": ["Succeeded"] }')
      .replace("@parameters('$authentication')", "@parameters('$auth')"));
    expect(found).toEqual([
      "point-webhook-at-service.json properties.definition: uses parameters('$auth'), which the definition does not declare",
      'point-webhook-at-service.json actions/Is_it_the_service_URL: runs after "Get_the_definition", which is not a step at the same level',
    ]);
  });

  it('name the file when a flow is not valid JSON', () => {
    const copy = withEditedFlow('overdue-job-reminder.json', (t) => t.replace('"schemaVersion"', 'schemaVersion'));
    try {
      expect(() => loadFlowCatalogue(copy.dir)).toThrow(FlowCatalogueError);
      expect(() => loadFlowCatalogue(copy.dir)).toThrow(/overdue-job-reminder\.json: not valid JSON/);
    } finally {
      copy.cleanup();
    }
  });
});
