import type { ChoiceKey } from './choices';
import type * as choiceDefs from './choices';
import type { ColumnDef } from './types';

/**
 * TypeScript row types inferred from the table declarations, so a column added to the model is a
 * typed field everywhere at once. Dates are ISO 8601 strings in UTC; lookups hold the target id.
 */

type ChoiceByName = {
  [K in keyof typeof choiceDefs as (typeof choiceDefs)[K] extends { name: infer N extends string } ? N : never]: (typeof choiceDefs)[K];
};

export type ColumnValue<C extends ColumnDef> = C extends { kind: 'string' | 'memo' | 'datetime' | 'lookup' }
  ? string
  : C extends { kind: 'integer' | 'float' }
    ? number
    : C extends { kind: 'boolean' }
      ? boolean
      : C extends { kind: 'choice'; choice: infer N extends keyof ChoiceByName }
        ? ChoiceKey<ChoiceByName[N]>
        : never;

type RequiredKeys<T extends { columns: readonly ColumnDef[] }> = Extract<T['columns'][number], { required: true } | { kind: 'boolean' }>['key'];

/** System columns every row has. */
export interface SystemColumns {
  id: string;
  createdOn: string;
  modifiedOn: string;
}

/** A stored row: required columns (and booleans, which always have a value) present, others nullable. */
export type Row<T extends { columns: readonly ColumnDef[] }> = SystemColumns & {
  [C in T['columns'][number] as C['key'] extends RequiredKeys<T> ? C['key'] : never]: ColumnValue<C>;
} & {
  [C in T['columns'][number] as C['key'] extends RequiredKeys<T> ? never : C['key']]: ColumnValue<C> | null;
};

/** Values for a new row: system columns and optional columns may be left out. */
export type NewRow<T extends { columns: readonly ColumnDef[] }> = Partial<SystemColumns> & {
  [C in T['columns'][number] as C['key'] extends RequiredKeys<T> ? (C extends { kind: 'boolean' } ? never : C['key']) : never]: ColumnValue<C>;
} & {
  [C in T['columns'][number] as C['key'] extends RequiredKeys<T> ? (C extends { kind: 'boolean' } ? C['key'] : never) : C['key']]?: ColumnValue<C> | null;
};
