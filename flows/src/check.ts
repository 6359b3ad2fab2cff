import { choices as modelChoices, environmentVariables as modelVariables, logicalName, schemaName, entitySetName, tables as modelTables, type ChoiceDef, type EnvironmentVariableDef, type TableDef } from '@wardline/core/model';
import type { FlowAction, FlowCatalogue, FlowFile } from './catalogue';

/** One thing wrong with a flow, naming the file and where in it. */
export interface FlowFinding {
  readonly file: string;
  readonly where: string;
  readonly message: string;
}

export interface FlowCheckModel {
  readonly tables: readonly TableDef[];
  readonly choices: readonly ChoiceDef[];
  readonly environmentVariables: readonly EnvironmentVariableDef[];
}

export const WORKFLOW_SCHEMA = 'https://schema.management.azure.com/providers/Microsoft.Logic/schemas/2016-06-01/workflowdefinition.json#';
/** Platform tables the shipped flows may touch besides Wardline's own. */
const SYSTEM_ENTITY_SETS = new Set(['environmentvariabledefinitions', 'environmentvariablevalues', 'serviceendpoints', 'systemusers']);
const SYSTEM_ENTITIES = new Set(['environmentvariabledefinition', 'environmentvariablevalue', 'serviceendpoint', 'systemuser']);
const DATAVERSE_OPERATIONS = new Set(['ListRecords', 'GetItem', 'UpdateRecord', 'CreateRecord', 'DeleteRecord', 'SubscribeWebhookTrigger']);

/** Every action and trigger, with its path, walking into scopes, conditions and loops. */
function* allSteps(steps: Record<string, FlowAction> | undefined, path: string): Generator<[string, string, FlowAction, Record<string, FlowAction>]> {
  for (const [name, step] of Object.entries(steps ?? {})) {
    yield [`${path}/${name}`, name, step, steps!];
    yield* allSteps(step.actions, `${path}/${name}`);
    yield* allSteps(step.else?.actions, `${path}/${name}/else`);
  }
}

function strings(value: unknown, out: string[] = []): string[] {
  if (typeof value === 'string') out.push(value);
  else if (Array.isArray(value)) value.forEach((v) => strings(v, out));
  else if (value && typeof value === 'object') Object.values(value).forEach((v) => strings(v, out));
  return out;
}

function checkDataverseParameters(model: FlowCheckModel, step: FlowAction, add: (message: string) => void): void {
  const params = step.inputs?.parameters ?? {};
  const operation = step.inputs?.host?.operationId ?? '';
  if (!DATAVERSE_OPERATIONS.has(operation)) add(`uses Dataverse operation "${operation}", which the checker does not know`);
  if (operation === 'SubscribeWebhookTrigger') {
    const entity = String(params['subscriptionRequest/entityname'] ?? '');
    if (!SYSTEM_ENTITIES.has(entity) && !model.tables.some((t) => logicalName(t.key) === entity)) add(`trigger table "${entity}" is neither a Wardline table nor an allowed platform table`);
    if (![1, 2, 3, 4, 5, 6, 7].includes(Number(params['subscriptionRequest/message']))) add('subscriptionRequest/message must be 1 (added), 3 (modified), 4 (added or modified) or another documented code');
    return;
  }
  const set = String(params.entityName ?? '');
  const table = model.tables.find((t) => entitySetName(t) === set);
  if (!table && !SYSTEM_ENTITY_SETS.has(set)) add(`entityName "${set}" is neither a Wardline table's entity set nor an allowed platform table`);
  if (!table) return;
  const columns = new Set(table.columns.map((c) => logicalName(c.key)));
  const lookups = new Set(table.columns.filter((c) => c.kind === 'lookup').map((c) => `_${logicalName(c.key)}_value`));
  for (const column of String(params.$select ?? '').split(',').map((c) => c.trim()).filter(Boolean)) {
    if (!columns.has(column) && !lookups.has(column)) add(`$select names "${column}", which ${logicalName(table.key)} does not have`);
  }
  for (const expand of String(params.$expand ?? '').matchAll(/([A-Za-z_]+)\(/g)) {
    if (!table.columns.some((c) => c.kind === 'lookup' && schemaName(c.key) === expand[1])) add(`$expand names "${expand[1]}", which is not a lookup of ${logicalName(table.key)}`);
  }
  for (const match of String(params.$filter ?? '').matchAll(/\b(wl_[a-z0-9_]+) eq (\d{9})\b/g)) {
    const column = table.columns.find((c) => logicalName(c.key) === match[1]);
    const choice = column?.kind === 'choice' ? model.choices.find((c) => c.name === column.choice) : undefined;
    if (!choice) add(`$filter compares "${match[1]}" with a choice value, but it is not a choice column`);
    else if (!choice.options.some((o) => o.value === Number(match[2]))) add(`$filter uses ${match[2]}, which is not an option of ${choice.name}`);
  }
}

/** Checks one flow against its catalogue and the model; an empty list means it is sound. */
export function checkFlow(flow: FlowFile, catalogue: FlowCatalogue, model: FlowCheckModel = { tables: modelTables, choices: modelChoices, environmentVariables: modelVariables }): FlowFinding[] {
  const findings: FlowFinding[] = [];
  const add = (where: string, message: string) => findings.push({ file: flow.file, where, message });
  const doc = flow.document;
  if (doc.schemaVersion !== '1.0.0.0') add('schemaVersion', 'must be "1.0.0.0"');
  const definition = doc.properties?.definition;
  if (!definition) { add('properties.definition', 'is missing'); return findings; }
  if (definition.$schema !== WORKFLOW_SCHEMA) add('properties.definition.$schema', `must be ${WORKFLOW_SCHEMA}`);
  if (Object.keys(definition.triggers ?? {}).length !== 1) add('properties.definition.triggers', 'a cloud flow has exactly one trigger');
  if (Object.keys(definition.actions ?? {}).length === 0) add('properties.definition.actions', 'has no actions');

  const references = doc.properties?.connectionReferences ?? {};
  for (const [key, ref] of Object.entries(references)) {
    const logical = ref.connection?.connectionReferenceLogicalName;
    const def = catalogue.connectionReferences.find((c) => c.logicalName === logical);
    if (!def) add(`properties.connectionReferences.${key}`, `connection reference "${logical}" is not in catalogue.json`);
    else if (!def.connectorId.endsWith(`/${ref.api?.name}`)) add(`properties.connectionReferences.${key}`, `api "${ref.api?.name}" does not match connector ${def.connectorId}`);
  }

  const parameters = definition.parameters ?? {};
  for (const [name, param] of Object.entries(parameters)) {
    const schema = param.metadata?.schemaName;
    if (schema && !model.environmentVariables.some((v) => v.schemaName === schema)) add(`properties.definition.parameters.${name}`, `environment variable ${schema} is not declared in core/model`);
  }
  for (const text of strings(definition)) {
    for (const match of text.matchAll(/parameters\('([^']+)'\)/g)) if (!(match[1] in parameters)) add('properties.definition', `uses parameters('${match[1]}'), which the definition does not declare`);
  }

  for (const [path, , step, siblings] of [...allSteps(definition.triggers, 'triggers'), ...allSteps(definition.actions, 'actions')]) {
    for (const previous of Object.keys(step.runAfter ?? {})) if (!(previous in siblings)) add(path, `runs after "${previous}", which is not a step at the same level`);
    const connection = step.inputs?.host?.connectionName;
    if (connection === undefined) continue;
    if (!(connection in references)) add(path, `uses connection "${connection}", which properties.connectionReferences does not declare`);
    if (connection === 'shared_commondataserviceforapps') checkDataverseParameters(model, step, (message) => add(path, message));
  }
  return findings;
}

/** Checks every flow in the catalogue, and that no two share a key or name. */
export function checkFlows(catalogue: FlowCatalogue, model?: FlowCheckModel): FlowFinding[] {
  const findings = catalogue.flows.flatMap((f) => checkFlow(f, catalogue, model));
  const seen = new Set<string>();
  for (const flow of catalogue.flows) {
    if (seen.has(flow.key)) findings.push({ file: 'catalogue.json', where: flow.key, message: 'two flows share this key' });
    seen.add(flow.key);
  }
  return findings;
}
