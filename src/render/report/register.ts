import type { Locale } from '../../config/types.js';
import { toCsv, type CsvOptions } from '../../util/csv.js';
import { semesterPeriod, type Period } from '../../lifecycle/period.js';
import type { RecordedSop, ReportData } from '../../lifecycle/report-data.js';
import type { EvaluationDecision, Status } from '../../model/types.js';
import { evaluationReport, monitoringForm } from './forms.js';
import { REPORT_LABELS } from './labels.js';
import { followUpText } from './render.js';

/** Whether a review was done in the period, due and missing, or not due. */
export type PeriodState = 'done' | 'missing' | '';

/** One row of the SOP register. */
export interface RegisterRow {
  /** Id. */
  id: string;
  /** Nomor SOP. */
  number: string;
  /** Nama SOP. */
  title: string;
  /** Unit. */
  unit: string;
  /** Business-process code. */
  process: string;
  /** Its name in the business process map (empty without a map or for a code the map lacks). */
  processName: string;
  /** Stage. */
  stage: Status;
  /** Revision. */
  revision: number;
  /** Tanggal Efektif. */
  effective: string;
  /** Day of the latest socialisation. */
  lastSocialization: string;
  /** Day of the latest monitoring. */
  lastMonitoring: string;
  /** Its result. */
  monitoringResult: 'good' | 'poor' | '';
  /** Day of the latest evaluation. */
  lastEvaluation: string;
  /** Its decision. */
  evaluationDecision: EvaluationDecision | '';
  /** Follow-up of the latest evaluation when it decided `revise`. */
  followUp: string;
  /** Next monitoring due. */
  nextMonitoring: string;
  /** Next evaluation due. */
  nextEvaluation: string;
  /** The earlier of the two. */
  nextDue: string;
  /** Monitoring or evaluation overdue as of today. */
  overdue: boolean;
  /** Monitoring in the first semester of the register's year. */
  monitoringS1: PeriodState;
  /** Monitoring in the second semester. */
  monitoringS2: PeriodState;
  /** Evaluation in the register's year. */
  evaluationYear: PeriodState;
}

/** The register with the periods its period columns refer to. */
export interface Register {
  /** Rows, by unit then number. */
  rows: RegisterRow[];
  /** The two semesters of the monitoring columns. */
  semesters: [Period, Period];
  /** Year of the evaluation column. */
  year: Period;
  /** Today. */
  today: string;
  /** Units in order. */
  units: string[];
}

const latestOf = <T extends { date: string }>(list: readonly T[]): T | undefined => [...list].filter((x) => typeof x.date === 'string').sort((a, b) => a.date.localeCompare(b.date)).at(-1);

/** Build the register: one row per SOP (of one unit when given); period columns for the year's two semesters and the year. */
export function registerOf(data: ReportData, unit: string | undefined, year: Period, locale: Locale): Register {
  const sops = data.sops.filter((s) => !unit || s.unit === unit);
  const semesters: [Period, Period] = [semesterPeriod(`${year.year}-S1`), semesterPeriod(`${year.year}-S2`)];
  const monitored = semesters.map((sem) => {
    const m = new Map<string, PeriodState>();
    for (const u of monitoringForm(data, sem, unit)) for (const r of u.rows) if (m.get(r.sop.id) !== 'done') m.set(r.sop.id, r.record ? 'done' : 'missing');
    return m;
  });
  const evals = evaluationReport(data, year, unit);
  const evaluated = new Map<string, PeriodState>([...evals.notEvaluated.map((n) => [n.sop.id, 'missing'] as const), ...evals.sheets.map((s) => [s.sop.id, 'done'] as const)]);
  const l = REPORT_LABELS[locale];
  const map = data.project.map;
  const rows = sops.map((s: RecordedSop): RegisterRow => {
    const soc = latestOf(s.socialization);
    const mon = latestOf(s.monitoring);
    const evIndex = s.evaluations.reduce((best, e, i) => (best < 0 || (typeof e.date === 'string' && e.date >= s.evaluations[best]!.date) ? i : best), -1);
    const ev = evIndex >= 0 ? s.evaluations[evIndex] : undefined;
    const next = [s.due.nextMonitoring, s.due.nextEvaluation].filter((d): d is string => !!d).sort()[0] ?? '';
    return {
      id: s.id,
      number: s.number ?? '',
      title: s.title,
      unit: s.unit,
      process: s.process ?? '',
      processName: (s.process !== undefined && map?.byCode.get(s.process)?.name) || '',
      stage: s.status,
      revision: s.revision,
      effective: s.effective ?? '',
      lastSocialization: soc?.date ?? '',
      lastMonitoring: mon?.date ?? '',
      monitoringResult: mon?.result ?? '',
      lastEvaluation: ev?.date ?? '',
      evaluationDecision: ev?.decision ?? '',
      followUp: ev?.decision === 'revise' ? followUpText(s.followUps.get(evIndex) ?? null, l, locale) : '',
      nextMonitoring: s.due.nextMonitoring ?? '',
      nextEvaluation: s.due.nextEvaluation ?? '',
      nextDue: next,
      overdue: s.due.monitoringOverdue || s.due.evaluationOverdue,
      monitoringS1: monitored[0]!.get(s.id) ?? '',
      monitoringS2: monitored[1]!.get(s.id) ?? '',
      evaluationYear: evaluated.get(s.id) ?? '',
    };
  });
  return { rows, semesters, year, today: data.today, units: [...new Set(rows.map((r) => r.unit))] };
}

/** Columns of the CSV and XLSX register, with their localized headers. */
export function registerColumns(reg: Register, locale: Locale): Array<{ key: keyof RegisterRow; header: string }> {
  const l = REPORT_LABELS[locale];
  return [
    { key: 'id', header: 'ID' },
    { key: 'number', header: l.number },
    { key: 'title', header: l.title },
    { key: 'unit', header: l.unit },
    { key: 'process', header: l.process },
    { key: 'processName', header: l.processName },
    { key: 'stage', header: l.stage },
    { key: 'revision', header: l.revision },
    { key: 'effective', header: l.effective },
    { key: 'lastSocialization', header: l.lastSocialization },
    { key: 'lastMonitoring', header: l.lastMonitoring },
    { key: 'monitoringResult', header: `${l.monitoring}: ${l.assessment}` },
    { key: 'lastEvaluation', header: l.lastEvaluation },
    { key: 'evaluationDecision', header: l.decision },
    { key: 'followUp', header: l.followUp },
    { key: 'nextMonitoring', header: `${l.monitoring}: ${l.nextDue}` },
    { key: 'nextEvaluation', header: `${l.evaluation}: ${l.nextDue}` },
    { key: 'nextDue', header: l.nextDue },
    { key: 'overdue', header: l.overdue },
    { key: 'monitoringS1', header: `${l.monitoring} ${reg.semesters[0].id}` },
    { key: 'monitoringS2', header: `${l.monitoring} ${reg.semesters[1].id}` },
    { key: 'evaluationYear', header: `${l.evaluation} ${reg.year.id}` },
  ];
}

const cellText = (v: unknown) => (typeof v === 'boolean' ? (v ? 'yes' : 'no') : String(v ?? ''));

/** The register as CSV (see src/util/csv.ts: BOM, RFC 4180, CRLF): ISO dates and codes (stage, result, decision), booleans as yes/no. */
export function registerCsv(reg: Register, locale: Locale, o: CsvOptions = {}): string {
  const cols = registerColumns(reg, locale);
  return toCsv([cols.map((c) => c.header), ...reg.rows.map((r) => cols.map((c) => cellText(r[c.key])))], o);
}

/** The register as an XLSX workbook (exceljs, loaded here only): the same columns as the CSV, a frozen header row and filters. */
export async function registerXlsx(reg: Register, locale: Locale): Promise<Uint8Array> {
  const ExcelJS = (await import('exceljs')).default;
  const wb = new ExcelJS.Workbook();
  wb.creator = 'sopkit';
  const ws = wb.addWorksheet(REPORT_LABELS[locale].registerTitle.slice(0, 31), { views: [{ state: 'frozen', ySplit: 1 }] });
  const cols = registerColumns(reg, locale);
  ws.columns = cols.map((c) => ({ header: c.header, key: c.key, width: Math.min(60, Math.max(10, c.header.length + 2, ...reg.rows.map((r) => String(r[c.key] ?? '').length + 2))) }));
  for (const r of reg.rows) ws.addRow(Object.fromEntries(cols.map((c) => [c.key, typeof r[c.key] === 'boolean' ? (r[c.key] ? 'yes' : 'no') : r[c.key]])));
  ws.getRow(1).font = { bold: true };
  ws.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: cols.length } };
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

