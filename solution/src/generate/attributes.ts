import type { ColumnDef, TableDef } from '@wardline/core/model';
import { el, text, type XmlElement } from '../xml';
import { descriptions, displaynames, labels } from './labels';
import { logical, schema, type SolutionModel } from '../solution-model';
import { isServiceMaintained } from '../ui/columns';

const FORMATS: Record<string, string> = { text: 'text', email: 'email', phone: 'phone', url: 'url' };

/** Requirement level: required in the model, unless the Wardline service fills the column itself. */
function requiredLevel(table: TableDef, column: ColumnDef): string {
  if (!column.required) return 'none';
  return isServiceMaintained(table.key, column.key) ? 'none' : 'required';
}

function typeSpecific(prefix: string, table: TableDef, column: ColumnDef): XmlElement[] {
  switch (column.kind) {
    case 'string':
      return [text('Type', 'nvarchar'), text('Format', FORMATS[column.format ?? 'text']), text('MaxLength', column.maxLength), text('Length', column.maxLength * 2)];
    case 'memo':
      return [text('Type', 'ntext'), text('Format', column.json ? 'json' : 'textarea'), text('MaxLength', column.maxLength)];
    case 'integer':
      return [text('Type', 'int'), text('Format', 'none'), text('MinValue', column.min ?? -2147483648), text('MaxValue', column.max ?? 2147483647)];
    case 'float':
      // Dataverse Float keeps at most 5 decimal places; more (6 for ~0.1 m lat/lon) needs Decimal.
      return [text('Type', column.precision > 5 ? 'decimal' : 'float'), text('MinValue', column.min ?? -100000000000), text('MaxValue', column.max ?? 100000000000), text('Accuracy', column.precision), text('AccuracySource', 0)];
    case 'boolean':
      return [
        text('Type', 'bit'),
        text('AppDefaultValue', column.defaultValue ? 1 : 0),
        el('optionset', { Name: `${logical(prefix, table.key)}_${logical(prefix, column.key)}` },
          text('OptionSetType', 'bit'),
          text('IntroducedVersion', '1.0.0.0'),
          text('IsCustomizable', true),
          displaynames(column.label),
          descriptions(column.description),
          el('options', {},
            el('option', { value: 0 }, labels('No')),
            el('option', { value: 1 }, labels('Yes')))),
      ];
    case 'datetime':
      return [text('Type', 'datetime'), text('Format', 'datetime'), text('Behavior', 1), text('CanChangeDateTimeBehavior', true)];
    case 'choice':
      return [text('Type', 'picklist'), text('AppDefaultValue', -1), text('OptionSetName', column.choice)];
    case 'lookup':
      return [text('Type', 'lookup'), text('LookupStyle', 'single')];
  }
}

/** One `<attribute>` of Entity.xml, derived from a model column. */
export function attributeElement(model: SolutionModel, table: TableDef, column: ColumnDef): XmlElement {
  const p = model.publisherPrefix;
  const name = logical(p, column.key);
  const isPrimaryName = column.key === table.primaryName;
  return el('attribute', { PhysicalName: schema(p, column.key) },
    ...typeSpecific(p, table, column),
    text('Name', name),
    text('LogicalName', name),
    text('RequiredLevel', isPrimaryName ? 'required' : requiredLevel(table, column)),
    text('ImeMode', 'auto'),
    text('ValidForUpdateApi', true),
    text('ValidForReadApi', true),
    text('ValidForCreateApi', true),
    text('IsCustomField', true),
    text('IsAuditEnabled', Boolean(table.audited || column.audited)),
    text('IsSecured', Boolean(column.personal)),
    text('IntroducedVersion', '1.0.0.0'),
    text('IsCustomizable', true),
    text('IsRenameable', true),
    text('CanModifySearchSettings', true),
    text('CanModifyRequirementLevelSettings', true),
    text('CanModifyAdditionalSettings', true),
    text('SourceType', 0),
    text('IsGlobalFilterEnabled', false),
    text('IsSortableEnabled', false),
    text('CanModifyGlobalFilterSettings', true),
    text('CanModifyIsSortableSettings', true),
    text('IsDataSourceSecret', false),
    text('CanModifyFieldLevelSecuritySettings', true),
    displaynames(column.label),
    descriptions(column.description));
}

/** The primary key column every table has (`wl_taskid`). */
export function primaryKeyElement(model: SolutionModel, table: TableDef): XmlElement {
  const name = `${logical(model.publisherPrefix, table.key)}id`;
  return el('attribute', { PhysicalName: `${schema(model.publisherPrefix, table.key)}Id` },
    text('Type', 'primarykey'),
    text('Name', name),
    text('LogicalName', name),
    text('RequiredLevel', 'systemrequired'),
    text('ValidForUpdateApi', false),
    text('ValidForReadApi', true),
    text('ValidForCreateApi', true),
    text('IsCustomField', false),
    text('IsAuditEnabled', false),
    text('IsSecured', false),
    text('IntroducedVersion', '1.0.0.0'),
    text('IsCustomizable', false),
    text('IsRenameable', false),
    text('CanModifySearchSettings', false),
    text('CanModifyRequirementLevelSettings', false),
    text('CanModifyAdditionalSettings', false),
    text('SourceType', 0),
    displaynames(table.label),
    descriptions(`Unique identifier for ${table.label.toLowerCase()} rows.`));
}
