export { renderDataModelDoc, GENERATED_NOTICE } from './data-model-doc';
export { renderErrorsDoc, type ErrorCatalogue } from './errors-doc';
