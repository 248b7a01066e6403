import { escapeMarkdown } from '../../util/md-escape.js';
import type { Diagnostic, LintReport } from '../diagnostic.js';
import { portablePath, relativeTo } from './location.js';
import { wordReport } from '../messages/word.js';
import type { FormatContext } from './types.js';
import { REPORT_WORDS } from './words.js';

/** GitHub keeps at most 1 MiB of a step's summary: the table stops short of it and says how many rows it left out. */
export const SUMMARY_LIMIT = 1000 * 1000;

/** Where a file of the repository can be seen on GitHub: `https://github.com/OWNER/REPO/blob/SHA/`. */
export function blobBase(env: Record<string, string | undefined>): string | undefined {
  const { GITHUB_SERVER_URL: server, GITHUB_REPOSITORY: repo, GITHUB_SHA: sha } = env;
  if (!server || !repo || !sha || !/^https:\/\/[^\s/()<>]+$/.test(server) || !/^[\w.-]+\/[\w.-]+$/.test(repo) || !/^[0-9a-f]{40,64}$/.test(sha)) return undefined;
  return `${server}/${repo}/blob/${sha}/`;
}

// The escaping of `status --format md` (and `render --format md`): no raw HTML, no links, control characters shown.
const cell = (s: string) => escapeMarkdown(s.replace(/\r\n|\r/g, '\n'), 'cell');
const encodePath = (rel: string) => rel.split('/').map(encodeURIComponent).join('/');

function where(d: Diagnostic, ctx: Pick<FormatContext, 'cwd' | 'root'>, base: string | undefined): string {
  const { line, column } = d.range.start;
  const text = cell(`${portablePath(ctx, d.file)}:${line}:${column}`);
  const rel = relativeTo(ctx.root, ctx.cwd, d.file);
  return base && rel !== null ? `[${text}](${base}${encodePath(rel)}#L${line})` : text;
}

/**
 * The step summary of `sop lint --format github` (Markdown, appended to `$GITHUB_STEP_SUMMARY`): the counts,
 * the problems per rule, and a table of every diagnostic (file:line:col, linked to the file on GitHub when
 * `base` is given; severity; rule, linked to its page; message).
 */
export function githubSummary(given: LintReport, ctx: Pick<FormatContext, 'cwd' | 'root' | 'hiddenWarnings' | 'lang'>, base?: string): string {
  const report = wordReport(given, ctx.lang ?? 'en');
  const w = REPORT_WORDS[ctx.lang ?? 'en'];
  const total = report.errorCount + report.warningCount;
  const checked = w.checked(report.files.length);
  const hidden = ctx.hiddenWarnings ? ` (${w.hidden(ctx.hiddenWarnings)})` : '';
  const out = ['## sop lint', ''];
  if (total === 0) {
    out.push(`✅ ${checked}, ${w.none(hidden !== '')}${hidden}.`, '');
    return `${out.join('\n')}\n`;
  }
  const withProblems = report.files.filter((f) => f.diagnostics.length > 0).length;
  out.push(`${report.errorCount ? '❌' : '⚠️'} **${w.count(total, 'problem')}** (${w.count(report.errorCount, 'error')}, ${w.count(report.warningCount, 'warning')})${hidden}${w.in}${w.count(withProblems, 'file')}${w.of}${checked}.`, '');
  const all = report.files.flatMap((f) => f.diagnostics);
  const byRule = new Map<string, { url: string; errors: number; warnings: number }>();
  for (const d of all) {
    const r = byRule.get(d.ruleId) ?? { url: d.docsUrl, errors: 0, warnings: 0 };
    if (d.severity === 'error') r.errors++;
    else r.warnings++;
    byRule.set(d.ruleId, r);
  }
  const ruleLink = (id: string, url: string) => (/^https:\/\/[^\s()<>]+$/.test(url) ? `[${cell(id)}](${url})` : cell(id));
  out.push(w.ruleTable, '|---|---:|---:|');
  for (const [id, r] of [...byRule].sort((a, b) => a[0].localeCompare(b[0]))) out.push(`| ${ruleLink(id, r.url)} | ${r.errors} | ${r.warnings} |`);
  out.push('', w.problemTable, '|---|---|---|---|');
  let size = Buffer.byteLength(out.join('\n'));
  let shown = 0;
  for (const d of all) {
    const row = `| ${where(d, ctx, base)} | ${w.severity(d.severity)} | ${ruleLink(d.ruleId, d.docsUrl)} | ${cell(d.message)} |`;
    if (size + Buffer.byteLength(row) + 200 > SUMMARY_LIMIT) break;
    out.push(row);
    size += Buffer.byteLength(row) + 1;
    shown++;
  }
  if (shown < all.length) out.push('', w.notShown(all.length - shown));
  out.push('');
  return `${out.join('\n')}\n`;
}
