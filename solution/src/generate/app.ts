import { el, text, type XmlElement } from '../xml';
import { descriptions, localizedNames } from './labels';
import { app } from '../ui/app';
import { logical, type SolutionModel } from '../solution-model';
import { braced } from '../ids';
import { mainFormId } from './forms';
import { viewElements } from './views';
import { roleId } from './roles';

/** Default app icon web resource present in every Dataverse environment (what the app designer picks). */
const DEFAULT_APP_ICON = '953b9fac-1e5e-e611-80d6-00155ded156f';
/** Roles that open the app: it is the supervisors' and admins' tool; officers work in Teams. */
const APP_ROLES = ['supervisor', 'administrator'];

const COMPONENT = { table: 1, view: 26, form: 60, sitemap: 62 } as const;

export function appModuleElement(model: SolutionModel): XmlElement {
  const tableKeys = app.areas.flatMap((a) => a.groups.flatMap((g) => g.tables)) as readonly string[];
  const tables = model.tables.filter((t) => tableKeys.includes(t.key));
  return el('AppModule', {},
    text('UniqueName', app.uniqueName),
    text('IntroducedVersion', '1.0.0.0'),
    text('WebResourceId', DEFAULT_APP_ICON),
    text('FormFactor', 1),
    text('ClientType', 4),
    el('AppModuleComponents', {},
      tables.map((t) => el('AppModuleComponent', { type: COMPONENT.table, schemaName: logical(model.publisherPrefix, t.key) })),
      tables.flatMap((t) => viewElements(model, t).map(([id]) => el('AppModuleComponent', { type: COMPONENT.view, id: braced(id) }))),
      tables.map((t) => el('AppModuleComponent', { type: COMPONENT.form, id: braced(mainFormId(t)) })),
      el('AppModuleComponent', { type: COMPONENT.sitemap, schemaName: app.uniqueName })),
    el('AppModuleRoleMaps', {}, model.roles.filter((r) => APP_ROLES.includes(r.key)).map((r) => el('Role', { id: braced(roleId(r)) }))),
    localizedNames(app.name),
    descriptions(app.description));
}

const titles = (title: string): XmlElement => el('Titles', {}, el('Title', { LCID: 1033, Title: title }));

export function siteMapElement(model: SolutionModel): XmlElement {
  const p = model.publisherPrefix;
  return el('AppModuleSiteMap', {},
    text('SiteMapUniqueName', app.uniqueName),
    el('SiteMap', { IntroducedVersion: '7.0.0.0' },
      app.areas.map((area) => el('Area', { Id: area.key, ShowGroups: 'true' },
        titles(area.label),
        area.groups.map((group) => el('Group', { Id: group.key, IsProfile: 'false' },
          titles(group.label),
          group.tables.map((key) => {
            const table = model.tables.find((t) => t.key === key);
            return table ? el('SubArea', { Id: `sub_${logical(p, key)}`, Entity: logical(p, key) }, titles(table.pluralLabel)) : undefined;
          })))))),
    localizedNames(app.name));
}
