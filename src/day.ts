/** The office's default time zone (KPU Kota Malang: WIB). */
export const DEFAULT_TIME_ZONE = 'Asia/Jakarta';

/** The injected clock: an instant, or a calendar day given on the command line (`--today 2025-01-01`). */
export type Now = Date | string;

const formats = new Map<string, Intl.DateTimeFormat>();

function format(timeZone: string): Intl.DateTimeFormat {
  let f = formats.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' });
    formats.set(timeZone, f);
  }
  return f;
}

/** Whether `timeZone` is an IANA time zone this Node knows (`Asia/Jakarta`, `UTC`). */
export function isTimeZone(timeZone: string): boolean {
  try {
    format(timeZone);
    return true;
  } catch {
    return false;
  }
}

/**
 * What day it is (YYYY-MM-DD) at `now` in the office's time zone: the one answer to "what day is it" for
 * every command (due dates, records, new SOPs, printed dates, the book's year, NIP checks). A day given
 * as text (`--today`) is that day.
 */
export function dayOf(now: Now, timeZone: string = DEFAULT_TIME_ZONE): string {
  if (typeof now === 'string') return now;
  const parts = format(timeZone).formatToParts(now);
  const part = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
  return `${part('year')}-${part('month')}-${part('day')}`;
}

/** The year at `now` in the office's time zone. */
export function yearOf(now: Now, timeZone: string = DEFAULT_TIME_ZONE): number {
  return Number(dayOf(now, timeZone).slice(0, 4));
}
