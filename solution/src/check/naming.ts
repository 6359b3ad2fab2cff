import { firstChild, textOf, walk, type XmlElement } from '../xml';
import { error, type Finding } from './finding';
import type { ParsedSolution } from './parsed';

const PREFIX = 'wl_';
const LIMIT = 50;
const GUID = /^\{?[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\}?$/i;
/** The columns of an Entity (EntityInfo/entity/attributes/attribute), not the <attribute>s of its views' FetchXML. */
export const entityAttributes = (entity: XmlElement): XmlElement[] => {
  const info = firstChild(firstChild(entity, 'EntityInfo') ?? entity, 'entity');
  const attributes = info && firstChild(info, 'attributes');
  return attributes ? attributes.children.filter((c): c is XmlElement => typeof c !== 'string' && c.name === 'attribute') : [];
};
const container = (root: XmlElement, name: string): XmlElement[] => (firstChild(root, name)?.children ?? []).filter((c): c is XmlElement => typeof c !== 'string');

/** Prefix wl, option values from 104570000, lower-case logical names within limits, 4-part versions, GUIDs well formed. */
export function checkNaming(parsed: ParsedSolution): Finding[] {
  const findings: Finding[] = [];
  const files = parsed.files;
  const manifest = firstChild(parsed.solution, 'SolutionManifest');
  const version = textOf(firstChild(manifest ?? { name: '', attrs: {}, children: [] }, 'Version')) ?? '';
  if (!/^\d+\.\d+\.\d+\.\d+$/.test(version)) findings.push(error('naming', 'solution.xml', `version "${version}" must have four numeric parts, e.g. 1.2.0.0`));
  const publisher = manifest && firstChild(manifest, 'Publisher');
  if (publisher && textOf(firstChild(publisher, 'CustomizationPrefix')) !== 'wl') findings.push(error('naming', 'solution.xml', 'publisher prefix must be "wl"'));
  if (publisher && textOf(firstChild(publisher, 'CustomizationOptionValuePrefix')) !== '10457') findings.push(error('naming', 'solution.xml', 'option value prefix must be 10457'));

  const c = parsed.customizations;
  for (const entity of container(c, 'Entities')) {
    const name = textOf(firstChild(entity, 'Name')) ?? '';
    const where = `customizations.xml <Entities> ${name}`;
    if (!name.startsWith(PREFIX)) findings.push(error('naming', where, `table name must start with "${PREFIX}"`));
    if (name.length > LIMIT) findings.push(error('naming', where, `table name is longer than ${LIMIT} characters`));
    for (const attribute of entityAttributes(entity)) {
      const logical = textOf(firstChild(attribute, 'LogicalName')) ?? '';
      if (logical !== logical.toLowerCase()) findings.push(error('naming', where, `column ${logical}: logical names must be lower case`));
      if (!logical.startsWith(PREFIX)) findings.push(error('naming', where, `column ${logical}: must start with "${PREFIX}"`));
      if (logical.length > LIMIT) findings.push(error('naming', where, `column ${logical}: longer than ${LIMIT} characters`));
    }
  }
  for (const set of container(c, 'optionsets')) {
    if (!set.attrs.Name?.startsWith(PREFIX)) findings.push(error('naming', `customizations.xml <optionsets> ${set.attrs.Name}`, `choice name must start with "${PREFIX}"`));
    for (const option of [...walk(set)].filter((e) => e.name === 'option')) {
      const value = Number(option.attrs.value);
      if (!(value >= 104570000 && value <= 104579999)) findings.push(error('naming', `customizations.xml <optionsets> ${set.attrs.Name}`, `option value ${option.attrs.value} is outside 104570000-104579999`));
    }
  }
  for (const path of files.keys()) {
    if (path.startsWith('environmentvariabledefinitions/') && !path.split('/')[1].startsWith(PREFIX)) findings.push(error('naming', path, `environment variable must start with "${PREFIX}"`));
  }
  for (const ref of container(c, 'connectionreferences')) {
    if (!ref.attrs.connectionreferencelogicalname?.startsWith(PREFIX)) findings.push(error('naming', 'customizations.xml <connectionreferences>', `${ref.attrs.connectionreferencelogicalname} must start with "${PREFIX}"`));
  }
  for (const e of walk(c)) {
    for (const [key, value] of Object.entries(e.attrs)) {
      if (/(^id$|Id$)/.test(key) && key !== 'LookupTypeId' && value.startsWith('{') && !GUID.test(value)) findings.push(error('naming', `customizations.xml <${e.name}>`, `${key} "${value}" is not a GUID`));
    }
  }
  return findings;
}
