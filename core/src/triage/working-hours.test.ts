import { DateTime } from 'luxon';
import { bankHolidayCalendar, listHolidayCalendar } from './bank-holidays';
import { WorkingCalendar, workingCalendarFor } from './working-calendar';
import { addWorkingHours } from './working-hours';

const settings = {
  timeZone: 'Europe/London',
  workingHours: { start: '08:00', end: '17:00', startMinutes: 480, endMinutes: 1020 },
  workingDays: [1, 2, 3, 4, 5],
  bankHolidayRegion: 'england-and-wales' as const,
};
const calendar = workingCalendarFor(settings);
const london = (text: string): Date => DateTime.fromISO(text, { zone: 'Europe/London' }).toJSDate();
const due = (start: string, hours: number, cal: WorkingCalendar = calendar): string =>
  DateTime.fromJSDate(addWorkingHours(london(start), hours, cal), { zone: 'Europe/London' }).toFormat("yyyy-MM-dd'T'HH:mm ccc");

describe('addWorkingHours (Europe/London, 08:00-17:00, Mon-Fri, England and Wales)', () => {
  it('counts within a day and carries over the night', () => {
    expect(due('2025-06-10T09:00', 4)).toBe('2025-06-10T13:00 Tue');
    expect(due('2025-06-10T09:00', 8)).toBe('2025-06-10T17:00 Tue');
    expect(due('2025-06-10T09:00', 9)).toBe('2025-06-11T09:00 Wed');
  });

  it('a report at 16:59 has one minute that day', () => {
    expect(due('2025-06-10T16:59', 1)).toBe('2025-06-11T08:59 Wed');
  });

  it('a report at midnight, in the evening or on Saturday starts at the next opening', () => {
    expect(due('2025-06-11T00:00', 2)).toBe('2025-06-11T10:00 Wed');
    expect(due('2025-06-10T19:30', 2)).toBe('2025-06-11T10:00 Wed');
    expect(due('2025-06-14T11:00', 2)).toBe('2025-06-16T10:00 Mon');
    expect(due('2025-06-14T11:00', 0)).toBe('2025-06-16T08:00 Mon');
    expect(due('2025-06-10T17:00', 0)).toBe('2025-06-11T08:00 Wed');
  });

  it('skips Christmas, Boxing Day and New Year (2025/26)', () => {
    expect(due('2025-12-24T16:00', 2)).toBe('2025-12-29T09:00 Mon');
    expect(due('2025-12-31T12:00', 9)).toBe('2026-01-02T12:00 Fri');
  });

  it('skips substitute days when Christmas falls at a weekend (2027)', () => {
    expect(due('2027-12-24T16:00', 2)).toBe('2027-12-29T09:00 Wed');
  });

  it('skips Good Friday and Easter Monday (2026)', () => {
    expect(due('2026-04-02T15:00', 4)).toBe('2026-04-07T10:00 Tue');
  });

  it('skips the August bank holiday in England but not in Scotland (2025)', () => {
    expect(due('2025-08-22T12:00', 9)).toBe('2025-08-26T12:00 Tue');
    const scotland = workingCalendarFor({ ...settings, bankHolidayRegion: 'scotland' });
    expect(due('2025-08-22T12:00', 9, scotland)).toBe('2025-08-25T12:00 Mon');
    expect(due('2025-08-01T12:00', 9, scotland)).toBe('2025-08-05T12:00 Tue');
  });

  it('keeps local hours across the clocks changing', () => {
    expect(due('2025-03-28T16:00', 2)).toBe('2025-03-31T09:00 Mon');
    expect(addWorkingHours(london('2025-03-28T16:00'), 2, calendar).toISOString()).toBe('2025-03-31T08:00:00.000Z');
    expect(due('2025-10-24T16:00', 2)).toBe('2025-10-27T09:00 Mon');
    expect(addWorkingHours(london('2025-10-24T16:00'), 2, calendar).toISOString()).toBe('2025-10-27T09:00:00.000Z');
  });

  it('counts a long SLA in working days (40 hours from Monday morning)', () => {
    expect(due('2025-06-09T08:00', 45)).toBe('2025-06-13T17:00 Fri');
    expect(due('2025-06-09T08:00', 46)).toBe('2025-06-16T09:00 Mon');
  });

  it('uses injected holidays and custom working days', () => {
    const closure = new WorkingCalendar({ timeZone: 'Europe/London', startMinutes: 450, endMinutes: 960, workingDays: [1, 2, 3, 4, 5, 6], holidays: listHolidayCalendar({ '2025-06-11': 'Staff training day' }) });
    expect(due('2025-06-10T15:30', 1, closure)).toBe('2025-06-12T08:00 Thu');
    expect(due('2025-06-13T15:00', 2, closure)).toBe('2025-06-14T08:30 Sat');
    expect(closure.closedReason('2025-06-11')).toBe('Staff training day');
  });

  it('names bank holidays from the library', () => {
    expect(bankHolidayCalendar('england-and-wales').holidayOn('2026-08-31')).toBe('Summer bank holiday');
    expect(bankHolidayCalendar('northern-ireland').holidayOn('2026-03-17')).toMatch(/Patrick/);
    expect(bankHolidayCalendar('england-and-wales').holidayOn('2026-03-17')).toBeUndefined();
  });

  it('refuses negative hours and a calendar without working days', () => {
    expect(() => addWorkingHours(new Date(), -1, calendar)).toThrow(RangeError);
    expect(() => new WorkingCalendar({ ...calendar.options, workingDays: [] })).toThrow(RangeError);
  });
});
