import type { TableDef } from '@wardline/core/model';
import type { SolutionModel } from '../solution-model';
import type { ControlBundle } from '../generate/controls';
import { attributeElement } from '../generate/attributes';
import { pcfTypeOfAttribute } from '../generate/control-manifest';
import { firstChild, textOf } from '../xml';
import { formControls } from './forms';

/** The PCF type a model column binds to, read from the attribute the solution generates for it. */
export function pcfTypeOfColumn(model: SolutionModel, table: TableDef, key: string): string | undefined {
  const column = table.columns.find((c) => c.key === key);
  if (!column) return undefined;
  const attribute = attributeElement(model, table, column);
  return pcfTypeOfAttribute(textOf(firstChild(attribute, 'Type')) ?? '', textOf(firstChild(attribute, 'Format')));
}

/**
 * Checks the job form's control bindings against the manifests of the controls pcf-controls/ built:
 * a dataset control (one with a `<data-set>`) only on a subgrid and through a data-set it declares;
 * a field control only on a column, each bound property on a column of a type it accepts, and
 * every required bound property bound. Controls that were not built are skipped (the solution
 * builds without them).
 */
export function checkControlBindings(model: SolutionModel, controls: readonly ControlBundle[]): string[] {
  const problems: string[] = [];
  for (const binding of formControls) {
    const control = controls.find((c) => c.constructorName === binding.control);
    const table = model.tables.find((t) => t.key === binding.table);
    if (!control || !table) continue;
    const where = `${control.name} on the ${table.label.toLowerCase()} form`;
    const { manifest } = control;
    if (binding.kind === 'dataset') {
      if (manifest.dataSets.length === 0) problems.push(`${where}: it is a field control (its manifest has no <data-set>), so it cannot host subgrid "${binding.subgrid}"; bind it to a column`);
      else if (!manifest.dataSets.some((d) => d.name === binding.dataSet)) problems.push(`${where}: its manifest has no data-set "${binding.dataSet}" (it has ${manifest.dataSets.map((d) => `"${d.name}"`).join(', ')})`);
      for (const [name, value] of Object.entries(binding.inputs)) {
        const property = manifest.properties.find((p) => p.name === name);
        if (property && property.usage !== 'input') problems.push(`${where}: property "${name}" is ${property.usage}, so it cannot take the static value ${value}`);
      }
      continue;
    }
    if (manifest.dataSets.length > 0) {
      problems.push(`${where}: it is a dataset control (its manifest has data-set "${manifest.dataSets[0].name}"), so it must sit on a subgrid, not on column "${binding.column}"`);
      continue;
    }
    const mapped = Object.entries(binding.properties).filter(([prop]) => manifest.properties.some((p) => p.name === prop));
    for (const [prop, key] of mapped) {
      const property = manifest.properties.find((p) => p.name === prop)!;
      if (property.usage !== 'bound') { problems.push(`${where}: property "${prop}" is ${property.usage}, not bound, so it cannot be bound to column "${key}"`); continue; }
      const type = pcfTypeOfColumn(model, table, key);
      if (!type || !property.types.includes(type)) problems.push(`${where}: property "${prop}" takes ${property.types.join(' or ')}, but column "${key}" is ${type ?? 'a type no control can bind'}`);
    }
    if (!mapped.some(([, key]) => key === binding.column)) problems.push(`${where}: none of its properties is bound to column "${binding.column}", the cell it sits on`);
    for (const property of manifest.properties) {
      if (property.usage === 'bound' && property.required && !mapped.some(([prop]) => prop === property.name)) problems.push(`${where}: required property "${property.name}" is not bound to any column`);
    }
  }
  return problems;
}
