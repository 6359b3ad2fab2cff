/** bot/cards: Wardline's Adaptive Cards (1.5, Universal Actions), built from core's model and redaction. */
export * from './adaptive-card';
export * from './card-actions';
export { formatWhen, mapLink, escapeMarkdown, clip } from './card-format';
export { jobLink, JOBS_TAB_ENTITY_ID, type CardLinks } from './card-links';
export { MAX_CARD_BYTES, MAX_ACTIONS, MAX_REFRESH_USERS, cardBytes, cardLimitProblems } from './card-limits';
export { allowedJobVerbs } from './job-verbs';
export { buildJobCard, type JobCardInput, type CardNotice } from './job-card';
export { buildNoticeCard } from './notice-card';
export { buildWelcomeCard } from './welcome-card';
export { buildCouncillorCard, councillorEvents, preferencesAction } from './councillor-card';
export { buildSupervisorAlertCard, type SupervisorAlert } from './supervisor-alert-card';
export { buildJobListCard } from './job-list-card';
