/** Dates as people in the UK read them: "Tue 10 Mar, 14:05". */
const DATE_TIME: Intl.DateTimeFormatOptions = { weekday: 'short', day: 'numeric', month: 'short', hour: '2-digit', minute: '2-digit', timeZone: 'Europe/London' };
const DATE_ONLY: Intl.DateTimeFormatOptions = { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'Europe/London' };

// Made on first use: the first date format with a time zone loads the browser's time zone data.
let dateTime: Intl.DateTimeFormat | undefined;
let dateOnly: Intl.DateTimeFormat | undefined;

export const formatDateTime = (iso: string | null | undefined): string => (iso ? (dateTime ??= new Intl.DateTimeFormat('en-GB', DATE_TIME)).format(new Date(iso)) : '');
export const formatDate = (iso: string | null | undefined): string => (iso ? (dateOnly ??= new Intl.DateTimeFormat('en-GB', DATE_ONLY)).format(new Date(iso)) : '');

export const plural = (count: number, one: string, many = `${one}s`): string => `${count.toLocaleString('en-GB')} ${count === 1 ? one : many}`;

/**
 * Loads the browser's date and number formatting data (tens of milliseconds the first time in a
 * page) without using the result. index.html does this while the app's scripts are still
 * downloading, so the first list of cases does not wait for it.
 */
export function warmUpFormats(): void {
  new Intl.DateTimeFormat('en-GB', DATE_TIME).format(0);
  new Intl.DateTimeFormat('en-GB', DATE_ONLY).format(0);
  (0).toLocaleString('en-GB');
}
