import type { ColumnDef } from '@wardline/core/model';

/** Classic form control class ids Dataverse uses for each column type (the platform's built-in controls). */
export const CONTROL_CLASS = {
  text: '{4273EDBD-AC1D-40d3-9FB2-095C621B552D}',
  email: '{ADA2203E-B4CD-49be-9DDF-234642B43B52}',
  url: '{71716B6C-711E-476c-8AB8-5D11542BFB47}',
  phone: '{8C10015A-B339-4982-9474-A95FE05631A5}',
  memo: '{E0DECE4B-6FC8-4a8f-A065-082708572369}',
  integer: '{C6D124CA-7EDA-4a60-AEA9-7FB8D318B68F}',
  float: '{0D2C745A-E5A8-4c8f-BA63-C6D3BB604660}',
  decimal: '{C3EFE0C3-0EC6-42be-8349-CBD9079DFD8E}',
  boolean: '{67FAC785-CD58-4f9f-ABB3-4B7DDC6ED5ED}',
  datetime: '{5B773807-9FB2-42db-97C3-7A91EFF8ADFF}',
  choice: '{3EF39988-22BB-4f0b-BBBE-64B5A3748AEE}',
  lookup: '{270BD3DB-D9AF-4782-9025-509E298DEC0A}',
  subgrid: '{E7A81278-8635-4d9e-8D4D-59480B391C5B}',
} as const;

export function controlClass(column: ColumnDef): string {
  if (column.kind === 'string') return CONTROL_CLASS[column.format === 'email' || column.format === 'url' || column.format === 'phone' ? column.format : 'text'];
  if (column.kind === 'float' && column.precision > 5) return CONTROL_CLASS.decimal;
  return CONTROL_CLASS[column.kind];
}
