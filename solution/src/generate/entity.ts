import type { TableDef } from '@wardline/core/model';
import { el, text, type XmlElement } from '../xml';
import { descriptions, displaynames, localizedCollectionNames, localizedNames } from './labels';
import { attributeElement, primaryKeyElement } from './attributes';
import { logical, schema, type SolutionModel } from '../solution-model';

/** Web API entity set name: Dataverse appends `s` (`es` after s, x, ch, sh; `ies` after a consonant + y). */
export function entitySet(prefix: string, table: TableDef): string {
  const name = logical(prefix, table.key);
  if (/(s|x|ch|sh)$/.test(name)) return `${name}es`;
  if (/[^aeiou]y$/.test(name)) return `${name.slice(0, -1)}ies`;
  return `${name}s`;
}

const flags = (values: Record<string, boolean>): XmlElement[] => Object.entries(values).map(([name, value]) => text(name, value));

function entityKeys(model: SolutionModel, table: TableDef): XmlElement | undefined {
  if (table.alternateKeys.length === 0) return undefined;
  const p = model.publisherPrefix;
  return el('EntityKeys', {}, table.alternateKeys.map((key) =>
    el('EntityKey', {},
      text('Name', `${logical(p, table.key)}_${key.name.toLowerCase()}`),
      text('LogicalName', `${logical(p, table.key)}_${key.name.toLowerCase()}`),
      text('IntroducedVersion', '1.0.0.0'),
      text('IsCustomizable', true),
      displaynames(key.label),
      el('EntityKeyAttributes', {}, key.columns.map((c) => text('AttributeName', logical(p, c)))))));
}

/** The `<Entity>` of Entity.xml: names, settings, every column and the alternate keys. */
export function entityElement(model: SolutionModel, table: TableDef): XmlElement {
  const p = model.publisherPrefix;
  const schemaName = schema(p, table.key);
  return el('Entity', {},
    text('Name', schemaName, { LocalizedName: table.label, OriginalName: table.label }),
    el('EntityInfo', {},
      el('entity', { Name: schemaName },
        localizedNames(table.label),
        localizedCollectionNames(table.pluralLabel),
        descriptions(table.description),
        el('attributes', {}, primaryKeyElement(model, table), table.columns.map((c) => attributeElement(model, table, c))),
        text('EntitySetName', entitySet(p, table)),
        ...flags({ IsDuplicateCheckSupported: false, IsBusinessProcessEnabled: false, IsRequiredOffline: false, IsInteractionCentricEnabled: false, IsCollaboration: false, AutoRouteToOwnerQueue: false, IsConnectionsEnabled: false }),
        text('OwnershipTypeMask', 'UserOwned'),
        text('IsAuditEnabled', Boolean(table.audited)),
        ...flags({ IsActivity: false, IsActivityParty: false, IsReplicated: false, IsReplicationUserFiltered: false, IsMailMergeEnabled: false, IsVisibleInMobile: true, IsVisibleInMobileClient: true, IsReadOnlyInMobileClient: false, IsOfflineInMobileClient: false }),
        text('DaysSinceRecordLastModified', 0),
        text('MobileOfflineFilters', ''),
        ...flags({ IsMapiGridEnabled: true, IsReadingPaneEnabled: true, IsQuickCreateEnabled: false, SyncToExternalSearchIndex: false }),
        text('IntroducedVersion', '1.0.0.0'),
        ...flags({ IsCustomizable: true, IsRenameable: true, IsMappable: true, CanModifyAuditSettings: true, CanModifyMobileVisibility: true, CanModifyMobileClientVisibility: true, CanModifyMobileClientReadOnly: true, CanModifyMobileClientOffline: true, CanModifyConnectionSettings: true, CanModifyDuplicateDetectionSettings: true, CanModifyMailMergeSettings: true, CanModifyQueueSettings: true, CanCreateAttributes: true, CanCreateForms: true, CanCreateCharts: true, CanCreateViews: true, CanModifyAdditionalSettings: true, CanEnableSyncToExternalSearchIndex: true, EnforceStateTransitions: false, CanChangeHierarchicalRelationship: true, EntityHelpUrlEnabled: false, ChangeTrackingEnabled: true, CanChangeTrackingBeEnabled: true, IsEnabledForExternalChannels: false, IsSLAEnabled: false, IsKnowledgeManagementEnabled: false, IsDocumentRecommendationsEnabled: false, IsBPFEntity: false, IsOneNoteIntegrationEnabled: false }),
        entityKeys(model, table))));
}
