import { braced, stableId } from '../ids';
import { el, text, type XmlElement } from '../xml';
import { logical, type SolutionModel } from '../solution-model';

export const PERSONAL_DATA_PROFILE = 'Wardline personal data';
export const personalDataProfileId = (): string => stableId('fieldsecurityprofile', PERSONAL_DATA_PROFILE);

/** Every column the model marks personal, as [table logical name, column logical name]. */
export function personalColumns(model: SolutionModel): [string, string][] {
  const out: [string, string][] = [];
  for (const table of model.tables) for (const column of table.columns) if (column.personal) out.push([logical(model.publisherPrefix, table.key), logical(model.publisherPrefix, column.key)]);
  return out;
}

const ALLOWED = 4;

/**
 * The column security profile for personal data. Personal columns are secured, so only people
 * (or teams) added to this profile read them; roles that may read personal data are listed in
 * the description and docs/admin/install.md, and councillors and volunteers are never added.
 */
export function fieldSecurityProfileElement(model: SolutionModel): XmlElement {
  const readers = model.roles.filter((r) => r.readsPersonalData).map((r) => r.name).join(', ');
  return el('FieldSecurityProfile', {
    name: PERSONAL_DATA_PROFILE,
    description: `Reporter and resident contact details. Add the people or teams holding these roles: ${readers}. Never add councillors or volunteers.`,
    fieldsecurityprofileid: braced(personalDataProfileId()),
  }, el('FieldPermissions', {}, personalColumns(model).map(([entity, attribute]) =>
    el('FieldPermission', {}, text('EntityName', entity), text('AttributeName', attribute), text('CanRead', ALLOWED), text('CanUpdate', ALLOWED), text('CanCreate', ALLOWED)))));
}
