import type { LookupColumn, TableDef } from '@wardline/core/model';
import { el, text, type XmlElement } from '../xml';
import { descriptions } from './labels';
import { logical, schema, type SolutionModel } from '../solution-model';

export interface Relationship {
  readonly name: string;
  readonly referencing: TableDef;
  readonly referenced: TableDef;
  readonly column: LookupColumn;
}

const CASCADE_DELETE = { removeLink: 'RemoveLink', restrict: 'Restrict', cascade: 'Cascade' } as const;

/** One one-to-many relationship per lookup column, named `<table>_<column>` (e.g. `wl_task_tasktype`). */
export function relationships(model: SolutionModel): Relationship[] {
  const out: Relationship[] = [];
  for (const table of model.tables) {
    for (const column of table.columns) {
      if (column.kind !== 'lookup') continue;
      const referenced = model.tables.find((t) => t.key === column.target);
      if (!referenced) continue;
      out.push({ name: `${logical(model.publisherPrefix, table.key)}_${column.key.toLowerCase()}`, referencing: table, referenced, column });
    }
  }
  return out;
}

export function relationshipElement(model: SolutionModel, r: Relationship): XmlElement {
  const p = model.publisherPrefix;
  return el('EntityRelationship', { Name: r.name },
    text('EntityRelationshipType', 'OneToMany'),
    text('IsCustomizable', true),
    text('IntroducedVersion', '1.0.0.0'),
    text('IsHierarchical', false),
    text('ReferencingEntityName', schema(p, r.referencing.key)),
    text('ReferencedEntityName', schema(p, r.referenced.key)),
    text('CascadeAssign', 'NoCascade'),
    text('CascadeDelete', CASCADE_DELETE[r.column.onDelete ?? 'removeLink']),
    text('CascadeReparent', 'NoCascade'),
    text('CascadeShare', 'NoCascade'),
    text('CascadeUnshare', 'NoCascade'),
    text('CascadeRollupView', 'NoCascade'),
    text('IsValidForAdvancedFind', true),
    text('ReferencingAttributeName', schema(p, r.column.key)),
    el('RelationshipDescription', {}, descriptions(r.column.description)),
    el('EntityRelationshipRoles', {},
      el('EntityRelationshipRole', {},
        text('NavPaneDisplayOption', 'UseCollectionName'),
        text('NavPaneArea', 'Details'),
        text('NavPaneOrder', 10000),
        text('NavigationPropertyName', schema(p, r.column.key)),
        text('RelationshipRoleType', 1)),
      el('EntityRelationshipRole', {},
        text('NavigationPropertyName', r.name),
        text('RelationshipRoleType', 0))));
}
