import type { TableDef } from '@wardline/core/model';
import { braced, stableId } from '../ids';
import { el, text, type XmlElement } from '../xml';
import { descriptions, localizedNames } from './labels';
import { views, type ViewCondition, type ViewDef } from '../ui/views';
import { logical, type SolutionModel } from '../solution-model';

export const viewId = (key: string): string => stableId('savedquery', key);

/** Dataverse query types: public view, advanced find, associated, quick find, lookup. */
const QUERY_TYPE = { public: 0, advancedFind: 1, associated: 2, quickFind: 4, lookup: 64 } as const;

interface SavedQuery {
  readonly key: string;
  readonly name: string;
  readonly description: string;
  readonly queryType: number;
  readonly isDefault: boolean;
  readonly isQuickFind: boolean;
  readonly columns: readonly string[];
  readonly conditions: readonly ViewCondition[];
  readonly orderBy: { readonly column: string; readonly descending?: boolean };
}

function conditionElement(model: SolutionModel, table: TableDef, c: ViewCondition): XmlElement {
  const p = model.publisherPrefix;
  if (c.column === 'owningbusinessunit') return el('condition', { attribute: 'owningbusinessunit', operator: c.operator });
  const attribute = logical(p, c.column);
  if (c.operator === 'in' || c.operator === 'not-in') {
    const column = table.columns.find((col) => col.key === c.column);
    const choice = column?.kind === 'choice' ? model.choices.find((ch) => ch.name === column.choice) : undefined;
    return el('condition', { attribute, operator: c.operator }, c.choiceKeys.map((k) => text('value', choice?.options.find((o) => o.key === k)?.value ?? k)));
  }
  if (c.operator === 'olderthan-x-minutes') return el('condition', { attribute, operator: c.operator, value: c.value });
  return el('condition', { attribute, operator: c.operator });
}

/** Standard views every table needs (active, quick find, lookup, associated, advanced find), plus the app's own. */
function savedQueries(table: TableDef): SavedQuery[] {
  const name = table.primaryName;
  const basics = [name, ...table.columns.filter((c) => c.key !== name && c.kind !== 'memo').slice(0, 4).map((c) => c.key)];
  const own = views.filter((v: ViewDef) => v.table === table.key);
  const hasDefault = own.some((v) => v.isDefault);
  const base = (key: string, label: string, queryType: number, extra: Partial<SavedQuery> = {}): SavedQuery => ({
    key: `${table.key}.${key}`, name: label, description: `${label}: generated from core/model.`, queryType, isDefault: false, isQuickFind: false,
    columns: basics, conditions: [], orderBy: { column: name }, ...extra,
  });
  return [
    base('active', `All ${table.pluralLabel.toLowerCase()}`, QUERY_TYPE.public, { isDefault: !hasDefault }),
    base('quickfind', `Quick find ${table.pluralLabel.toLowerCase()}`, QUERY_TYPE.quickFind, { isDefault: true, isQuickFind: true }),
    base('lookup', `${table.label} lookup`, QUERY_TYPE.lookup, { isDefault: true }),
    base('associated', `${table.label} associated view`, QUERY_TYPE.associated, { isDefault: true }),
    base('advancedfind', `${table.label} advanced find view`, QUERY_TYPE.advancedFind, { isDefault: true }),
    ...own.map((v) => ({ key: v.key, name: v.name, description: v.description, queryType: QUERY_TYPE.public, isDefault: Boolean(v.isDefault), isQuickFind: false, columns: v.columns, conditions: v.conditions, orderBy: v.orderBy })),
  ];
}

function savedQueryElement(model: SolutionModel, table: TableDef, q: SavedQuery): XmlElement {
  const p = model.publisherPrefix;
  const entity = logical(p, table.key);
  const idColumn = `${entity}id`;
  const filters: XmlElement[] = [el('condition', { attribute: 'statecode', operator: 'eq', value: 0 }), ...q.conditions.map((c) => conditionElement(model, table, c))];
  const quickFind = q.isQuickFind
    ? el('filter', { type: 'or', isquickfindfields: '1' }, el('condition', { attribute: logical(p, table.primaryName), operator: 'like', value: '{0}' }))
    : undefined;
  return el('savedquery', {},
    text('IsCustomizable', true),
    text('CanBeDeleted', !q.isDefault || q.queryType === QUERY_TYPE.public),
    text('isquickfindquery', q.isQuickFind),
    text('isprivate', false),
    text('isdefault', q.isDefault),
    text('savedqueryid', braced(viewId(q.key))),
    el('layoutxml', {}, el('grid', { name: 'resultset', jump: logical(p, table.primaryName), select: '1', icon: '1', preview: '1' },
      el('row', { name: 'result', id: idColumn }, q.columns.map((c) => el('cell', { name: logical(p, c), width: 150 }))))),
    text('querytype', q.queryType),
    el('fetchxml', {}, el('fetch', { version: '1.0', mapping: 'logical' },
      el('entity', { name: entity },
        q.columns.map((c) => el('attribute', { name: logical(p, c) })),
        el('attribute', { name: idColumn }),
        el('order', { attribute: logical(p, q.orderBy.column), descending: q.orderBy.descending ? 'true' : 'false' }),
        el('filter', { type: 'and' }, filters),
        quickFind))),
    text('IntroducedVersion', '1.0.0.0'),
    localizedNames(q.name),
    descriptions(q.description));
}

/** Every view of a table as [view id, savedquery element]. */
export function viewElements(model: SolutionModel, table: TableDef): [string, XmlElement][] {
  return savedQueries(table).map((q) => [viewId(q.key), savedQueryElement(model, table, q)]);
}
