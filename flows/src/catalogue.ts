import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { FlowCatalogueError } from './errors';

/** Where the shipped flows live: flows/definitions. */
export const DEFAULT_FLOWS_DIR = resolve(__dirname, '..', 'definitions');

export interface ConnectionReferenceDef {
  readonly logicalName: string;
  readonly displayName: string;
  readonly description: string;
  /** e.g. `/providers/Microsoft.PowerApps/apis/shared_commondataserviceforapps`. */
  readonly connectorId: string;
}

/** A cloud flow file in Power Automate's own format, with the catalogue's name for it. */
export interface FlowFile {
  /** PascalCase key, used for the solution file name and the flow's stable id. */
  readonly key: string;
  readonly name: string;
  readonly description: string;
  readonly file: string;
  /** The file's exact text, packed byte for byte. */
  readonly text: string;
  readonly document: FlowDocument;
}

export interface FlowDocument {
  readonly schemaVersion?: string;
  readonly properties?: {
    readonly connectionReferences?: Record<string, { connection?: { connectionReferenceLogicalName?: string }; api?: { name?: string } }>;
    readonly definition?: FlowDefinition;
  };
}

export interface FlowAction {
  readonly type?: string;
  readonly runAfter?: Record<string, string[]>;
  readonly inputs?: { host?: { connectionName?: string; operationId?: string; apiId?: string }; parameters?: Record<string, unknown> };
  readonly actions?: Record<string, FlowAction>;
  readonly else?: { actions?: Record<string, FlowAction> };
}

export interface FlowDefinition {
  readonly $schema?: string;
  readonly parameters?: Record<string, { type?: string; metadata?: { schemaName?: string } }>;
  readonly triggers?: Record<string, FlowAction>;
  readonly actions?: Record<string, FlowAction>;
}

export interface FlowCatalogue {
  readonly dir: string;
  readonly connectionReferences: readonly ConnectionReferenceDef[];
  readonly flows: readonly FlowFile[];
}

function readJson(file: string): unknown {
  if (!existsSync(file)) throw new FlowCatalogueError(file, 'file not found');
  try {
    return JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    throw new FlowCatalogueError(file, `not valid JSON (${(error as Error).message})`);
  }
}

const isString = (v: unknown): v is string => typeof v === 'string' && v.length > 0;

/** Reads catalogue.json and every flow it lists; a folder without a catalogue holds no flows. */
export function loadFlowCatalogue(dir: string = DEFAULT_FLOWS_DIR): FlowCatalogue {
  const cataloguePath = join(dir, 'catalogue.json');
  if (!existsSync(cataloguePath)) return { dir, connectionReferences: [], flows: [] };
  const raw = readJson(cataloguePath) as { connectionReferences?: unknown; flows?: unknown };
  if (!Array.isArray(raw.connectionReferences) || !Array.isArray(raw.flows)) throw new FlowCatalogueError(cataloguePath, 'needs "connectionReferences" and "flows" arrays');
  const connectionReferences = raw.connectionReferences.map((r: Record<string, unknown>, i: number) => {
    for (const field of ['logicalName', 'displayName', 'description', 'connectorId']) if (!isString(r[field])) throw new FlowCatalogueError(cataloguePath, `connectionReferences[${i}].${field} is missing`);
    return r as unknown as ConnectionReferenceDef;
  });
  const flows = raw.flows.map((f: Record<string, unknown>, i: number) => {
    for (const field of ['file', 'key', 'name', 'description']) if (!isString(f[field])) throw new FlowCatalogueError(cataloguePath, `flows[${i}].${field} is missing`);
    if (!/^[A-Za-z][A-Za-z0-9]*$/.test(f.key as string)) throw new FlowCatalogueError(cataloguePath, `flows[${i}].key "${String(f.key)}" must be letters and digits only`);
    const path = join(dir, f.file as string);
    const document = readJson(path) as FlowDocument;
    return { key: f.key, name: f.name, description: f.description, file: f.file, text: readFileSync(path, 'utf8'), document } as FlowFile;
  });
  return { dir, connectionReferences, flows };
}
