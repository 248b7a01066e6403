import path from 'node:path';
import { Command } from 'commander';
import type { Locale } from '../../../config/types.js';
import { UsageError } from '../../../util/errors.js';
import { semesterOf, semesterPeriod, yearPeriod, type Period } from '../../../lifecycle/period.js';
import { loadReportData, type ReportData } from '../../../app/lifecycle/report-data.js';
import { closest } from '../../../model/words.js';
import type { CsvDelimiter } from '../../../util/csv.js';
import { checkDelimiter, delimiterOption } from '../../csv-option.js';
import { launchOptions } from '../../pdf-support.js';
import { writeFileAtomic } from '../../output.js';
import type { RunState } from '../../state.js';
import { localeOption, todayOption } from '../../options.js';
import { translator, type Translate } from '../../i18n/index.js';

/** Forms `sop report` prints. */
export const REPORT_FORMS = ['monitoring', 'evaluation', 'attendance', 'register'] as const;
type Form = (typeof REPORT_FORMS)[number];

interface ReportFlags {
  period?: string;
  year?: string;
  unit?: string;
  sop?: string;
  date?: string;
  rows?: string;
  format?: string;
  output?: string;
  locale?: Locale;
  config?: string;
  today?: string;
  delimiter?: CsvDelimiter;
}

const FORMATS: Record<Form, string[]> = { monitoring: ['html', 'md', 'pdf'], evaluation: ['html', 'md', 'pdf'], attendance: ['html', 'md', 'pdf'], register: ['html', 'csv', 'xlsx', 'pdf'] };

/** The period of a form: --period (a semester) or --year; by default the semester (monitoring) or year of today. */
export function periodOf(form: Form, f: ReportFlags, today: string, t: Translate = translator('en')): Period {
  if (f.period && f.year) throw new UsageError(t('report.periodOrYear'));
  if (f.period) return semesterPeriod(f.period);
  if (f.year) return yearPeriod(f.year);
  return form === 'monitoring' ? semesterOf(today) : yearPeriod(today.slice(0, 4));
}

/** Check --unit against the units of the repository. */
export function checkUnit(data: ReportData, unit: string | undefined, t: Translate = translator('en')): void {
  if (unit === undefined) return;
  const units = [...new Set(data.sops.map((s) => s.unit))];
  if (units.includes(unit)) return;
  const hint = closest(unit, units);
  throw new UsageError(t('report.badUnit', { unit, hint: hint ? t('report.didYouMean', { hint }) : '', units: units.join('; ') }));
}

/** Produce one form as text or bytes. */
async function produce(state: RunState, form: Form, f: ReportFlags, format: string): Promise<{ text?: string; bytes?: Uint8Array }> {
  const { io, t } = state;
  const data = await loadReportData({ cwd: io.cwd, configPath: f.config, now: f.today ?? new Date() });
  const today = data.today;
  checkUnit(data, f.unit, t);
  const locale: Locale = f.locale ?? data.config.locale;
  const period = periodOf(form, f, today, t);
  const r = await import('../../../render/report/index.js');
  const pdf = format === 'pdf';
  const orientation = form === 'attendance' ? 'portrait' : 'landscape';
  const sheet = r.reportSheet(data.config, orientation);
  const extraCss = pdf ? r.reportPageCss(sheet, r.footerOf(form, period, locale), locale) : undefined;
  const ctx = { data, locale, extraCss };
  const fmt = (pdf ? 'html' : format) as 'html' | 'md';
  let text: string;
  if (form === 'monitoring') text = r.renderMonitoringForm(ctx, period, f.unit, fmt);
  else if (form === 'evaluation') text = r.renderEvaluationForms(ctx, period, f.unit, fmt);
  else if (form === 'register') {
    // The period columns: both semesters of the year (of --year, of --period, or today's) and the year.
    const reg = r.registerOf(data, f.unit, yearPeriod(String(period.year)), locale);
    if (format === 'csv') return { text: r.registerCsv(reg, locale, { delimiter: f.delimiter }) };
    if (format === 'xlsx') return { bytes: await r.registerXlsx(reg, locale) };
    text = r.renderDashboard(ctx, reg);
  } else {
    if (!f.sop) throw new UsageError(t('report.needSop'));
    const sop = data.sops.find((s) => s.id === f.sop);
    if (!sop) {
      const hint = closest(f.sop, data.sops.map((s) => s.id));
      throw new UsageError(t('report.noSop', { id: f.sop, hint: hint ? t('report.didYouMean', { hint }) : '.' }));
    }
    if (f.date && !sop.socialization.some((s) => s.date === f.date)) throw new UsageError(t('report.noSocialization', { id: sop.id, date: f.date, dates: sop.socialization.map((s) => s.date).join(', ') || t('report.none') }));
    const rows = f.rows !== undefined ? Number(f.rows) : undefined;
    if (rows !== undefined && (!Number.isInteger(rows) || rows < 1 || rows > 500)) throw new UsageError(t('report.badRows', { rows: f.rows! }));
    text = r.renderAttendance(ctx, sop, fmt, { date: f.date, rows });
  }
  if (!pdf) return { text };
  const [bytes] = await r.printHtml(launchOptions(state, data.config), sheet, [text]);
  return { bytes };
}

/** `sop report <form>`: the printed forms of penerapan and evaluasi, and the register. */
export function registerReport(program: Command, state: RunState): void {
  const { t } = state;
  program
    .command('report')
    .description(t('report.desc'))
    .addArgument(new Command().createArgument('<form>', t('report.form')).choices([...REPORT_FORMS]))
    .option('--period <YYYY-Sn>', t('report.period'))
    .option('--year <YYYY>', t('report.year'))
    .option('--unit <name>', t('report.unit'))
    .option('--sop <id>', t('report.sop'))
    .option('--date <date>', t('report.date'))
    .option('--rows <n>', t('report.rows'))
    .option('-f, --format <format>', t('report.format'), 'html')
    .option('-o, --output <file>', t('report.output'))
    .addOption(delimiterOption(t))
    .addOption(localeOption(t('opt.localeForms')))
    .option('-c, --config <file>', t('opt.config'))
    .addOption(todayOption(t))
    .action(async (form: Form, f: ReportFlags) => {
      const { io } = state;
      const format = f.format ?? 'html';
      if (!FORMATS[form].includes(format)) throw new UsageError(t('report.badFormat', { form, list: FORMATS[form].join(', '), format }));
      checkDelimiter(t, format, f.delimiter);
      if ((format === 'pdf' || format === 'xlsx') && (!f.output || f.output === '-')) throw new UsageError(t('report.needFile', { format }));
      if (form === 'attendance' && (f.period || f.year)) throw new UsageError(t('report.attendancePeriod'));
      const out = await produce(state, form, f, format);
      if (f.output && f.output !== '-') {
        const file = path.resolve(io.cwd, f.output);
        writeFileAtomic(file, out.bytes ?? out.text ?? '', t);
        io.stderr(`sop: ${t('report.wrote', { file: f.output })}\n`);
      } else io.stdout(out.text ?? '');
      state.exitCode = 0;
    });
}
