/**
 * Formatters per time zone, made once: building an Intl.DateTimeFormat costs far more than using
 * one, and a job card formats several dates (the Teams invoke bench found it the largest part of
 * building a card).
 */
const formatters = new Map<string, { day: Intl.DateTimeFormat; time: Intl.DateTimeFormat }>();

function formattersFor(timeZone: string): { day: Intl.DateTimeFormat; time: Intl.DateTimeFormat } {
  let made = formatters.get(timeZone);
  if (!made) {
    made = {
      day: new Intl.DateTimeFormat('en-GB', { timeZone, weekday: 'short', day: 'numeric', month: 'short' }),
      time: new Intl.DateTimeFormat('en-GB', { timeZone, hour: '2-digit', minute: '2-digit', hour12: false }),
    };
    formatters.set(timeZone, made);
  }
  return made;
}

/** Dates on cards: "Mon 9 Jun, 14:00" in the council's time zone, British English. */
export function formatWhen(iso: string | null | undefined, timeZone: string): string | undefined {
  if (!iso) return undefined;
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return undefined;
  const { day, time } = formattersFor(timeZone);
  return `${day.format(date)}, ${time.format(date)}`;
}

/** A map link that opens the phone's maps app or a browser at the point. */
export const mapLink = (latitude: number, longitude: number): string =>
  `https://www.openstreetmap.org/?mlat=${latitude.toFixed(6)}&mlon=${longitude.toFixed(6)}#map=18/${latitude.toFixed(6)}/${longitude.toFixed(6)}`;

/** Markdown in TextBlocks: brackets and asterisks in user text must not turn into links or bold. */
export const escapeMarkdown = (value: string): string => value.replace(/([\\[\]*_`#>])/g, '\\$1');

/** Cuts long free text so a card stays well inside Teams' size limits. */
export const clip = (value: string, max: number): string => (value.length <= max ? value : `${value.slice(0, max - 1).trimEnd()}…`);
