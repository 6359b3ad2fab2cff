import type { PrivilegeDepth, PrivilegeName, RoleDef } from '@wardline/core/model';
import { braced, stableId } from '../ids';
import { el, text, type XmlElement } from '../xml';
import { schema, type SolutionModel } from '../solution-model';

const LEVEL: Record<Exclude<PrivilegeDepth, 'none'>, string> = { user: 'Basic', businessUnit: 'Local', parentChildBusinessUnits: 'Deep', organization: 'Global' };
const PRIVILEGE: Record<PrivilegeName, string> = { create: 'Create', read: 'Read', write: 'Write', delete: 'Delete', append: 'Append', appendTo: 'AppendTo', assign: 'Assign', share: 'Share' };
const ORDER: readonly PrivilegeName[] = ['create', 'read', 'write', 'delete', 'append', 'appendTo', 'assign', 'share'];

export const roleId = (role: RoleDef): string => stableId('role', role.key);

/** Dataverse privilege name for a table, e.g. `prvReadwl_Task`. */
export const privilegeName = (prefix: string, privilege: PrivilegeName, tableKey: string): string => `prv${PRIVILEGE[privilege]}${schema(prefix, tableKey)}`;

/** A security role with exactly the table privileges the model grants it (least privilege). */
export function roleElement(model: SolutionModel, role: RoleDef): XmlElement {
  const privileges: XmlElement[] = [];
  for (const table of model.tables) {
    const granted = role.privileges[table.key];
    if (!granted) continue;
    for (const privilege of ORDER) {
      const depth = granted[privilege];
      if (depth && depth !== 'none') privileges.push(el('RolePrivilege', { name: privilegeName(model.publisherPrefix, privilege, table.key), level: LEVEL[depth] }));
    }
  }
  return el('Role', { id: braced(roleId(role)), name: role.name },
    text('IsCustomizable', true),
    text('IntroducedVersion', '1.0.0.0'),
    el('RolePrivileges', {}, privileges));
}
