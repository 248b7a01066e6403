import type { Config } from '../config/types.js';

/** When the next monitoring and evaluation are due. */
export interface ReviewDue {
  /** Next monitoring date (YYYY-MM-DD). */
  nextMonitoring?: string;
  /** Whether it is before today. */
  monitoringOverdue: boolean;
  /** Next evaluation date (YYYY-MM-DD). */
  nextEvaluation?: string;
  /** Whether it is before today. */
  evaluationOverdue: boolean;
}

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Add calendar months to an ISO date, clamping to the month's last day (2024-01-31 + 1 → 2024-02-29). */
export function addMonths(iso: string, months: number): string | undefined {
  const m = DATE.exec(iso);
  if (!m || Number(m[2]) < 1 || Number(m[2]) > 12 || Number(m[3]) < 1 || Number(m[3]) > 31) return undefined;
  const total = Number(m[1]) * 12 + (Number(m[2]) - 1) + months;
  const y = Math.floor(total / 12);
  const mo = total - y * 12;
  const last = new Date(Date.UTC(y, mo + 1, 0)).getUTCDate();
  const d = Math.min(Number(m[3]), last);
  return `${String(y).padStart(4, '0')}-${String(mo + 1).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

function latest(dates: unknown[]): string | undefined {
  const valid = dates.filter((d): d is string => typeof d === 'string' && DATE.test(d));
  return valid.sort().at(-1);
}

/** Due dates from the effective date or the last monitoring/evaluation, with the config's intervals; only once approved and not withdrawn. */
export function reviewDue(sop: Record<string, any>, review: Config['review'], today: string): ReviewDue {
  const none: ReviewDue = { monitoringOverdue: false, evaluationOverdue: false };
  if (!['approved', 'implemented', 'evaluated'].includes(sop.status)) return none;
  const effective = typeof sop.dates?.effective === 'string' ? (sop.dates.effective as string) : undefined;
  if (!effective) return none;
  const list = (v: unknown) => (Array.isArray(v) ? v.map((e) => (e && typeof e === 'object' ? (e as { date?: unknown }).date : undefined)) : []);
  const monBase = latest([effective, ...list(sop.monitoring)]);
  const evalBase = latest([effective, ...list(sop.evaluations)]);
  const nextMonitoring = monBase ? addMonths(monBase, review.monitoringMonths) : undefined;
  const nextEvaluation = evalBase ? addMonths(evalBase, review.evaluationMonths) : undefined;
  return {
    nextMonitoring,
    monitoringOverdue: !!nextMonitoring && nextMonitoring < today,
    nextEvaluation,
    evaluationOverdue: !!nextEvaluation && nextEvaluation < today,
  };
}
