import type { TaskUpdate, Visibility } from '../model';
import type { Audience } from './audience';

/** Timeline visibilities each audience reads. */
const readable: Record<Audience, readonly Visibility[]> = {
  officer: ['internal', 'councillor', 'public'],
  supervisor: ['internal', 'councillor', 'public'],
  councillor: ['councillor', 'public'],
  volunteer: ['public'],
  public: ['public'],
};

/**
 * The timeline entries an audience may read: staff everything, councillors no internal entries,
 * volunteers public entries and their own, the public only public entries and without the names
 * of the staff who wrote them.
 */
export function viewTimeline(entries: readonly TaskUpdate[], audience: Audience, viewer: { viewerId?: string | null } = {}): TaskUpdate[] {
  const own = (entry: TaskUpdate): boolean => audience === 'volunteer' && !!viewer.viewerId && entry.author === viewer.viewerId;
  return entries
    .filter((entry) => readable[audience].includes(entry.visibility) || own(entry))
    .map((entry) => (audience === 'public' ? { ...entry, author: null, authorName: null, clientId: null } : entry));
}
