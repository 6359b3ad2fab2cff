import { childrenNamed, firstChild, textOf, walk, type XmlElement } from '../xml';
import { error, type Finding } from './finding';
import type { ParsedSolution } from './parsed';
import { SERVICE_URL_VARIABLE, serviceEndpointId, WEBHOOK_PATH } from '../generate/webhook';
import { entityAttributes } from './naming';

const lower = (s: string | undefined): string => (s ?? '').toLowerCase().replace(/[{}]/g, '');
const all = (root: XmlElement, name: string): XmlElement[] => [...walk(root)].filter((e) => e.name === name);
const container = (root: XmlElement, name: string): XmlElement[] => (firstChild(root, name)?.children ?? []).filter((c): c is XmlElement => typeof c !== 'string');

interface FlowJson { properties?: { connectionReferences?: Record<string, { connection?: { connectionReferenceLogicalName?: string } }>; definition?: { parameters?: Record<string, { metadata?: { schemaName?: string } }> } } }

/** Every name or id one part of the solution uses resolves to a part the zip carries. */
export function checkReferences(parsed: ParsedSolution): Finding[] {
  const findings: Finding[] = [];
  const files = parsed.files;
  const manifest = firstChild(parsed.solution, 'SolutionManifest');
  const c = parsed.customizations;

  const entities = container(c, 'Entities');
  const entityNames = new Set(entities.map((e) => lower(textOf(firstChild(e, 'Name')))));
  const optionSets = new Set(container(c, 'optionsets').map((o) => o.attrs.Name));
  const roles = new Set(container(c, 'Roles').map((r) => lower(r.attrs.id)));
  const workflows = container(c, 'Workflows');
  const profiles = new Set(container(c, 'FieldSecurityProfiles').map((p) => lower(p.attrs.fieldsecurityprofileid)));
  const controls = new Set(container(c, 'CustomControls').map((x) => textOf(firstChild(x, 'Name'))));
  const siteMaps = new Set(container(c, 'AppModuleSiteMaps').map((x) => textOf(firstChild(x, 'SiteMapUniqueName'))));
  const apps = container(c, 'AppModules');
  const steps = container(c, 'SdkMessageProcessingSteps');
  const endpoints = new Set(container(c, 'ServiceEndpoints').map((x) => lower(x.attrs.ServiceEndpointId)));
  const connectionRefs = new Set(container(c, 'connectionreferences').map((x) => x.attrs.connectionreferencelogicalname));
  const envVars = new Set([...files.keys()].filter((p) => p.startsWith('environmentvariabledefinitions/')).map((p) => p.split('/')[1]));
  const forms = new Set(all(c, 'systemform').map((f) => lower(textOf(firstChild(f, 'formid')))));
  const views = new Set(all(c, 'savedquery').map((q) => lower(textOf(firstChild(q, 'savedqueryid')))));

  const resolvers: Record<string, (rc: XmlElement) => boolean> = {
    1: (rc) => entityNames.has(lower(rc.attrs.schemaName)),
    9: (rc) => optionSets.has(rc.attrs.schemaName),
    20: (rc) => roles.has(lower(rc.attrs.id)),
    29: (rc) => workflows.some((w) => lower(w.attrs.WorkflowId) === lower(rc.attrs.id)),
    62: (rc) => siteMaps.has(rc.attrs.schemaName),
    66: (rc) => controls.has(rc.attrs.schemaName),
    70: (rc) => profiles.has(lower(rc.attrs.id)),
    80: (rc) => apps.some((a) => textOf(firstChild(a, 'UniqueName')) === rc.attrs.schemaName),
    92: (rc) => steps.some((s) => lower(s.attrs.SdkMessageProcessingStepId) === lower(rc.attrs.id)),
    95: (rc) => endpoints.has(lower(rc.attrs.id)),
    380: (rc) => envVars.has(rc.attrs.schemaName ?? ''),
  };
  for (const rc of childrenNamed(firstChild(manifest ?? c, 'RootComponents') ?? c, 'RootComponent')) {
    const resolve = resolvers[rc.attrs.type];
    const what = `RootComponent type ${rc.attrs.type} ${rc.attrs.schemaName ?? rc.attrs.id}`;
    if (!resolve) findings.push(error('references', 'solution.xml', `${what}: the check does not know this component type`));
    else if (!resolve(rc)) findings.push(error('references', 'solution.xml', `${what} is listed but the solution does not contain it`));
  }

  for (const entity of entities) {
    const name = textOf(firstChild(entity, 'Name'));
    for (const attribute of entityAttributes(entity)) {
      const set = textOf(firstChild(attribute, 'OptionSetName'));
      if (set && !optionSets.has(set)) findings.push(error('references', `customizations.xml <Entities> ${name}`, `column ${textOf(firstChild(attribute, 'LogicalName'))} uses choice ${set}, which the solution does not contain`));
    }
    for (const custom of all(entity, 'customControl')) {
      if (custom.attrs.name && !controls.has(custom.attrs.name)) findings.push(error('references', `customizations.xml <Entities> ${name}`, `a form uses control ${custom.attrs.name}, which is not in <CustomControls>`));
      if (custom.attrs.name && !files.has(`Controls/${custom.attrs.name}/ControlManifest.xml`)) findings.push(error('references', `customizations.xml <Entities> ${name}`, `a form uses control ${custom.attrs.name}, but Controls/${custom.attrs.name}/ControlManifest.xml is not in the zip`));
    }
  }
  for (const r of container(c, 'EntityRelationships')) {
    for (const field of ['ReferencingEntityName', 'ReferencedEntityName']) {
      if (!entityNames.has(lower(textOf(firstChild(r, field))))) findings.push(error('references', `customizations.xml <EntityRelationships> ${r.attrs.Name}`, `${field} ${textOf(firstChild(r, field))} is not a table in the solution`));
    }
  }
  for (const permission of all(c, 'FieldPermission')) {
    const entity = entities.find((e) => lower(textOf(firstChild(e, 'Name'))) === lower(textOf(firstChild(permission, 'EntityName'))));
    const attribute = entity && entityAttributes(entity).find((a) => textOf(firstChild(a, 'LogicalName')) === textOf(firstChild(permission, 'AttributeName')));
    if (!attribute) findings.push(error('references', 'customizations.xml <FieldSecurityProfiles>', `column ${textOf(firstChild(permission, 'EntityName'))}.${textOf(firstChild(permission, 'AttributeName'))} does not exist`));
    else if (textOf(firstChild(attribute, 'IsSecured')) !== '1') findings.push(error('references', 'customizations.xml <FieldSecurityProfiles>', `column ${textOf(firstChild(permission, 'AttributeName'))} is in the profile but not secured, so everyone could read it`));
  }
  for (const a of apps) {
    for (const component of all(a, 'AppModuleComponent')) {
      const type = component.attrs.type;
      const ok = type === '1' ? entityNames.has(lower(component.attrs.schemaName)) : type === '26' ? views.has(lower(component.attrs.id)) : type === '60' ? forms.has(lower(component.attrs.id)) : type === '62' ? siteMaps.has(component.attrs.schemaName) : true;
      if (!ok) findings.push(error('references', 'customizations.xml <AppModules>', `app component type ${type} ${component.attrs.schemaName ?? component.attrs.id} is not in the solution`));
    }
    for (const role of all(a, 'Role')) if (!roles.has(lower(role.attrs.id))) findings.push(error('references', 'customizations.xml <AppModules>', `app role ${role.attrs.id} is not a role in the solution`));
  }
  for (const step of steps) {
    if (!endpoints.has(lower(textOf(firstChild(step, 'EventHandler'))))) findings.push(error('references', `customizations.xml <SdkMessageProcessingSteps> ${step.attrs.Name}`, 'its event handler is not a service endpoint in the solution'));
    if (!entityNames.has(lower(textOf(firstChild(step, 'PrimaryEntity'))))) findings.push(error('references', `customizations.xml <SdkMessageProcessingSteps> ${step.attrs.Name}`, `table ${textOf(firstChild(step, 'PrimaryEntity'))} is not in the solution`));
  }
  for (const workflow of workflows) {
    const jsonName = (textOf(firstChild(workflow, 'JsonFileName')) ?? '').replace(/^\//, '');
    const where = `customizations.xml <Workflows> ${workflow.attrs.Name}`;
    const json = files.get(jsonName);
    if (!json) { findings.push(error('references', where, `JsonFileName ${jsonName} is not in the zip`)); continue; }
    let flow: FlowJson;
    try { flow = JSON.parse(json.toString('utf8')) as FlowJson; } catch (e) { findings.push(error('references', jsonName, `is not valid JSON: ${(e as Error).message}`)); continue; }
    for (const [key, ref] of Object.entries(flow.properties?.connectionReferences ?? {})) {
      const logical = ref.connection?.connectionReferenceLogicalName ?? '';
      if (!connectionRefs.has(logical)) findings.push(error('references', jsonName, `connection ${key} uses connection reference "${logical}", which the solution does not contain`));
    }
    for (const [name, param] of Object.entries(flow.properties?.definition?.parameters ?? {})) {
      const schema = param.metadata?.schemaName;
      if (schema && !envVars.has(schema)) findings.push(error('references', jsonName, `parameter "${name}" uses environment variable ${schema}, which the solution does not define`));
    }
    const text = json.toString('utf8');
    if (text.includes('"serviceendpoints"')) {
      if (!text.toLowerCase().includes(serviceEndpointId())) findings.push(error('references', jsonName, 'updates a service endpoint other than the Wardline service endpoint'));
      if (!text.includes(WEBHOOK_PATH)) findings.push(error('references', jsonName, `sets the webhook URL without the service's webhook path ${WEBHOOK_PATH}`));
      if (!text.includes(`"${SERVICE_URL_VARIABLE}"`)) findings.push(error('references', jsonName, `sets the webhook URL without reading environment variable ${SERVICE_URL_VARIABLE}, so the council's service address never reaches it`));
      else if (!envVars.has(SERVICE_URL_VARIABLE)) findings.push(error('references', jsonName, `sets the webhook URL from environment variable ${SERVICE_URL_VARIABLE}, which the solution does not define`));
    }
  }
  return findings;
}
