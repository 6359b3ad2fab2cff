import type { FlowCatalogue } from '@wardline/flows';
import { el, serialize, text, type XmlElement } from '../xml';
import { schema, type SolutionModel } from '../solution-model';
import { entityElement } from './entity';
import { mainFormElement, mainFormId } from './forms';
import { viewElements } from './views';
import { relationships, relationshipElement } from './relationships';
import { optionSetElement } from './option-sets';
import { roleElement } from './roles';
import { fieldSecurityProfileElement } from './field-security';
import { appModuleElement, siteMapElement } from './app';
import { environmentVariableElement } from './environment-variables';
import { serviceEndpointElement, webhookSteps } from './webhook';
import { connectionReferenceElement, flowFileName, workflowElement } from './workflows';
import { customControlElement, type ControlBundle } from './controls';
import { solutionManifestElement } from './manifest';
import { app } from '../ui/app';

/** An unpacked solution: path (forward slashes) -> file bytes, in sorted path order. */
export type SolutionTree = Map<string, Buffer>;

export interface GenerateOptions {
  readonly version: string;
  readonly flows: FlowCatalogue;
  readonly controls: readonly ControlBundle[];
}

/**
 * Elements behind the files this process generated, so packing a freshly generated tree need not
 * parse its own output again (a tree read from disk is parsed as usual).
 */
export const generatedElements = new WeakMap<Buffer, XmlElement>();

export const xmlFile = (root: XmlElement): Buffer => {
  const bytes = Buffer.from(serialize(root, { header: true }), 'utf8');
  generatedElements.set(bytes, root);
  return bytes;
};

export function sortTree(tree: SolutionTree): SolutionTree {
  return new Map([...tree.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}

/** Other/Customizations.xml: what SolutionPackager keeps inline; the split containers stay empty. */
export function customizationsElement(model: SolutionModel, flows: FlowCatalogue): XmlElement {
  return el('ImportExportXml', { 'xmlns:xsi': 'http://www.w3.org/2001/XMLSchema-instance' },
    el('Entities'),
    el('Roles'),
    el('Workflows'),
    el('FieldSecurityProfiles', {}, fieldSecurityProfileElement(model)),
    el('Templates'),
    el('EntityMaps'),
    el('EntityRelationships'),
    el('OrganizationSettings'),
    el('optionsets'),
    el('CustomControls'),
    el('SdkMessageProcessingSteps'),
    el('ServiceEndpoints', {}, serviceEndpointElement()),
    el('AppModuleSiteMaps'),
    el('AppModules'),
    el('EntityDataProviders'),
    el('connectionreferences', {}, flows.connectionReferences.map(connectionReferenceElement)),
    el('Languages', {}, text('Language', 1033)));
}

/** Other/Relationships.xml: the names of every relationship, as SolutionPackager lists them. */
export const relationshipIndexElement = (names: readonly string[]): XmlElement =>
  el('EntityRelationships', {}, [...names].sort().map((Name) => el('EntityRelationship', { Name })));

/** The whole unpacked solution (SolutionPackager layout) generated from the model, flows and built controls. */
export function generateSolutionTree(model: SolutionModel, options: GenerateOptions): SolutionTree {
  const p = model.publisherPrefix;
  const tree: SolutionTree = new Map();
  const task = model.tables.find((t) => t.key === 'task');
  const steps = task ? webhookSteps(model, task) : [];
  tree.set('Other/Solution.xml', xmlFile(solutionManifestElement(model, { version: options.version, managed: 2, flows: options.flows.flows, controls: options.controls, steps })));
  tree.set('Other/Customizations.xml', xmlFile(customizationsElement(model, options.flows)));
  const rels = relationships(model);
  tree.set('Other/Relationships.xml', xmlFile(relationshipIndexElement(rels.map((r) => r.name))));
  for (const table of model.tables) {
    const name = schema(p, table.key);
    tree.set(`Entities/${name}/Entity.xml`, xmlFile(entityElement(model, table)));
    tree.set(`Entities/${name}/FormXml/main/{${mainFormId(table)}}.xml`, xmlFile(el('forms', {}, mainFormElement(model, table, options.controls))));
    for (const [id, view] of viewElements(model, table)) tree.set(`Entities/${name}/SavedQueries/{${id}}.xml`, xmlFile(el('savedqueries', {}, view)));
    const own = rels.filter((r) => r.referenced.key === table.key);
    if (own.length) tree.set(`Other/Relationships/${name}.xml`, xmlFile(el('EntityRelationships', {}, own.map((r) => relationshipElement(model, r)))));
  }
  for (const choice of model.choices) tree.set(`OptionSets/${choice.name}.xml`, xmlFile(optionSetElement(choice)));
  for (const role of model.roles) tree.set(`Roles/${role.name}.xml`, xmlFile(roleElement(model, role)));
  tree.set(`AppModules/${app.uniqueName}/AppModule.xml`, xmlFile(appModuleElement(model)));
  tree.set(`AppModuleSiteMaps/${app.uniqueName}/AppModuleSiteMap.xml`, xmlFile(siteMapElement(model)));
  for (const step of steps) tree.set(`SdkMessageProcessingSteps/{${step.id}}.xml`, xmlFile(step.element));
  for (const v of model.environmentVariables) tree.set(`environmentvariabledefinitions/${v.schemaName}/environmentvariabledefinition.xml`, xmlFile(environmentVariableElement(v)));
  for (const flow of options.flows.flows) {
    const file = flowFileName(flow);
    tree.set(file, Buffer.from(flow.text, 'utf8'));
    tree.set(`${file}.data.xml`, xmlFile(workflowElement(flow)));
  }
  for (const control of options.controls) {
    for (const [rel, bytes] of control.files) tree.set(`Controls/${control.name}/${rel}`, bytes);
    tree.set(`Controls/${control.name}/ControlManifest.xml.data.xml`, xmlFile(customControlElement(control)));
  }
  return sortTree(tree);
}
