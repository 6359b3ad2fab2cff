import type { PersonRole } from '../model';

/** Who is looking at a job: the four roles of the model, and the public (residents, Open311). */
export type Audience = PersonRole | 'public';

export const audiences: readonly Audience[] = ['officer', 'supervisor', 'councillor', 'volunteer', 'public'];
