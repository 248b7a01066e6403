import { CRITERIA, type Evaluation, type Monitoring, type Socialization } from '../../model/types.js';
import { inPeriod, type Period } from '../../lifecycle/period.js';
import { IN_FORCE, type RecordedSop, type ReportData } from '../../lifecycle/report-data.js';
import { addMonths } from '../../lifecycle/review.js';
import type { FollowUp } from '../../lifecycle/follow-up.js';

/** Number and title as the forms print a procedure. */
export const procedureName = (s: RecordedSop) => (s.number ? `${s.number} — ${s.title}` : `${s.id} — ${s.title}`);

/** One row of the monitoring form. */
export interface MonitoringRow {
  /** 1-based row number. */
  no: number;
  /** The SOP. */
  sop: RecordedSop;
  /** The record, absent when the SOP was due but not monitored. */
  record?: Monitoring;
  /** Due day of a monitoring that was not done. */
  due?: string;
}

/** The monitoring form of one unit. */
export interface MonitoringUnit {
  /** Unit name. */
  unit: string;
  /** Rows. */
  rows: MonitoringRow[];
  /** Assessors of the unit's records in the period. */
  assessors: string[];
}

const latest = (dates: Array<string | undefined>) => dates.filter((d): d is string => typeof d === 'string').sort().at(-1);

/** Units to print: the one asked for, else every unit with SOPs in force or with records, in order. */
function unitsOf(data: ReportData, unit: string | undefined): string[] {
  const all = [...new Set(data.sops.filter((s) => IN_FORCE.includes(s.status) || s.monitoring.length || s.evaluations.length).map((s) => s.unit))];
  return unit ? [unit] : all;
}

/** Whether the SOP was in force during the period (adopted before its end). */
const inForceDuring = (s: RecordedSop, p: Period) => IN_FORCE.includes(s.status) && !!s.effective && s.effective <= p.to;

/**
 * The monitoring form: per unit, a row per monitoring record dated in the period, and a row
 * "not monitored" for each SOP in force whose monitoring fell due by the period's end without one.
 */
export function monitoringForm(data: ReportData, period: Period, unit?: string): MonitoringUnit[] {
  const months = data.config.review.monitoringMonths;
  const units = unitsOf(data, unit);
  // Nothing in force yet: one empty form, still with its header and signature blocks.
  if (units.length === 0) return [{ unit: '', rows: [], assessors: [] }];
  return units.map((u) => {
    const rows: MonitoringRow[] = [];
    for (const s of data.sops.filter((x) => x.unit === u)) {
      // Records of the period always count (also of an SOP revised or withdrawn since); a missing one only for SOPs in force.
      const recs = s.monitoring.filter((m) => inPeriod(m.date, period)).sort((a, b) => a.date.localeCompare(b.date));
      if (recs.length) recs.forEach((record) => rows.push({ no: 0, sop: s, record }));
      else if (inForceDuring(s, period)) {
        const base = latest([s.effective, ...s.monitoring.map((m) => m.date).filter((d) => d < period.from)]);
        const due = base ? addMonths(base, months) : undefined;
        if (due && due <= period.to) rows.push({ no: 0, sop: s, due });
      }
    }
    rows.forEach((r, i) => (r.no = i + 1));
    const assessors = [...new Set(rows.map((r) => r.record?.assessor).filter((a): a is string => !!a))];
    return { unit: u, rows, assessors };
  });
}

/** One evaluation worksheet. */
export interface EvaluationSheet {
  /** The SOP. */
  sop: RecordedSop;
  /** The evaluation. */
  evaluation: Evaluation;
  /** Index in the SOP's list. */
  index: number;
  /** The seven answers in form order. */
  answers: Array<{ no: number; criterion: (typeof CRITERIA)[number]; yes: boolean; no_: boolean }>;
  /** Count of Ya. */
  yesCount: number;
  /** Count of Tidak. */
  noCount: number;
  /** Follow-up of a revise decision (undefined: none yet); absent for other decisions. */
  followUp?: FollowUp | null;
}

/** The evaluation worksheets of a year and their recap. */
export interface EvaluationReport {
  /** One sheet per evaluation dated in the period. */
  sheets: EvaluationSheet[];
  /** SOPs in force whose evaluation fell due by the period's end and that have none in it. */
  notEvaluated: Array<{ sop: RecordedSop; due: string }>;
  /** Totals. */
  counts: { evaluated: number; keep: number; revise: number; withdraw: number; followedUp: number; notEvaluated: number };
}

/** Evaluation worksheets and recap for a period (usually a year). */
export function evaluationReport(data: ReportData, period: Period, unit?: string): EvaluationReport {
  const units = new Set(unitsOf(data, unit));
  const sheets: EvaluationSheet[] = [];
  const notEvaluated: EvaluationReport['notEvaluated'] = [];
  const months = data.config.review.evaluationMonths;
  for (const s of data.sops.filter((x) => units.has(x.unit))) {
    let any = false;
    s.evaluations.forEach((evaluation, index) => {
      if (!inPeriod(evaluation.date, period)) return;
      any = true;
      const answers = CRITERIA.map((criterion, i) => ({ no: i + 1, criterion, yes: evaluation.criteria?.[criterion] === true, no_: evaluation.criteria?.[criterion] === false }));
      const follow = evaluation.decision === 'revise' ? (s.followUps.get(index) ?? null) : undefined;
      sheets.push({ sop: s, evaluation, index, answers, yesCount: answers.filter((a) => a.yes).length, noCount: answers.filter((a) => a.no_).length, followUp: follow });
    });
    if (!any && inForceDuring(s, period)) {
      const base = latest([s.effective, ...s.evaluations.map((e) => e.date).filter((d) => d < period.from)]);
      const due = base ? addMonths(base, months) : undefined;
      if (due && due <= period.to) notEvaluated.push({ sop: s, due });
    }
  }
  const count = (d: string) => sheets.filter((x) => x.evaluation.decision === d).length;
  return {
    sheets,
    notEvaluated,
    counts: { evaluated: sheets.length, keep: count('keep'), revise: count('revise'), withdraw: count('withdraw'), followedUp: sheets.filter((x) => x.followUp).length, notEvaluated: notEvaluated.length },
  };
}

/** A pre-filled attendance list. */
export interface AttendanceForm {
  /** The SOP. */
  sop: RecordedSop;
  /** The socialisation (when recorded). */
  socialization?: Socialization;
  /** Blank rows to sign. */
  rows: number[];
}

/** The attendance list of a socialisation: the one on `date`, else the latest; rows = attendees (at least `min`). */
export function attendanceForm(sop: RecordedSop, date?: string, rows?: number): AttendanceForm {
  const socialization = date ? sop.socialization.find((x) => x.date === date) : [...sop.socialization].sort((a, b) => a.date.localeCompare(b.date)).at(-1);
  const n = rows ?? Math.max(socialization?.attendees ?? 0, 15);
  return { sop, socialization, rows: Array.from({ length: n }, (_, i) => i + 1) };
}
