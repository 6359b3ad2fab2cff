import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { IntakeError, IntakeErrors } from './intake-errors';
import { readSourceDefinition, type SourceDefinition } from './source-definition';

/** The shipped examples and the council's own definitions: bot/intake-sources, or WARDLINE_INTAKE_SOURCES. */
export const DEFAULT_SOURCES_DIR = path.resolve(__dirname, '../../intake-sources');

/** Reads and checks every *.json source definition in a folder; the first problem stops start-up, naming file and field. */
export function loadIntakeSources(directory: string): Map<string, SourceDefinition> {
  const sources = new Map<string, SourceDefinition>();
  if (!existsSync(directory)) return sources;
  for (const name of readdirSync(directory).filter((f) => f.endsWith('.json')).sort()) {
    const file = path.join(directory, name);
    let raw: unknown;
    try {
      raw = JSON.parse(readFileSync(file, 'utf8'));
    } catch (error) {
      throw new IntakeError(500, IntakeErrors.BadDefinition, { file, path: '$', problem: `is not valid JSON (${(error as Error).message})` });
    }
    const definition = readSourceDefinition(file, raw);
    if (sources.has(definition.source)) throw new IntakeError(500, IntakeErrors.BadDefinition, { file, path: 'source', problem: `"${definition.source}" is also defined in ${sources.get(definition.source)?.file}` });
    sources.set(definition.source, definition);
  }
  return sources;
}
