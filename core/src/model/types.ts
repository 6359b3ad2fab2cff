/**
 * The shapes in which core/model declares Wardline's data. Everything else (Dataverse solution
 * XML, the SQLite schema, TypeScript row types, labels in cards and controls, docs) is derived
 * from declarations of these shapes, never restated by hand.
 */

/** One option of a choice (Dataverse option set). `key` is the code-facing name. */
export interface ChoiceOption {
  readonly key: string;
  /** Option value in Dataverse: publisher prefix 10457, so 104570000 upwards. */
  readonly value: number;
  readonly label: string;
  readonly description?: string;
}

export interface ChoiceDef {
  /** Global option set logical name, e.g. `wl_taskstatus`. */
  readonly name: string;
  readonly label: string;
  readonly description: string;
  readonly options: readonly ChoiceOption[];
}

interface ColumnBase {
  /** camelCase key used in code; the logical name is `wl_` + key in lower case. */
  readonly key: string;
  readonly label: string;
  readonly description: string;
  readonly required?: boolean;
  /** Personal data: hidden from councillors, volunteers and the public; covered by a column security profile. */
  readonly personal?: boolean;
  /** Audited in Dataverse (the table must be audited too). */
  readonly audited?: boolean;
}

export interface StringColumn extends ColumnBase {
  readonly kind: 'string';
  readonly maxLength: number;
  readonly format?: 'text' | 'email' | 'phone' | 'url';
}
export interface MemoColumn extends ColumnBase {
  readonly kind: 'memo';
  readonly maxLength: number;
  /** The text holds JSON (validated by the code that writes it). */
  readonly json?: boolean;
}
export interface IntegerColumn extends ColumnBase {
  readonly kind: 'integer';
  readonly min?: number;
  readonly max?: number;
}
export interface FloatColumn extends ColumnBase {
  readonly kind: 'float';
  readonly precision: number;
  readonly min?: number;
  readonly max?: number;
}
export interface BooleanColumn extends ColumnBase {
  readonly kind: 'boolean';
  readonly defaultValue: boolean;
}
export interface DateTimeColumn extends ColumnBase {
  readonly kind: 'datetime';
}
export interface ChoiceColumn extends ColumnBase {
  readonly kind: 'choice';
  /** Logical name of the global choice, e.g. `wl_taskstatus`. */
  readonly choice: string;
}
export interface LookupColumn extends ColumnBase {
  readonly kind: 'lookup';
  /** Key of the target table in `tables`, e.g. `task`. */
  readonly target: string;
  /** What happens to rows pointing here when the target row is deleted. */
  readonly onDelete?: 'removeLink' | 'restrict' | 'cascade';
}

export type ColumnDef =
  | StringColumn
  | MemoColumn
  | IntegerColumn
  | FloatColumn
  | BooleanColumn
  | DateTimeColumn
  | ChoiceColumn
  | LookupColumn;

export type ColumnKind = ColumnDef['kind'];

export interface AlternateKeyDef {
  /** Key name suffix; the logical name is `wl_` + table key + `_` + name. */
  readonly name: string;
  readonly label: string;
  readonly columns: readonly string[];
}

export interface TableDef {
  /** Code-facing key, e.g. `task`; the logical name is `wl_` + key. */
  readonly key: string;
  readonly label: string;
  readonly pluralLabel: string;
  readonly description: string;
  /** Key of the primary name column (a required string column). */
  readonly primaryName: string;
  readonly audited?: boolean;
  readonly columns: readonly ColumnDef[];
  readonly alternateKeys: readonly AlternateKeyDef[];
}

/** Privilege depths as Dataverse names them. */
export type PrivilegeDepth = 'none' | 'user' | 'businessUnit' | 'parentChildBusinessUnits' | 'organization';
export type PrivilegeName = 'create' | 'read' | 'write' | 'delete' | 'append' | 'appendTo' | 'assign' | 'share';
export type TablePrivileges = Partial<Record<PrivilegeName, PrivilegeDepth>>;

export interface RoleDef {
  readonly key: string;
  readonly name: string;
  readonly description: string;
  /** Privileges per table key; tables not listed get none. */
  readonly privileges: Readonly<Record<string, TablePrivileges>>;
  /** May this role read columns marked `personal`? */
  readonly readsPersonalData: boolean;
}

export type EnvironmentVariableType = 'string' | 'number' | 'boolean' | 'json' | 'secret';

export interface EnvironmentVariableDef {
  /** Schema name, e.g. `wl_CouncilName`. */
  readonly schemaName: string;
  readonly label: string;
  readonly description: string;
  readonly type: EnvironmentVariableType;
  /** Default used when the council sets no value (never shipped as a value file). */
  readonly defaultValue?: string;
  readonly required: boolean;
  /** Variable the service reads locally (process.env) when not running against Dataverse. */
  readonly localName: string;
}
