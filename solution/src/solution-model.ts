import type { ChoiceDef, EnvironmentVariableDef, RoleDef, TableDef } from '@wardline/core/model';

/** What the generator reads: core/model's `model` object, or a variation of it in tests. */
export interface SolutionModel {
  readonly publisherPrefix: string;
  readonly tables: readonly TableDef[];
  readonly choices: readonly ChoiceDef[];
  readonly roles: readonly RoleDef[];
  readonly environmentVariables: readonly EnvironmentVariableDef[];
}

/** Dataverse limits the generator enforces before writing anything. */
export const LIMITS = { tableName: 50, columnName: 50, schemaName: 100, optionValueMin: 104570000, optionValueMax: 104579999 } as const;

/** Logical name of a table or column key under a prefix: Dataverse logical names are lower case. */
export const logical = (prefix: string, key: string): string => `${prefix}_${key.toLowerCase()}`;
/** Schema name: prefix + key with an initial capital (what makers see). */
export const schema = (prefix: string, key: string): string => `${prefix}_${key.charAt(0).toUpperCase()}${key.slice(1)}`;
