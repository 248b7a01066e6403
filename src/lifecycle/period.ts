import { UsageError } from '../util/errors.js';

/** A reporting period: a semester or a year, as inclusive ISO days. */
export interface Period {
  /** As given: `2026-S2` or `2026`. */
  id: string;
  /** Kind, for labels. */
  kind: 'semester' | 'year';
  /** Year. */
  year: number;
  /** Semester (1 or 2) when kind is semester. */
  semester?: 1 | 2;
  /** First day. */
  from: string;
  /** Last day. */
  to: string;
}

/** `2026-S2` → 1 July – 31 December 2026; `2026-S1` → January – June. */
export function semesterPeriod(text: string): Period {
  const m = /^(\d{4})-S([12])$/i.exec(text.trim());
  if (!m) throw new UsageError(`--period must be a semester written YYYY-S1 or YYYY-S2 (e.g. 2026-S2), got \`${text}\`.`, { id: 'period.badSemester', data: { text } });
  const year = Number(m[1]);
  const semester = Number(m[2]) as 1 | 2;
  return { id: `${year}-S${semester}`, kind: 'semester', year, semester, from: `${year}-${semester === 1 ? '01' : '07'}-01`, to: `${year}-${semester === 1 ? '06-30' : '12-31'}` };
}

/** `2026` → the calendar year. */
export function yearPeriod(text: string): Period {
  if (!/^\d{4}$/.test(text.trim())) throw new UsageError(`--year must be a year written YYYY (e.g. 2026), got \`${text}\`.`, { id: 'period.badYear', data: { text } });
  const year = Number(text);
  return { id: String(year), kind: 'year', year, from: `${year}-01-01`, to: `${year}-12-31` };
}

/** The semester that holds `day`. */
export function semesterOf(day: string): Period {
  return semesterPeriod(`${day.slice(0, 4)}-S${Number(day.slice(5, 7)) <= 6 ? 1 : 2}`);
}

/** Whether a day lies in the period. */
export function inPeriod(day: unknown, p: Period): day is string {
  return typeof day === 'string' && day >= p.from && day <= p.to;
}
