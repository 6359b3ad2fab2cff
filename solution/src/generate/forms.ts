import type { TableDef } from '@wardline/core/model';
import { braced, stableId } from '../ids';
import { el, text, type XmlElement } from '../xml';
import { labels, localizedNames, descriptions } from './labels';
import { controlClass, CONTROL_CLASS } from './classids';
import { formControls, formLayouts, type FormControlBinding, type FormTabDef } from '../ui/forms';
import { isServiceMaintained } from '../ui/columns';
import { logical, type SolutionModel } from '../solution-model';
import type { ControlBundle } from './controls';
import { relationships } from './relationships';
import { viewId } from './views';

export const mainFormId = (table: TableDef): string => stableId('form.main', table.key);

function defaultLayout(table: TableDef): FormTabDef[] {
  return [{ key: 'general', label: 'General', sections: [{ key: 'details', label: 'Details', columns: table.columns.map((c) => c.key) }] }];
}

/** Subgrid of a child table on this form, e.g. the job's timeline in its Progress section. */
function subgridCell(model: SolutionModel, table: TableDef, formKey: string): XmlElement | undefined {
  const child = relationships(model).find((r) => r.referenced.key === table.key && r.referencing.key === 'taskUpdate' && r.column.key === 'task');
  if (!child) return undefined;
  const p = model.publisherPrefix;
  return el('row', {}, el('cell', { id: braced(stableId('form.cell', `${formKey}.timeline`)), showlabel: 'true', rowspan: 8, colspan: 1 },
    labels(child.referencing.pluralLabel),
    el('control', { id: 'timeline', classid: CONTROL_CLASS.subgrid, indicationOfSubgrid: 'true', uniqueid: braced(stableId('form.control', `${formKey}.timeline`)) },
      el('parameters', {},
        text('TargetEntityType', logical(p, child.referencing.key)),
        text('ViewId', braced(viewId(`${child.referencing.key}.associated`))),
        text('ViewIds', braced(viewId(`${child.referencing.key}.associated`))),
        text('RelationshipName', child.name),
        text('RecordsPerPage', 10),
        text('AutoExpand', 'Fixed'),
        text('EnableQuickFind', 'false'),
        text('EnableViewPicker', 'false'),
        text('EnableJumpBar', 'false'),
        text('ChartGridMode', 'Grid'),
        text('EnableChartPicker', 'false')))));
}

/** Binds a built PCF control to a column's cell, with its manifest properties bound to model columns. */
function controlDescription(model: SolutionModel, table: TableDef, formKey: string, binding: FormControlBinding, control: ControlBundle): XmlElement {
  const columnKey = binding.column;
  const params = Object.entries(binding.properties)
    .filter(([prop]) => control.properties.includes(prop))
    .map(([prop, key]) => text(prop, logical(model.publisherPrefix, key)));
  const column = table.columns.find((c) => c.key === columnKey)!;
  return el('controlDescription', { forControl: braced(stableId('form.control', `${formKey}.${columnKey}`)) },
    el('customControl', { id: controlClass(column) }, el('parameters', {}, text('datafieldname', logical(model.publisherPrefix, columnKey)))),
    [0, 1, 2].map((formFactor) => el('customControl', { formFactor, name: control.name }, el('parameters', {}, params))));
}

/** The main form of a table (Entities/<name>/FormXml/main/{id}.xml content). */
export function mainFormElement(model: SolutionModel, table: TableDef, controls: readonly ControlBundle[]): XmlElement {
  const p = model.publisherPrefix;
  const layout = formLayouts.find((f) => f.table === table.key)?.tabs ?? defaultLayout(table);
  const formKey = `${table.key}.main`;
  const bound = formControls.filter((b) => b.table === table.key).map((b) => ({ binding: b, control: controls.find((c) => c.constructorName === b.control) })).filter((b) => b.control);
  const tabs = layout.map((tab) => el('tab', { name: tab.key, id: braced(stableId('form.tab', `${formKey}.${tab.key}`)), IsUserDefined: '0', locklevel: 0, showlabel: 'true', expanded: 'true', verticallayout: 'true' },
    labels(tab.label),
    el('columns', {}, el('column', { width: '100%' }, el('sections', {}, tab.sections.map((section) => {
      const rows = section.columns.map((key) => {
        const column = table.columns.find((c) => c.key === key)!;
        const readOnly = isServiceMaintained(table.key, key);
        return el('row', {}, el('cell', { id: braced(stableId('form.cell', `${formKey}.${key}`)), showlabel: 'true', locklevel: 0 },
          labels(column.label),
          el('control', { id: logical(p, key), classid: controlClass(column), datafieldname: logical(p, key), disabled: readOnly ? 'true' : 'false', uniqueid: braced(stableId('form.control', `${formKey}.${key}`)) })));
      });
      if (table.key === 'task' && section.key === 'progress') {
        const grid = subgridCell(model, table, formKey);
        if (grid) rows.push(grid);
      }
      return el('section', { name: section.key, showlabel: 'true', showbar: 'false', locklevel: 0, id: braced(stableId('form.section', `${formKey}.${section.key}`)), IsUserDefined: '0', layout: 'varwidth', columns: '1', labelwidth: 115, celllabelalignment: 'Left', celllabelposition: 'Left' },
        labels(section.label),
        el('rows', {}, rows));
    }))))));
  return el('systemform', {},
    text('formid', braced(mainFormId(table))),
    text('IntroducedVersion', '1.0.0.0'),
    text('FormPresentation', 1),
    text('FormActivationState', 1),
    el('form', { headerdensity: undefined },
      el('tabs', {}, tabs),
      bound.length ? el('controlDescriptions', {}, bound.map((b) => controlDescription(model, table, formKey, b.binding, b.control!))) : undefined,
      el('DisplayConditions', { Order: 0, FallbackForm: 'true' }, el('Everyone'))),
    text('IsCustomizable', true),
    text('CanBeDeleted', true),
    localizedNames(table.label),
    descriptions(`Main form for ${table.pluralLabel.toLowerCase()}, generated from core/model.`));
}
