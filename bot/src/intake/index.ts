/** bot/intake: web-form and sensor webhooks (/api/intake/:source), the shared task service and report photos. */
export { intakeRoutes, createIntakeRoutes, INTAKE_LIMIT, type IntakeOptions } from './intake-routes';
export { loadIntakeSources, DEFAULT_SOURCES_DIR } from './load-sources';
export { readSourceDefinition, JOB_FIELDS, type SourceDefinition, type FieldRule, type SignatureRule, type SensorRule } from './source-definition';
export { sign, verifyPost, ReplayGuard } from './signature';
export { IntakeError, IntakeErrors } from './intake-errors';
export { sharedTaskService, forgetTaskService } from './shared-task-service';
export { MediaStore, mediaStoreFor, MediaError, MediaErrors, type StoredMedia } from './media-store';
