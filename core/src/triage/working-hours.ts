import type { WorkingCalendar } from './working-calendar';

const HOUR = 3_600_000;
/** No council closes for ten years; a longer walk means the calendar has no working days at all. */
const MAX_DAYS = 3660;

/**
 * Adds working hours to an instant: time outside the working day, on weekends and on holidays
 * does not count. A report made out of hours starts counting at the next opening, so 0 hours
 * gives that opening. An SLA that ends exactly at closing time is due at closing time.
 */
export function addWorkingHours(start: Date, hours: number, calendar: WorkingCalendar): Date {
  if (!Number.isFinite(hours) || hours < 0) throw new RangeError(`Working hours must be zero or more, not ${hours}`);
  let remaining = Math.round(hours * HOUR);
  let from = start.getTime();
  let day = calendar.day(calendar.localDate(from));
  for (let walked = 0; walked < MAX_DAYS; walked += 1) {
    const window = day.window;
    if (window) {
      const begin = Math.max(from, window.open);
      if (begin < window.close) {
        const available = window.close - begin;
        if (remaining <= available) return new Date(begin + remaining);
        remaining -= available;
      }
    }
    day = calendar.day(day.next);
    from = -Infinity;
  }
  throw new RangeError('The working calendar has no working time in the next ten years');
}
