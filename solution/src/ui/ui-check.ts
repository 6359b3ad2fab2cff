import type { TableDef } from '@wardline/core/model';
import type { SolutionModel } from '../solution-model';
import { views } from './views';
import { formControls, formLayouts, layoutSubgrids } from './forms';
import { app } from './app';
import { serviceMaintainedColumns } from './columns';
import { SERVICE_URL_VARIABLE, WEBHOOK_UPDATE_COLUMNS } from '../generate/webhook';

/**
 * The app's views, forms and sitemap name model columns by key; this finds every one that no longer
 * exists (a renamed or removed column), so the build fails instead of shipping a broken view.
 */
export function checkUiDefinitions(model: SolutionModel): string[] {
  const problems: string[] = [];
  const table = (key: string, where: string): TableDef | undefined => {
    const found = model.tables.find((t) => t.key === key);
    if (!found) problems.push(`${where}: table "${key}" is not in core/model`);
    return found;
  };
  const column = (t: TableDef | undefined, key: string, where: string): void => {
    if (t && !t.columns.some((c) => c.key === key)) problems.push(`${where}: column "${key}" is not a column of ${t.key} in core/model`);
  };
  for (const view of views) {
    const t = table(view.table, `view "${view.name}"`);
    for (const c of view.columns) column(t, c, `view "${view.name}"`);
    column(t, view.orderBy.column, `view "${view.name}" order`);
    for (const cond of view.conditions) {
      if (cond.column === 'owningbusinessunit') continue;
      column(t, cond.column, `view "${view.name}" filter`);
      if ('choiceKeys' in cond && t) {
        const col = t.columns.find((c) => c.key === cond.column);
        const choice = col?.kind === 'choice' ? model.choices.find((ch) => ch.name === col.choice) : undefined;
        if (!choice) problems.push(`view "${view.name}" filter: column "${cond.column}" is not a choice`);
        else for (const k of cond.choiceKeys) if (!choice.options.some((o) => o.key === k)) problems.push(`view "${view.name}" filter: ${choice.name} has no option "${k}"`);
      }
    }
  }
  for (const layout of formLayouts) {
    const t = table(layout.table, `form for ${layout.table}`);
    const placed = layout.tabs.flatMap((tab) => tab.sections.flatMap((s) => s.columns));
    for (const c of placed) column(t, c, `form for ${layout.table}`);
    if (t) for (const c of t.columns) if (!placed.includes(c.key)) problems.push(`form for ${layout.table}: column "${c.key}" is not placed in any section`);
    for (const { subgrid } of layoutSubgrids(layout)) {
      const where = `form for ${layout.table} subgrid "${subgrid.key}"`;
      const child = table(subgrid.table, where);
      column(child, subgrid.column, where);
      const lookup = child?.columns.find((c) => c.key === subgrid.column);
      if (lookup && (lookup.kind !== 'lookup' || lookup.target !== layout.table)) problems.push(`${where}: column "${subgrid.column}" of ${subgrid.table} is not a lookup to ${layout.table}, so there is no relationship to show`);
      const viewTable = views.find((v) => v.key === subgrid.view)?.table ?? (subgrid.view === `${subgrid.table}.associated` ? subgrid.table : undefined);
      if (viewTable === undefined) problems.push(`${where}: view "${subgrid.view}" is not in ui/views.ts (or ${subgrid.table}.associated)`);
      else if (viewTable !== subgrid.table) problems.push(`${where}: view "${subgrid.view}" shows ${viewTable}, not ${subgrid.table}`);
    }
  }
  for (const binding of formControls) {
    const t = table(binding.table, `control ${binding.control}`);
    if (binding.kind === 'field') {
      column(t, binding.column, `control ${binding.control}`);
      for (const key of Object.values(binding.properties)) column(t, key, `control ${binding.control} property`);
    } else {
      const layout = formLayouts.find((f) => f.table === binding.table);
      if (t && !(layout && layoutSubgrids(layout).some((s) => s.subgrid.key === binding.subgrid))) problems.push(`control ${binding.control}: the form for ${binding.table} has no subgrid "${binding.subgrid}" to host it`);
    }
  }
  for (const area of app.areas) for (const group of area.groups) for (const key of group.tables) table(key, `app sitemap group "${group.label}"`);
  for (const [key, columns] of Object.entries(serviceMaintainedColumns())) for (const c of columns) column(table(key, 'service-maintained columns'), c, 'service-maintained columns');
  if (model.tables.some((t) => t.key === 'task')) {
    for (const c of WEBHOOK_UPDATE_COLUMNS) column(table('task', 'webhook'), c, 'webhook update columns');
    if (!model.environmentVariables.some((v) => v.schemaName === SERVICE_URL_VARIABLE)) problems.push(`webhook: environment variable ${SERVICE_URL_VARIABLE} is not in core/model, so nothing can set the service endpoint's URL`);
  }
  return problems;
}
