import type { Priority, TaskStatus } from '@wardline/core/model';

/** One job as a card shows it, whichever mode it came from. */
export interface JobCardData {
  /** Dataverse record id; empty in field mode, where the card is the record being edited. */
  id: string;
  title: string;
  reference: string | null;
  taskType: string | null;
  status: TaskStatus | null;
  priority: Priority | null;
  dueBy: Date | null;
  ward: string | null;
  address: string | null;
  assignedOfficer: string | null;
  /** https addresses of photo thumbnails. */
  photos: string[];
  lastUpdate: string | null;
}
