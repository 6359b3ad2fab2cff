import type { TableDef } from '@wardline/core/model';
import { braced, stableId } from '../ids';
import { el, text, type XmlElement } from '../xml';
import { labels, localizedNames, descriptions } from './labels';
import { controlClass, CONTROL_CLASS } from './classids';
import { formControls, formLayouts, layoutSubgrids, type DatasetControlBinding, type FieldControlBinding, type FormSubgridDef, type FormTabDef } from '../ui/forms';
import { isServiceMaintained } from '../ui/columns';
import { logical, type SolutionModel } from '../solution-model';
import type { ControlBundle } from './controls';
import { relationships, type Relationship } from './relationships';
import { viewId } from './views';

export const mainFormId = (table: TableDef): string => stableId('form.main', table.key);

function defaultLayout(table: TableDef): FormTabDef[] {
  return [{ key: 'general', label: 'General', sections: [{ key: 'details', label: 'Details', columns: table.columns.map((c) => c.key) }] }];
}

/** The one-to-many relationship a subgrid follows (the child's lookup to the form's table). */
export function subgridRelationship(model: SolutionModel, table: TableDef, def: FormSubgridDef): Relationship | undefined {
  return relationships(model).find((r) => r.referenced.key === table.key && r.referencing.key === def.table && r.column.key === def.column);
}

const subgridControlId = (formKey: string, def: FormSubgridDef): string => braced(stableId('form.control', `${formKey}.${def.key}`));

/** The classic subgrid's parameters: the related rows through the relationship, in the view. */
function subgridParameters(model: SolutionModel, def: FormSubgridDef, r: Relationship): XmlElement[] {
  return [
    text('TargetEntityType', logical(model.publisherPrefix, r.referencing.key)),
    text('ViewId', braced(viewId(def.view))),
    text('ViewIds', braced(viewId(def.view))),
    text('RelationshipName', r.name),
    text('RecordsPerPage', def.recordsPerPage),
    text('AutoExpand', 'Fixed'),
    text('EnableQuickFind', 'false'),
    text('EnableViewPicker', 'false'),
    text('EnableJumpBar', 'false'),
    text('ChartGridMode', 'Grid'),
    text('EnableChartPicker', 'false'),
  ];
}

/** A subgrid of related rows on this form, e.g. the job's timeline in its Progress section. */
function subgridCell(model: SolutionModel, table: TableDef, formKey: string, def: FormSubgridDef): XmlElement | undefined {
  const r = subgridRelationship(model, table, def);
  if (!r) return undefined;
  return el('row', {}, el('cell', { id: braced(stableId('form.cell', `${formKey}.${def.key}`)), showlabel: 'true', rowspan: 8, colspan: 1 },
    labels(def.label),
    el('control', { id: def.key, classid: CONTROL_CLASS.subgrid, indicationOfSubgrid: 'true', uniqueid: subgridControlId(formKey, def) },
      el('parameters', {}, subgridParameters(model, def, r)))));
}

const FORM_FACTORS = [0, 1, 2] as const;

/** Binds a built field PCF control to a column's cell, with its manifest properties bound to model columns. */
function fieldControlDescription(model: SolutionModel, table: TableDef, formKey: string, binding: FieldControlBinding, control: ControlBundle): XmlElement {
  const columnKey = binding.column;
  const params = Object.entries(binding.properties)
    .filter(([prop]) => control.properties.includes(prop))
    .map(([prop, key]) => text(prop, logical(model.publisherPrefix, key)));
  const column = table.columns.find((c) => c.key === columnKey)!;
  return el('controlDescription', { forControl: braced(stableId('form.control', `${formKey}.${columnKey}`)) },
    el('customControl', { id: controlClass(column) }, el('parameters', {}, text('datafieldname', logical(model.publisherPrefix, columnKey)))),
    FORM_FACTORS.map((formFactor) => el('customControl', { formFactor, name: control.name }, el('parameters', {}, params))));
}

/**
 * Hosts a built dataset PCF control in a subgrid, as the form designer exports it: the classic
 * subgrid's parameters first, then per form factor (web, tablet, phone) the control with its
 * `<data-set>` bound to the subgrid's view and relationship, and static values for its inputs.
 */
function datasetControlDescription(model: SolutionModel, table: TableDef, formKey: string, binding: DatasetControlBinding, control: ControlBundle): XmlElement | undefined {
  const layout = formLayouts.find((f) => f.table === table.key);
  const def = layout && layoutSubgrids(layout).find((s) => s.subgrid.key === binding.subgrid)?.subgrid;
  const r = def && subgridRelationship(model, table, def);
  if (!def || !r) return undefined;
  const view = braced(viewId(def.view));
  const inputs = Object.entries(binding.inputs).flatMap(([name, value]) => {
    const property = control.manifest.properties.find((p) => p.name === name && p.usage === 'input');
    return property ? [text(name, value, { static: 'true', type: property.types[0] })] : [];
  });
  return el('controlDescription', { forControl: subgridControlId(formKey, def) },
    el('customControl', { id: CONTROL_CLASS.subgrid }, el('parameters', {}, subgridParameters(model, def, r))),
    FORM_FACTORS.map((formFactor) => el('customControl', { formFactor, name: control.name }, el('parameters', {},
      el('data-set', { name: binding.dataSet },
        text('ViewId', view),
        text('IsUserView', 'false'),
        text('RelationshipName', r.name),
        text('TargetEntityType', logical(model.publisherPrefix, r.referencing.key)),
        text('FilteredViewIds', view),
        text('EnableViewPicker', 'false')),
      inputs))));
}

/** The main form of a table (Entities/<name>/FormXml/main/{id}.xml content). */
export function mainFormElement(model: SolutionModel, table: TableDef, controls: readonly ControlBundle[]): XmlElement {
  const p = model.publisherPrefix;
  const layout = formLayouts.find((f) => f.table === table.key)?.tabs ?? defaultLayout(table);
  const formKey = `${table.key}.main`;
  const bound = formControls.filter((b) => b.table === table.key).map((b) => ({ binding: b, control: controls.find((c) => c.constructorName === b.control) })).filter((b) => b.control);
  const controlDescriptions = bound.map(({ binding, control }) => (binding.kind === 'field'
    ? fieldControlDescription(model, table, formKey, binding, control!)
    : datasetControlDescription(model, table, formKey, binding, control!))).filter((d): d is XmlElement => d !== undefined);
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
      for (const def of section.subgrids ?? []) {
        const grid = subgridCell(model, table, formKey, def);
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
      controlDescriptions.length ? el('controlDescriptions', {}, controlDescriptions) : undefined,
      el('DisplayConditions', { Order: 0, FallbackForm: 'true' }, el('Everyone'))),
    text('IsCustomizable', true),
    text('CanBeDeleted', true),
    localizedNames(table.label),
    descriptions(`Main form for ${table.pluralLabel.toLowerCase()}, generated from core/model.`));
}
