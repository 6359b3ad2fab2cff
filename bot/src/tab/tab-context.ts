import type { TaskService } from '@wardline/core';
import type { Request } from 'express';
import type { Authenticator, Viewer } from '../identity';
import type { MediaStore } from '../intake/media-store';
import type { ServiceDeps } from '../server/route-module';
import type { Directory } from './directory';

/** What the tab's handlers share. */
export interface TabContext extends ServiceDeps {
  auth: Authenticator;
  tasks: () => Promise<TaskService>;
  directory: () => Promise<Directory>;
  media: MediaStore;
}

/** The signed-in person of a request (401/403 IdentityError otherwise). */
export const viewerOf = (context: TabContext, request: Request): Promise<Viewer> => context.auth.authenticate(request.headers.authorization);
