/** bot/resident: the resident pages (GOV.UK Frontend): the report form and the public status of a job. */
export { residentRoutes, createResidentRoutes, type ResidentOptions } from './resident-routes';
export { councilStylesheet } from './assets';
export { reportForm } from './report-form';
export { statusPage } from './status-page';
