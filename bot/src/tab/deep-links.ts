/** The tab's stable address of a job, for cards and messages: `/tab/#/jobs/WL-26-000123`. */
export const JOB_DEEP_LINK_PATTERN = '/tab/#/jobs/:reference';

export const jobDeepLink = (serviceUrl: string, reference: string): string => `${serviceUrl.replace(/\/$/, '')}/tab/#/jobs/${encodeURIComponent(reference)}`;
