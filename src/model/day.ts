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

/** A `YYYY-MM-DD` string (shape only). */
export const DATE_SHAPE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Whether `y-m-d` is a real calendar day (proleptic Gregorian). */
export function isRealDay(y: number, m: number, d: number): boolean {
  if (m < 1 || m > 12 || d < 1) return false;
  const leap = (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
  const days = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][m - 1]!;
  return d <= days;
}

/** The date string when it is a well-formed real day, else undefined (other rules report it). */
export function validDate(v: unknown): string | undefined {
  if (typeof v !== 'string') return undefined;
  const m = DATE_SHAPE.exec(v);
  if (!m) return undefined;
  return isRealDay(Number(m[1]), Number(m[2]), Number(m[3])) ? v : undefined;
}
