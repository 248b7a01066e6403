import { toCsv, type CsvDelimiter } from '../../util/csv.js';
import { escapeMarkdown } from '../../util/md-escape.js';
import { showControls } from '../../util/visible.js';
import type { StatusReport } from '../../app/lifecycle/status.js';
import type { StatusRow } from '../../lifecycle/status.js';
import { translator, type Translate } from '../i18n/index.js';

/** Output formats of `sop status`. */
export type StatusFormat = 'table' | 'json' | 'md' | 'csv';

/** Options for formatting. */
export interface StatusFormatOptions {
  /** Colours a stage name for the terminal (identity when colour is off). */
  paintStage?: (stage: string, text: string) => string;
  /** Colours a warning (overdue, changed). */
  paintWarn?: (text: string) => string;
  /** CSV field separator (default `,`). */
  delimiter?: CsvDelimiter;
  /** The language of the headers and notes (table and md; JSON and CSV keep their field names). Default English. */
  t?: Translate;
}

const HEAD_KEYS = ['id', 'title', 'unit', 'stage', 'rev', 'since', 'approvedBy', 'approval', 'nextMonitoring', 'nextEvaluation', 'flags'] as const;
const head = (t: Translate) => HEAD_KEYS.map((k) => t(`status.head.${k}`));

function flags(r: StatusRow, t: Translate): string[] {
  const out: string[] = [];
  if (r.unreadable) out.push(t('status.unreadable', { file: r.file }));
  if (r.changedAfterApproval) out.push(t('status.changed'));
  if (r.uncommitted) out.push(t('status.uncommitted', { what: r.uncommitted }));
  if (r.submodule) out.push(t('status.submodule', { path: r.submodule }));
  return out;
}

const due = (t: Translate, date: string | undefined, overdue: boolean) => (date ? `${date}${overdue ? t('status.overdue') : ''}` : '');

function cells(r: StatusRow, t: Translate): string[] {
  return [
    r.id,
    r.title,
    r.unit,
    r.stage,
    r.revision === null ? '' : String(r.revision),
    r.since ?? '',
    r.approvedBy ?? '',
    r.approvalCommit ?? '',
    due(t, r.nextMonitoring, r.monitoringOverdue),
    due(t, r.nextEvaluation, r.evaluationOverdue),
    flags(r, t).join('; '),
  ];
}

const clip = (s: string, n: number) => (s.length > n ? `${s.slice(0, n - 1)}…` : s);
/** A terminal cell: one line, control characters shown escaped. */
const termCell = (s: string) => showControls(s.replace(/\r\n|[\r\n\t]/g, ' '));
/** The row with every text made safe for a terminal. */
const termRow = (r: StatusRow): StatusRow => Object.fromEntries(Object.entries(r).map(([k, v]) => [k, typeof v === 'string' ? termCell(v) : v])) as unknown as StatusRow;

function table(report: StatusReport, o: StatusFormatOptions, t: Translate): string {
  const HEAD = head(t);
  const rep = { ...report, rows: report.rows.map(termRow) };
  const paintStage = o.paintStage ?? ((_s, t) => t);
  const warn = o.paintWarn ?? ((t) => t);
  const rows = rep.rows.map((r) => cells(r, t).map((c, i) => (i === 1 ? clip(c, 40) : i === 2 ? clip(c, 30) : c)));
  const width = HEAD.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (cs: string[], paint?: (i: number, padded: string) => string) =>
    cs.map((c, i) => {
      const padded = i === cs.length - 1 ? c : c.padEnd(width[i]!);
      return paint ? paint(i, padded) : padded;
    }).join('  ').trimEnd();
  const out = [line(HEAD), line(width.map((w) => '-'.repeat(w)))];
  rep.rows.forEach((r, k) => {
    out.push(
      line(rows[k]!, (i, padded) => {
        if (i === 3) return paintStage(r.stage, padded);
        if ((i === 8 && r.monitoringOverdue) || (i === 9 && r.evaluationOverdue) || (i === 10 && padded.trim())) return warn(padded);
        return padded;
      }),
    );
  });
  if (rep.rows.length === 0) out.push(t('status.none'));
  return `${out.join('\n')}\n`;
}

// The escaping of `render --format md`: no raw HTML, no links, no images reach a Markdown viewer.
const mdCell = (s: string) => escapeMarkdown(s.replace(/\r\n|\r/g, '\n'), 'cell');

function md(rep: StatusReport, t: Translate): string {
  const HEAD = head(t);
  const out = [`| ${HEAD.join(' | ')} |`, `|${HEAD.map(() => '---').join('|')}|`];
  for (const r of rep.rows) out.push(`| ${cells(r, t).map(mdCell).join(' | ')} |`);
  return `${out.join('\n')}\n`;
}

function csv(rep: StatusReport, delimiter: CsvDelimiter | undefined): string {
  const head = ['id', 'title', 'unit', 'stage', 'revision', 'since', 'approvedBy', 'approvalCommit', 'nextMonitoring', 'monitoringOverdue', 'nextEvaluation', 'evaluationOverdue', 'changedAfterApproval', 'uncommitted', 'file'];
  const rows = rep.rows.map((r) => [r.id, r.title, r.unit, r.stage, r.revision === null ? '' : String(r.revision), r.since ?? '', r.approvedBy ?? '', r.approvalCommit ?? '', r.nextMonitoring ?? '', String(r.monitoringOverdue), r.nextEvaluation ?? '', String(r.evaluationOverdue), String(r.changedAfterApproval), r.uncommitted ?? '', r.file]);
  return toCsv([head, ...rows], { delimiter });
}

/** Format a status report. */
export function formatStatus(rep: StatusReport, format: StatusFormat, o: StatusFormatOptions = {}): string {
  const t = o.t ?? translator('en');
  switch (format) {
    case 'json':
      return `${JSON.stringify({ git: rep.git, warnings: rep.warnings.map((w) => w.text), sops: rep.rows }, null, 2)}\n`;
    case 'md':
      return md(rep, t);
    case 'csv':
      return csv(rep, o.delimiter);
    default:
      return table(rep, o, t);
  }
}
