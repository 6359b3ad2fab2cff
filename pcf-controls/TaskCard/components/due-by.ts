import type { TaskStatus } from '@wardline/core/model';
import { isClosed } from './statuses';

export type DueState = 'none' | 'closed' | 'due' | 'overdue';

export interface DueByText {
  state: DueState;
  /** What the card says, in words: "Due in 3 hours", "Overdue by 2 days". */
  text: string;
  /** The exact time, for a tooltip and screen readers: "Friday 14 June 2024 at 17:00". */
  exact: string;
}

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/** "1 day", "3 hours", "under a minute": the largest whole unit of a span. */
export function spanInWords(ms: number): string {
  const abs = Math.abs(ms);
  const [count, unit] = abs >= DAY ? [Math.floor(abs / DAY), 'day'] : abs >= HOUR ? [Math.floor(abs / HOUR), 'hour'] : [Math.floor(abs / MINUTE), 'minute'];
  if (count === 0) return 'under a minute';
  return `${count} ${unit}${count === 1 ? '' : 's'}`;
}

// Making an Intl.DateTimeFormat costs far more than using one (a view of 500 cards spent a fifth of
// its render making them), so one is kept per time zone.
const formatters = new Map<string, Intl.DateTimeFormat>();
function formatterFor(timeZone: string | undefined): Intl.DateTimeFormat {
  const key = timeZone ?? '';
  let formatter = formatters.get(key);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-GB', { weekday: 'long', day: 'numeric', month: 'long', year: 'numeric', hour: '2-digit', minute: '2-digit', hourCycle: 'h23', timeZone });
    formatters.set(key, formatter);
  }
  return formatter;
}

/** "Sunday 8 March 2026 at 08:00", built from parts so every ICU version says it the same way. */
export function exactTime(when: Date, timeZone?: string): string {
  const parts = formatterFor(timeZone).formatToParts(when);
  const part = (type: Intl.DateTimeFormatPartTypes): string => parts.find((p) => p.type === type)?.value ?? '';
  return `${part('weekday')} ${part('day')} ${part('month')} ${part('year')} at ${part('hour')}:${part('minute')}`;
}

/**
 * The due-by countdown. Overdue is said in words ("Overdue by 2 days"), never by colour alone;
 * a closed job has no countdown.
 */
export function describeDueBy(dueBy: Date | null, status: TaskStatus | null, now: Date, timeZone?: string): DueByText {
  if (!dueBy || Number.isNaN(dueBy.getTime())) return { state: 'none', text: 'No due date', exact: '' };
  const exact = exactTime(dueBy, timeZone);
  if (isClosed(status)) return { state: 'closed', text: `Was due ${exact}`, exact };
  const remaining = dueBy.getTime() - now.getTime();
  if (remaining < 0) return { state: 'overdue', text: `Overdue by ${spanInWords(remaining)}`, exact };
  return { state: 'due', text: `Due in ${spanInWords(remaining)}`, exact };
}
