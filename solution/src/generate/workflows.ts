import type { ConnectionReferenceDef, FlowFile } from '@wardline/flows';
import { braced, stableId } from '../ids';
import { el, text, type XmlElement } from '../xml';

export const flowId = (flow: FlowFile): string => stableId('workflow', flow.key);

/** `Workflows/<Key>-<GUID>.json`, as the maker portal names exported flows. */
export const flowFileName = (flow: FlowFile): string => `Workflows/${flow.key}-${flowId(flow).toUpperCase()}.json`;

/**
 * The `<Workflow>` entry of a cloud flow (category 5 = modern flow). StateCode 0 / StatusCode 1
 * is Draft: every flow arrives turned off, so nothing runs until the council connects it and
 * turns it on.
 */
export function workflowElement(flow: FlowFile): XmlElement {
  return el('Workflow', { WorkflowId: braced(flowId(flow)), Name: flow.name, Description: flow.description },
    text('JsonFileName', `/${flowFileName(flow)}`),
    text('Type', 1),
    text('Subprocess', false),
    text('Category', 5),
    text('Mode', 0),
    text('Scope', 4),
    text('OnDemand', false),
    text('TriggerOnCreate', false),
    text('TriggerOnDelete', false),
    text('AsyncAutodelete', false),
    text('SyncWorkflowLogOnFailure', false),
    text('StateCode', 0),
    text('StatusCode', 1),
    text('RunAs', 1),
    text('IsTransacted', true),
    text('IntroducedVersion', '1.0.0.0'),
    text('IsCustomizable', true),
    text('BusinessProcessType', 0),
    text('IsCustomProcessingStepAllowedForOtherPublishers', true),
    text('PrimaryEntity', 'none'),
    el('LocalizedNames', {}, el('LocalizedName', { languagecode: 1033, description: flow.name })),
    el('Descriptions', {}, el('Description', { languagecode: 1033, description: flow.description })));
}

/** A connection reference: the flow names it, the council binds it to a connection on import. */
export function connectionReferenceElement(ref: ConnectionReferenceDef): XmlElement {
  return el('connectionreference', { connectionreferencelogicalname: ref.logicalName },
    text('connectionreferencedisplayname', ref.displayName),
    text('connectorid', ref.connectorId),
    text('description', ref.description),
    text('iscustomizable', true),
    text('promptingbehavior', 0),
    text('statecode', 0),
    text('statuscode', 1));
}
