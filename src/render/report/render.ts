import type { Config, Locale } from '../../config/types.js';
import type { Period } from '../../lifecycle/period.js';
import type { FollowUp } from '../../lifecycle/follow-up.js';
import type { RecordedSop, ReportData } from '../../lifecycle/report-data.js';
import { formatDate } from '../format.js';
import { templateEnv } from '../handlebars.js';
import { locales } from '../locale/index.js';
import { attendanceForm, evaluationReport, monitoringForm, procedureName } from './forms.js';
import { REPORT_LABELS, type ReportLabels } from './labels.js';

/** Output formats of the forms. */
export type FormFormat = 'html' | 'md';

/** What every form render needs. */
export interface FormContext {
  /** The records. */
  data: ReportData;
  /** Language. */
  locale: Locale;
  /** Extra CSS (the PDF page rule). */
  extraCss?: string;
}

const ROMAN = ['I', 'II'];

/** "Semester II 2026 (1 Juli 2026 – 31 Desember 2026)" or "Tahun 2026". */
export function periodLabel(p: Period, locale: Locale): string {
  const l = REPORT_LABELS[locale];
  const day = (d: string) => formatDate(d, locales[locale]);
  if (p.kind === 'year') return `${l.year} ${p.year}`;
  return `${l.semester} ${ROMAN[(p.semester ?? 1) - 1]} ${p.year} (${day(p.from)} – ${day(p.to)})`;
}

/** The report stylesheet (a user's `report/report.css` first). */
export function reportCss(config: Config): string {
  try {
    return templateEnv(config.templates).read('report/report.css') ?? '';
  } catch {
    return ''; // an unreadable user file
  }
}

function common(ctx: FormContext) {
  const l = REPORT_LABELS[ctx.locale];
  return {
    lang: locales[ctx.locale].lang,
    locale: ctx.locale,
    l,
    css: `${reportCss(ctx.data.config)}\n${ctx.extraCss ?? ''}`,
    org: { name: ctx.data.config.organization.name, unitLines: ctx.data.config.organization.unitLines },
    placeDate: formatDate(ctx.data.today, locales[ctx.locale]),
  };
}

/** "Revisi 1, 18 Mei 2026 (a1b2c3d)", or "Belum ditindaklanjuti". */
export function followUpText(f: FollowUp | null | undefined, l: ReportLabels, locale: Locale): string {
  if (f === undefined) return '';
  if (f === null) return l.followUpNone;
  return `${l.followUpRevision} ${f.revision}, ${formatDate(f.date, locales[locale])}${f.commit ? ` (${f.commit.slice(0, 7)})` : ''}`;
}

/** The monitoring form of a period. */
export function renderMonitoringForm(ctx: FormContext, period: Period, unit: string | undefined, format: FormFormat): string {
  const c = common(ctx);
  const day = (d: string) => formatDate(d, locales[ctx.locale]);
  const units = monitoringForm(ctx.data, period, unit).map((u) => ({
    unit: u.unit || c.l.allUnits,
    assessor: u.assessors.length === 1 ? u.assessors[0] : undefined,
    rows: u.rows.map((r) => ({
      no: r.no,
      procedure: procedureName(r.sop),
      notMonitored: !r.record,
      due: r.due ? day(r.due) : undefined,
      good: r.record?.result === 'good',
      poor: r.record?.result === 'poor',
      date: r.record ? day(r.record.date) : undefined,
      method: r.record?.method,
      notes: r.record?.notes,
      action: r.record?.action,
      assessor: r.record?.assessor,
      // The initials column is left to sign; the assessor is named under the procedure when the unit had several.
      showAssessor: u.assessors.length > 1,
    })),
  }));
  return templateEnv(ctx.data.config.templates).render(`report/monitoring.${format}`, { ...c, periodLabel: periodLabel(period, ctx.locale), units });
}

/** The evaluation worksheets of a period and their recap. */
export function renderEvaluationForms(ctx: FormContext, period: Period, unit: string | undefined, format: FormFormat): string {
  const c = common(ctx);
  const l = c.l;
  const day = (d: string) => formatDate(d, locales[ctx.locale]);
  const report = evaluationReport(ctx.data, period, unit);
  const sheets = report.sheets.map((s) => {
    const m = s.evaluation.meeting;
    const meeting = m ? [day(m.date), m.place, m.minutes ? `${l.minutes}: ${m.minutes}` : undefined, m.attendance ? `${l.attendanceList}: ${m.attendance}` : undefined].filter(Boolean).join('; ') : undefined;
    return {
      procedure: procedureName(s.sop),
      unit: s.sop.unit,
      evaluator: s.evaluation.evaluator,
      date: day(s.evaluation.date),
      answers: s.answers.map((a) => ({ no: a.no, question: l.criteria[a.criterion], yes: a.yes, no_: a.no_ })),
      yesCount: s.yesCount,
      noCount: s.noCount,
      notes: s.evaluation.notes ?? l.none,
      decision: l.decisions[s.evaluation.decision] ?? s.evaluation.decision,
      meeting,
      followUp: followUpText(s.followUp, l, ctx.locale) || undefined,
    };
  });
  const recap = report.sheets.map((s, i) => ({ ...sheets[i]!, no: i + 1, followUp: sheets[i]!.followUp ?? l.none }));
  const notEvaluated = report.notEvaluated.map((n, i) => ({ no: recap.length + i + 1, procedure: procedureName(n.sop), unit: n.sop.unit, due: day(n.due) }));
  const k = report.counts;
  const counts = [
    { label: l.evaluated, value: k.evaluated },
    { label: l.decisions.keep, value: k.keep },
    { label: l.decisions.revise, value: k.revise },
    { label: l.decisions.withdraw, value: k.withdraw },
    { label: `${l.followUp} (${l.decisions.revise})`, value: `${k.followedUp}/${k.revise}` },
    { label: l.notEvaluated, value: k.notEvaluated },
  ];
  return templateEnv(ctx.data.config.templates).render(`report/evaluation.${format}`, { ...c, periodLabel: periodLabel(period, ctx.locale), unitLabel: unit ?? l.allUnits, sheets, recap, notEvaluated, counts });
}

/** A pre-filled attendance list of one SOP's socialisation. */
export function renderAttendance(ctx: FormContext, sop: RecordedSop, format: FormFormat, opts: { date?: string; rows?: number } = {}): string {
  const c = common(ctx);
  const f = attendanceForm(sop, opts.date, opts.rows);
  const s = f.socialization;
  const blank = '';
  return templateEnv(ctx.data.config.templates).render(`report/attendance.${format}`, {
    ...c,
    sopId: sop.id,
    procedure: procedureName(sop),
    unit: sop.unit,
    date: s ? formatDate(s.date, locales[ctx.locale]) : opts.date ? formatDate(opts.date, locales[ctx.locale]) : blank,
    place: s?.place ?? blank,
    audience: s?.audience ?? blank,
    rows: f.rows.map((no) => ({ no, left: no % 2 === 1 })),
  });
}
