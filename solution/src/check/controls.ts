import { childrenNamed, firstChild, parseXml, textOf, walk, type XmlElement } from '../xml';
import { controlManifestInfo, pcfTypeOfAttribute, type ControlManifestInfo, type ManifestProperty } from '../generate/control-manifest';
import { CONTROL_CLASS } from '../generate/classids';
import { error, warning, type Finding } from './finding';
import type { ParsedSolution } from './parsed';
import { entityAttributes } from './naming';

const lower = (s: string | undefined): string => (s ?? '').toLowerCase().replace(/[{}]/g, '');
const container = (root: XmlElement, name: string): XmlElement[] => (firstChild(root, name)?.children ?? []).filter((c): c is XmlElement => typeof c !== 'string');
const elements = (e: XmlElement | undefined): XmlElement[] => (e?.children ?? []).filter((c): c is XmlElement => typeof c !== 'string');
const SUBGRID = lower(CONTROL_CLASS.subgrid);

interface EntityFacts {
  readonly name: string;
  /** Logical name -> PCF type of the column (undefined: a type no control binds). */
  readonly columns: ReadonlyMap<string, string | undefined>;
  readonly views: ReadonlySet<string>;
}

/** The manifests the zip carries, parsed once; a control whose manifest is missing or broken is left to the references check. */
function manifests(parsed: ParsedSolution): Map<string, ControlManifestInfo> {
  const out = new Map<string, ControlManifestInfo>();
  for (const [path, bytes] of parsed.files) {
    const match = /^Controls\/([^/]+)\/ControlManifest\.xml$/.exec(path);
    if (!match) continue;
    try {
      const info = controlManifestInfo(parseXml(bytes.toString('utf8')));
      if (info) out.set(match[1], info);
    } catch {
      // Reported by the references check as a control the form cannot use.
    }
  }
  return out;
}

function entityFacts(entity: XmlElement): EntityFacts {
  const columns = new Map<string, string | undefined>();
  for (const attribute of entityAttributes(entity)) {
    const type = textOf(firstChild(attribute, 'Type')) ?? '';
    columns.set(lower(textOf(firstChild(attribute, 'LogicalName'))), pcfTypeOfAttribute(type, textOf(firstChild(attribute, 'Format'))));
  }
  const views = new Set([...walk(entity)].filter((e) => e.name === 'savedquery').map((q) => lower(textOf(firstChild(q, 'savedqueryid')))));
  return { name: lower(textOf(firstChild(entity, 'Name'))), columns, views };
}

const describeTypes = (p: ManifestProperty): string => (p.types.length ? p.types.join(' or ') : 'no known type');

/**
 * PCF controls on forms are bound the way their manifests allow: a dataset control (one with a
 * `<data-set>`) only on a subgrid, through a data-set it declares, with a view and relationship the
 * solution carries; a field control only on a column, each bound property on a column of a type
 * it accepts, required properties bound, and static values only for input properties.
 */
export function checkControlBindings(parsed: ParsedSolution): Finding[] {
  const findings: Finding[] = [];
  const c = parsed.customizations;
  const controls = manifests(parsed);
  const entities = new Map(container(c, 'Entities').map((e) => [lower(textOf(firstChild(e, 'Name'))), entityFacts(e)]));
  const relationships = new Map(container(c, 'EntityRelationships').map((r) => [r.attrs.Name ?? '', { referencing: lower(textOf(firstChild(r, 'ReferencingEntityName'))), referenced: lower(textOf(firstChild(r, 'ReferencedEntityName'))) }]));

  for (const entity of container(c, 'Entities')) {
    const facts = entityFacts(entity);
    for (const form of [...walk(entity)].filter((e) => e.name === 'systemform')) {
      const formName = firstChild(firstChild(form, 'LocalizedNames') ?? form, 'LocalizedName')?.attrs.description ?? textOf(firstChild(form, 'formid')) ?? '';
      const body = firstChild(form, 'form');
      if (!body) continue;
      const placed = new Map([...walk(body)].filter((e) => e.name === 'control' && e.attrs.uniqueid).map((e) => [lower(e.attrs.uniqueid), e]));
      for (const description of childrenNamed(firstChild(body, 'controlDescriptions') ?? body, 'controlDescription')) {
        const target = placed.get(lower(description.attrs.forControl));
        for (const custom of childrenNamed(description, 'customControl')) {
          const name = custom.attrs.name;
          if (!name) continue;
          const where = `customizations.xml <Entities> ${textOf(firstChild(entity, 'Name'))} form "${formName}" control ${name}${custom.attrs.formFactor !== undefined ? ` (form factor ${custom.attrs.formFactor})` : ''}`;
          if (!target) { findings.push(error('controls', where, `is described for control ${description.attrs.forControl}, which is not on the form`)); continue; }
          const manifest = controls.get(name);
          if (!manifest) continue;
          const isSubgrid = target.attrs.indicationOfSubgrid === 'true' || lower(target.attrs.classid) === SUBGRID;
          const field = target.attrs.datafieldname;
          const params = elements(firstChild(custom, 'parameters'));
          if (manifest.dataSets.length > 0) {
            if (!isSubgrid) { findings.push(error('controls', where, `is a dataset control (data-set "${manifest.dataSets[0].name}"), so it can only replace a subgrid, but it sits on ${field ? `column ${field}` : `control ${target.attrs.id}`}`)); continue; }
            findings.push(...datasetBinding(where, manifest, params, target, facts, entities, relationships));
          } else {
            if (isSubgrid) { findings.push(error('controls', where, `is a field control (no data-set in its manifest), so it cannot replace subgrid ${target.attrs.id}; put it on a column`)); continue; }
            if (!field) { findings.push(error('controls', where, `sits on control ${target.attrs.id}, which is bound to no column`)); continue; }
            findings.push(...fieldBinding(where, manifest, params, field, facts));
          }
        }
      }
    }
  }
  return findings;
}

/** Static values (`static="true"`) may only go to input properties, with the property's own type. */
function staticValue(where: string, manifest: ControlManifestInfo, param: XmlElement): Finding[] {
  const property = manifest.properties.find((p) => p.name === param.name);
  if (!property) return [warning('controls', where, `sets "${param.name}", which its manifest does not declare, so the control never sees it`)];
  if (property.usage !== 'input') return [error('controls', where, `gives ${property.usage} property "${param.name}" a static value; only input properties take static values`)];
  if (param.attrs.type && !property.types.includes(param.attrs.type)) return [error('controls', where, `gives "${param.name}" a static ${param.attrs.type} value, but it takes ${describeTypes(property)}`)];
  return [];
}

function datasetBinding(where: string, manifest: ControlManifestInfo, params: XmlElement[], subgrid: XmlElement, form: EntityFacts, entities: ReadonlyMap<string, EntityFacts>, relationships: ReadonlyMap<string, { referencing: string; referenced: string }>): Finding[] {
  const findings: Finding[] = [];
  const dataSets = params.filter((p) => p.name === 'data-set');
  if (dataSets.length === 0) findings.push(error('controls', where, `binds none of its data-sets (${manifest.dataSets.map((d) => `"${d.name}"`).join(', ')}) to the subgrid's rows`));
  const subgridTarget = lower(textOf(firstChild(firstChild(subgrid, 'parameters') ?? subgrid, 'TargetEntityType')));
  for (const dataSet of dataSets) {
    const name = dataSet.attrs.name ?? '';
    if (!manifest.dataSets.some((d) => d.name === name)) { findings.push(error('controls', where, `binds data-set "${name}", which its manifest does not declare`)); continue; }
    const value = (key: string): string => lower(textOf(firstChild(dataSet, key)));
    const target = value('TargetEntityType');
    if (!target) findings.push(error('controls', where, `data-set "${name}" has no TargetEntityType`));
    else if (subgridTarget && target !== subgridTarget) findings.push(error('controls', where, `data-set "${name}" shows ${target}, but the subgrid it replaces shows ${subgridTarget}`));
    const table = entities.get(target);
    const view = value('ViewId');
    if (!view) findings.push(error('controls', where, `data-set "${name}" has no ViewId`));
    else if (table && !table.views.has(view)) findings.push(error('controls', where, `data-set "${name}" uses view {${view}}, which is not a view of ${target} in the solution`));
    const relationshipName = textOf(firstChild(dataSet, 'RelationshipName')) ?? '';
    if (relationshipName) {
      const r = relationships.get(relationshipName);
      if (!r && (table || entities.has(form.name))) findings.push(error('controls', where, `data-set "${name}" follows relationship ${relationshipName}, which the solution does not contain`));
      else if (r && (r.referencing !== target || r.referenced !== form.name)) findings.push(error('controls', where, `data-set "${name}" follows relationship ${relationshipName}, which links ${r.referencing} to ${r.referenced}, not ${target} to ${form.name}`));
    }
  }
  for (const param of params) if (param.name !== 'data-set') findings.push(...(param.attrs.static === 'true' ? staticValue(where, manifest, param) : [error('controls', where, `binds "${param.name}" to a column, but a dataset control takes its columns from the data-set's view`)]));
  return findings;
}

function fieldBinding(where: string, manifest: ControlManifestInfo, params: XmlElement[], field: string, form: EntityFacts): Finding[] {
  const findings: Finding[] = [];
  const bound = new Map<string, string>();
  for (const param of params) {
    if (param.attrs.static === 'true') { findings.push(...staticValue(where, manifest, param)); continue; }
    const property = manifest.properties.find((p) => p.name === param.name);
    if (!property) { findings.push(warning('controls', where, `binds "${param.name}", which its manifest does not declare, so the control never sees it`)); continue; }
    const column = lower(textOf(param));
    if (property.usage !== 'bound') { findings.push(error('controls', where, `binds ${property.usage} property "${param.name}" to column ${column}; only bound properties take a column`)); continue; }
    bound.set(property.name, column);
    if (!form.columns.has(column)) { findings.push(error('controls', where, `binds "${param.name}" to column ${column}, which ${form.name} does not have`)); continue; }
    const type = form.columns.get(column);
    if (!type || !property.types.includes(type)) findings.push(error('controls', where, `binds "${param.name}" (${describeTypes(property)}) to column ${column}, which is ${type ?? 'a type no control can bind'}`));
  }
  for (const property of manifest.properties) {
    if (property.usage === 'bound' && property.required && !bound.has(property.name)) findings.push(error('controls', where, `leaves required property "${property.name}" unbound`));
  }
  if (![...bound.values()].includes(lower(field))) findings.push(error('controls', where, `sits on column ${field} but binds none of its properties to it, so the column's value never reaches the control`));
  return findings;
}
