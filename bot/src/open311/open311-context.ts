import type { Logger } from 'pino';
import type { ApiKey, CouncilSettings, Store, TaskService } from '@wardline/core';
import type { MediaStore } from '../intake/media-store';
import type { ApiKeyRegistry } from './api-keys';
import type { Open311Config } from './open311-config';
import type { RateLimiter } from './rate-limit';
import type { FormFields } from './parse-form';
import type { ServiceCatalogue } from './service-catalogue';
import type { Format } from './wire';

/** What every Open311 handler is given. */
export interface Open311Context {
  store: Store;
  settings: CouncilSettings;
  logger: Logger;
  clock: () => Date;
  config: Open311Config;
  keys: ApiKeyRegistry;
  limiter: RateLimiter;
  media: MediaStore;
  tasks(): Promise<TaskService>;
  catalogue(): Promise<ServiceCatalogue>;
}

/** One Open311 call: the format asked for, the path's id (if any), the fields (query and body) and the client. */
export interface Open311Call {
  format: Format;
  id?: string;
  fields: FormFields;
  /** Photos uploaded with a multipart POST, already stored. */
  uploadedMedia: string[];
  client?: ApiKey;
  log: Logger;
}
