import { childrenNamed, el, firstChild, parseXml, textOf, type XmlElement } from '../xml';
import { relationshipIndexElement, sortTree, xmlFile, type SolutionTree } from '../generate/tree';
import { isVerbatim } from './pack';

const SPLIT: Readonly<Record<string, (e: XmlElement, tree: SolutionTree) => void>> = {
  Entities: (entity, tree) => {
    const name = textOf(firstChild(entity, 'Name')) ?? 'unnamed';
    for (const formXml of childrenNamed(entity, 'FormXml')) {
      for (const forms of childrenNamed(formXml, 'forms')) {
        for (const form of childrenNamed(forms, 'systemform')) tree.set(`Entities/${name}/FormXml/${forms.attrs.type}/${textOf(firstChild(form, 'formid'))}.xml`, xmlFile(el('forms', {}, form)));
      }
    }
    for (const saved of childrenNamed(entity, 'SavedQueries')) {
      for (const queries of childrenNamed(saved, 'savedqueries')) {
        for (const q of childrenNamed(queries, 'savedquery')) tree.set(`Entities/${name}/SavedQueries/${textOf(firstChild(q, 'savedqueryid'))}.xml`, xmlFile(el('savedqueries', {}, q)));
      }
    }
    tree.set(`Entities/${name}/Entity.xml`, xmlFile({ ...entity, children: entity.children.filter((c) => typeof c === 'string' || (c.name !== 'FormXml' && c.name !== 'SavedQueries')) }));
  },
  Roles: (role, tree) => tree.set(`Roles/${role.attrs.name}.xml`, xmlFile(role)),
  Workflows: (workflow, tree) => tree.set(`${(textOf(firstChild(workflow, 'JsonFileName')) ?? '').replace(/^\//, '')}.data.xml`, xmlFile(workflow)),
  optionsets: (set, tree) => tree.set(`OptionSets/${set.attrs.Name}.xml`, xmlFile(set)),
  CustomControls: (control, tree) => tree.set(`Controls/${textOf(firstChild(control, 'Name'))}/ControlManifest.xml.data.xml`, xmlFile(control)),
  SdkMessageProcessingSteps: (step, tree) => tree.set(`SdkMessageProcessingSteps/${step.attrs.SdkMessageProcessingStepId}.xml`, xmlFile(step)),
  AppModuleSiteMaps: (map, tree) => tree.set(`AppModuleSiteMaps/${textOf(firstChild(map, 'SiteMapUniqueName'))}/AppModuleSiteMap.xml`, xmlFile(map)),
  AppModules: (module, tree) => tree.set(`AppModules/${textOf(firstChild(module, 'UniqueName'))}/AppModule.xml`, xmlFile(module)),
};

function splitRelationships(container: XmlElement, tree: SolutionTree): void {
  const relationships = childrenNamed(container, 'EntityRelationship');
  const byEntity = new Map<string, XmlElement[]>();
  for (const r of relationships) {
    const referenced = textOf(firstChild(r, 'ReferencedEntityName')) ?? 'unknown';
    byEntity.set(referenced, [...(byEntity.get(referenced) ?? []), r]);
  }
  for (const [entity, list] of byEntity) tree.set(`Other/Relationships/${entity}.xml`, xmlFile(el('EntityRelationships', {}, list)));
  tree.set('Other/Relationships.xml', xmlFile(relationshipIndexElement(relationships.map((r) => r.attrs.Name))));
}

/** Unfolds the files of a solution zip into the SolutionPackager layout (the inverse of packTree). */
export function unpackFiles(files: ReadonlyMap<string, Buffer>): SolutionTree {
  const tree: SolutionTree = new Map();
  const solution = parseXml(files.get('solution.xml')!.toString('utf8'));
  tree.set('Other/Solution.xml', xmlFile({
    ...solution,
    children: solution.children.map((c) => (typeof c !== 'string' && c.name === 'SolutionManifest'
      ? { ...c, children: c.children.map((m) => (typeof m !== 'string' && m.name === 'Managed' ? { ...m, children: ['2'] } : m)) }
      : c)),
  }));
  const customizations = parseXml(files.get('customizations.xml')!.toString('utf8'));
  const kept = customizations.children.map((c) => {
    if (typeof c === 'string') return c;
    if (c.name === 'EntityRelationships') { splitRelationships(c, tree); return { ...c, children: [] }; }
    const split = SPLIT[c.name];
    if (!split) return c;
    for (const child of c.children) if (typeof child !== 'string') split(child, tree);
    return { ...c, children: [] };
  });
  tree.set('Other/Customizations.xml', xmlFile({ ...customizations, children: kept }));
  for (const [path, bytes] of files) if (isVerbatim(path)) tree.set(path, bytes);
  return sortTree(tree);
}
