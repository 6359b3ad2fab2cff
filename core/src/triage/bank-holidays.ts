import Holidays from 'date-holidays';
import type { BankHolidayRegion } from '../settings';

/** date-holidays' GB subdivisions for each bank-holiday region (Wales keeps England's list). */
const SUBDIVISION: Record<BankHolidayRegion, string> = {
  'england-and-wales': 'ENG',
  scotland: 'SCT',
  'northern-ireland': 'NIR',
};

/** Days the council does not count towards service levels, by local date `YYYY-MM-DD`. */
export interface HolidayCalendar {
  /** The holiday's name on that local date, or undefined on an ordinary day. */
  holidayOn(isoDate: string): string | undefined;
}

/**
 * UK bank holidays (including substitute days) from the maintained date-holidays data, computed
 * in memory a year at a time: no files, no network.
 */
export function bankHolidayCalendar(region: BankHolidayRegion): HolidayCalendar {
  const source = new Holidays('GB', SUBDIVISION[region]);
  const years = new Map<number, Map<string, string>>();
  const yearOf = (year: number): Map<string, string> => {
    let days = years.get(year);
    if (!days) {
      days = new Map();
      for (const holiday of source.getHolidays(year) || []) {
        if (holiday.type === 'public' || holiday.type === 'bank') days.set(holiday.date.slice(0, 10), holiday.name);
      }
      years.set(year, days);
    }
    return days;
  };
  return { holidayOn: (isoDate) => yearOf(Number(isoDate.slice(0, 4))).get(isoDate) };
}

/** A fixed list of holidays, for councils with local closure days or for tests. */
export function listHolidayCalendar(days: Readonly<Record<string, string>>, also?: HolidayCalendar): HolidayCalendar {
  return { holidayOn: (isoDate) => days[isoDate] ?? also?.holidayOn(isoDate) };
}
