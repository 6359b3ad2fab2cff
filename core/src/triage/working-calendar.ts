import { DateTime } from 'luxon';
import type { CouncilSettings } from '../settings';
import { bankHolidayCalendar } from './bank-holidays';
import type { HolidayCalendar } from './bank-holidays';

/** One local working day as UTC epoch milliseconds. */
export interface WorkingWindow {
  open: number;
  close: number;
}

/** A local date with its working window (null when closed) and the next local date. */
export interface CalendarDay {
  date: string;
  window: WorkingWindow | null;
  next: string;
}

export interface WorkingCalendarOptions {
  timeZone: string;
  /** Minutes after local midnight. */
  startMinutes: number;
  endMinutes: number;
  /** ISO weekdays, 1 = Monday. */
  workingDays: readonly number[];
  holidays: HolidayCalendar;
}

const QUARTER_HOUR = 15 * 60 * 1000;
const CACHE_LIMIT = 200_000;

/**
 * The council's working time, modelled on FixMyStreet's WorkingDays.pm: holidays are injected,
 * nothing is read from disk. Each local day's opening and closing instants are worked out once
 * (with the zone's daylight-saving rules, via luxon) and cached, so service-level sums are cheap.
 */
export class WorkingCalendar {
  private readonly days = new Map<string, CalendarDay>();
  private readonly localDates = new Map<number, string>();
  private readonly workingDays: ReadonlySet<number>;

  constructor(readonly options: WorkingCalendarOptions) {
    if (options.workingDays.length === 0) throw new RangeError('A working calendar needs at least one working day');
    this.workingDays = new Set(options.workingDays);
  }

  /** The local date (YYYY-MM-DD) of an instant. Every zone's offset is a whole number of quarter hours. */
  localDate(epochMs: number): string {
    const bucket = Math.floor(epochMs / QUARTER_HOUR);
    let date = this.localDates.get(bucket);
    if (date === undefined) {
      date = DateTime.fromMillis(bucket * QUARTER_HOUR, { zone: this.options.timeZone }).toISODate() as string;
      if (this.localDates.size > CACHE_LIMIT) this.localDates.clear();
      this.localDates.set(bucket, date);
    }
    return date;
  }

  /** A local date's working window and the date after it, worked out once and cached. */
  day(isoDate: string): CalendarDay {
    let day = this.days.get(isoDate);
    if (day === undefined) {
      day = { date: isoDate, window: this.computeWindow(isoDate), next: nextLocalDate(isoDate) };
      if (this.days.size > CACHE_LIMIT) this.days.clear();
      this.days.set(isoDate, day);
    }
    return day;
  }

  /** The working window of a local date, or null on a weekend day or holiday. */
  window(isoDate: string): WorkingWindow | null {
    return this.day(isoDate).window;
  }

  /** Why a local date is not worked: the holiday's name, 'weekend', or undefined on a working day. */
  closedReason(isoDate: string): string | undefined {
    const day = DateTime.fromISO(isoDate, { zone: this.options.timeZone });
    if (!this.workingDays.has(day.weekday)) return 'not a working day';
    return this.options.holidays.holidayOn(isoDate);
  }

  private computeWindow(isoDate: string): WorkingWindow | null {
    if (this.closedReason(isoDate) !== undefined) return null;
    const midnight = DateTime.fromISO(isoDate, { zone: this.options.timeZone });
    const at = (minutes: number): number => midnight.set({ hour: Math.floor(minutes / 60), minute: minutes % 60 }).toMillis();
    return { open: at(this.options.startMinutes), close: at(this.options.endMinutes) };
  }
}

/** The next local date after `isoDate`, by calendar arithmetic (no zone needed). */
export function nextLocalDate(isoDate: string): string {
  const next = new Date(Date.UTC(Number(isoDate.slice(0, 4)), Number(isoDate.slice(5, 7)) - 1, Number(isoDate.slice(8, 10)) + 1));
  return next.toISOString().slice(0, 10);
}

/** The council's calendar from its settings, with the bank holidays of its region. */
export function workingCalendarFor(settings: Pick<CouncilSettings, 'timeZone' | 'workingHours' | 'workingDays' | 'bankHolidayRegion'>, holidays?: HolidayCalendar): WorkingCalendar {
  return new WorkingCalendar({
    timeZone: settings.timeZone,
    startMinutes: settings.workingHours.startMinutes,
    endMinutes: settings.workingHours.endMinutes,
    workingDays: settings.workingDays,
    holidays: holidays ?? bankHolidayCalendar(settings.bankHolidayRegion),
  });
}
