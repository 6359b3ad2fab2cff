/** core/settings: the council's settings, read once from the model's environment variables. */
export type { CouncilSettings, SensitiveLocation, BankHolidayRegion, WorkingHours } from './council-settings';
export { readCouncilSettings } from './read-settings';
export type { SettingsSource } from './read-settings';
