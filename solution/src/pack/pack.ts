import { childrenNamed, el, parseXml, serialize, type XmlElement } from '../xml';
import { generatedElements, type SolutionTree } from '../generate/tree';
import { contentTypes } from './content-types';

/** Files of the tree under a folder that match a test, in path order. */
const filesWhere = (tree: SolutionTree, test: (path: string) => boolean): [string, Buffer][] => [...tree.entries()].filter(([p]) => test(p)).sort(([a], [b]) => (a < b ? -1 : 1));
const parse = (bytes: Buffer): XmlElement => generatedElements.get(bytes) ?? parseXml(bytes.toString('utf8'), { trusted: true });

/** Entity.xml with its forms and views folded back in, as customizations.xml carries them. */
function packedEntity(tree: SolutionTree, entityPath: string): XmlElement {
  const folder = entityPath.slice(0, -'Entity.xml'.length);
  const entity = parse(tree.get(entityPath)!);
  const formTypes = new Map<string, XmlElement[]>();
  for (const [path, bytes] of filesWhere(tree, (p) => p.startsWith(`${folder}FormXml/`))) {
    const type = path.slice(`${folder}FormXml/`.length).split('/')[0];
    formTypes.set(type, [...(formTypes.get(type) ?? []), ...childrenNamed(parse(bytes), 'systemform')]);
  }
  const queries = filesWhere(tree, (p) => p.startsWith(`${folder}SavedQueries/`)).flatMap(([, b]) => childrenNamed(parse(b), 'savedquery'));
  const extra: XmlElement[] = [];
  if (formTypes.size) extra.push(el('FormXml', {}, [...formTypes.entries()].map(([type, forms]) => el('forms', { type }, forms))));
  if (queries.length) extra.push(el('SavedQueries', {}, el('savedqueries', {}, queries)));
  const children = [...entity.children];
  const at = children.findIndex((c) => typeof c !== 'string' && c.name === 'EntityInfo') + 1;
  children.splice(at, 0, ...extra);
  return { ...entity, children };
}

/** Which files fill which customizations.xml container, and how a file yields its elements. */
const CONTAINERS: readonly { readonly name: string; readonly files: (p: string) => boolean; readonly elements: (tree: SolutionTree, path: string) => XmlElement[] }[] = [
  { name: 'Entities', files: (p) => /^Entities\/[^/]+\/Entity\.xml$/.test(p), elements: (t, p) => [packedEntity(t, p)] },
  { name: 'Roles', files: (p) => /^Roles\/[^/]+\.xml$/.test(p), elements: (t, p) => [parse(t.get(p)!)] },
  { name: 'Workflows', files: (p) => /^Workflows\/[^/]+\.json\.data\.xml$/.test(p), elements: (t, p) => [parse(t.get(p)!)] },
  { name: 'EntityRelationships', files: (p) => /^Other\/Relationships\/[^/]+\.xml$/.test(p), elements: (t, p) => childrenNamed(parse(t.get(p)!), 'EntityRelationship') },
  { name: 'optionsets', files: (p) => /^OptionSets\/[^/]+\.xml$/.test(p), elements: (t, p) => [parse(t.get(p)!)] },
  { name: 'CustomControls', files: (p) => /^Controls\/[^/]+\/ControlManifest\.xml\.data\.xml$/.test(p), elements: (t, p) => [parse(t.get(p)!)] },
  { name: 'SdkMessageProcessingSteps', files: (p) => /^SdkMessageProcessingSteps\/[^/]+\.xml$/.test(p), elements: (t, p) => [parse(t.get(p)!)] },
  { name: 'AppModuleSiteMaps', files: (p) => /^AppModuleSiteMaps\/[^/]+\/AppModuleSiteMap\.xml$/.test(p), elements: (t, p) => [parse(t.get(p)!)] },
  { name: 'AppModules', files: (p) => /^AppModules\/[^/]+\/AppModule\.xml$/.test(p), elements: (t, p) => [parse(t.get(p)!)] },
];

/** Files copied into the zip byte for byte, at the same path. */
export const isVerbatim = (path: string): boolean =>
  /^Workflows\/[^/]+\.json$/.test(path) || path.startsWith('environmentvariabledefinitions/') || (path.startsWith('Controls/') && !path.endsWith('.data.xml')) || path.startsWith('WebResources/');

export interface PackedSolution {
  readonly unmanaged: Map<string, Buffer>;
  readonly managed: Map<string, Buffer>;
}

/** solution.xml with <Managed> set: 0 unmanaged, 1 managed. */
function solutionXml(tree: SolutionTree, managed: boolean): Buffer {
  const solution = parse(tree.get('Other/Solution.xml')!);
  const setManaged = (e: XmlElement): XmlElement => ({ ...e, children: e.children.map((c) => (typeof c !== 'string' && c.name === 'Managed' ? { ...c, children: [managed ? '1' : '0'] } : c)) });
  return Buffer.from(serialize({ ...solution, children: solution.children.map((c) => (typeof c !== 'string' && c.name === 'SolutionManifest' ? setManaged(c) : c)) }), 'utf8');
}

/** Folds an unpacked tree into the files of both solution zips (they differ only in solution.xml). */
export function packBoth(tree: SolutionTree): PackedSolution {
  const customizations = parse(tree.get('Other/Customizations.xml')!);
  const packedCustomizations: XmlElement = {
    ...customizations,
    children: customizations.children.map((c) => {
      if (typeof c === 'string') return c;
      const rule = CONTAINERS.find((r) => r.name === c.name);
      if (!rule) return c;
      return { ...c, children: filesWhere(tree, rule.files).flatMap(([p]) => rule.elements(tree, p)) };
    }),
  };
  const common = new Map<string, Buffer>([['customizations.xml', Buffer.from(serialize(packedCustomizations), 'utf8')]]);
  for (const [path, bytes] of filesWhere(tree, isVerbatim)) common.set(path, bytes);
  const assemble = (managed: boolean): Map<string, Buffer> => {
    const files = new Map<string, Buffer>([['solution.xml', solutionXml(tree, managed)], ...common]);
    return new Map([['[Content_Types].xml', contentTypes(files.keys())], ...files]);
  };
  return { unmanaged: assemble(false), managed: assemble(true) };
}

/** Folds an unpacked tree into the files of one solution zip (managed or unmanaged). */
export const packTree = (tree: SolutionTree, managed: boolean): Map<string, Buffer> => (managed ? packBoth(tree).managed : packBoth(tree).unmanaged);
