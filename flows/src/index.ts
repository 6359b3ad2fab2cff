/** @wardline/flows: the shipped Power Automate cloud flows and their checker. */
export { DEFAULT_FLOWS_DIR, loadFlowCatalogue, type ConnectionReferenceDef, type FlowAction, type FlowCatalogue, type FlowDefinition, type FlowDocument, type FlowFile } from './catalogue';
export { checkFlow, checkFlows, WORKFLOW_SCHEMA, type FlowCheckModel, type FlowFinding } from './check';
export { FlowCatalogueError, FlowErrors } from './errors';
