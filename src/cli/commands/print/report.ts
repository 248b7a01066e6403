import path from 'node:path';
import { Command, Option } from 'commander';
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
import { dayOption } from '../records/status.js';
import { localeOption } from '../../options.js';

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
export function periodOf(form: Form, f: ReportFlags, today: string): Period {
  if (f.period && f.year) throw new UsageError('Give --period or --year, not both.');
  if (f.period) return semesterPeriod(f.period);
  if (f.year) return yearPeriod(f.year);
  return form === 'monitoring' ? semesterOf(today) : yearPeriod(today.slice(0, 4));
}

/** Check --unit against the units of the repository. */
export function checkUnit(data: ReportData, unit: string | undefined): void {
  if (unit === undefined) return;
  const units = [...new Set(data.sops.map((s) => s.unit))];
  if (units.includes(unit)) return;
  const hint = closest(unit, units);
  throw new UsageError(`--unit \`${unit}\` is not the unit of any SOP${hint ? `; did you mean \`${hint}\`?` : ''} Units: ${units.join('; ')}.`);
}

/** Produce one form as text or bytes. */
async function produce(state: RunState, form: Form, f: ReportFlags, format: string): Promise<{ text?: string; bytes?: Uint8Array }> {
  const { io } = state;
  const data = await loadReportData({ cwd: io.cwd, configPath: f.config, now: f.today ?? new Date() });
  const today = data.today;
  checkUnit(data, f.unit);
  const locale: Locale = f.locale ?? data.config.locale;
  const period = periodOf(form, f, today);
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
    if (!f.sop) throw new UsageError('`sop report attendance` needs --sop <id>: the SOP whose socialisation the list is for.');
    const sop = data.sops.find((s) => s.id === f.sop);
    if (!sop) throw new UsageError(`No SOP with id \`${f.sop}\`${closest(f.sop, data.sops.map((s) => s.id)) ? `; did you mean \`${closest(f.sop, data.sops.map((s) => s.id))}\`?` : '.'}`);
    if (f.date && !sop.socialization.some((s) => s.date === f.date)) throw new UsageError(`${sop.id} has no socialisation on ${f.date}; recorded: ${sop.socialization.map((s) => s.date).join(', ') || 'none'}.`);
    const rows = f.rows !== undefined ? Number(f.rows) : undefined;
    if (rows !== undefined && (!Number.isInteger(rows) || rows < 1 || rows > 500)) throw new UsageError(`--rows must be a whole number from 1 to 500, got \`${f.rows}\`.`);
    text = r.renderAttendance(ctx, sop, fmt, { date: f.date, rows });
  }
  if (!pdf) return { text };
  const [bytes] = await r.printHtml(launchOptions(io, data.config), sheet, [text]);
  return { bytes };
}

/** `sop report <form>`: the printed forms of penerapan and evaluasi, and the register. */
export function registerReport(program: Command, state: RunState): void {
  program
    .command('report')
    .description('print the monitoring form, the evaluation worksheets and recap, a socialisation attendance list, or the SOP register')
    .addArgument(new Command().createArgument('<form>', 'which form').choices([...REPORT_FORMS]))
    .option('--period <YYYY-Sn>', 'semester, e.g. 2026-S2 (monitoring; default the current semester)')
    .option('--year <YYYY>', 'year, e.g. 2026 (evaluation; default the current year)')
    .option('--unit <name>', 'only this unit (unit kerja) as written in the SOPs')
    .option('--sop <id>', 'attendance: the SOP')
    .option('--date <date>', 'attendance: the socialisation of this day (default the latest)')
    .option('--rows <n>', 'attendance: blank rows to sign (default the attendees, at least 15)')
    .option('-f, --format <format>', 'html, md or pdf (register: html, csv, xlsx or pdf)', 'html')
    .option('-o, --output <file>', 'write to this file (required for pdf and xlsx; default stdout)')
    .addOption(delimiterOption())
    .addOption(localeOption('labels in Indonesian or English'))
    .option('-c, --config <file>', 'use this sop.config.yaml')
    .addOption(new Option('--today <date>', 'treat this day as today').argParser(dayOption).hideHelp())
    .action(async (form: Form, f: ReportFlags) => {
      const { io } = state;
      const format = f.format ?? 'html';
      if (!FORMATS[form].includes(format)) throw new UsageError(`--format for ${form} must be one of ${FORMATS[form].join(', ')}, got \`${format}\`.`);
      checkDelimiter(format, f.delimiter);
      if ((format === 'pdf' || format === 'xlsx') && (!f.output || f.output === '-')) throw new UsageError(`--format ${format} needs -o FILE.${format}.`);
      if (form === 'attendance' && (f.period || f.year)) throw new UsageError('attendance takes --sop and --date, not --period or --year.');
      const out = await produce(state, form, f, format);
      if (f.output && f.output !== '-') {
        const file = path.resolve(io.cwd, f.output);
        writeFileAtomic(file, out.bytes ?? out.text ?? '');
        io.stderr(`sop: wrote ${f.output}\n`);
      } else io.stdout(out.text ?? '');
      state.exitCode = 0;
    });
}
