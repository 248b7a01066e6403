import type { DiffReport } from './sop-diff.js';
import { isEmptyDiff } from './semantic-diff.js';

/** Output formats of `sop diff`. */
export type DiffFormat = 'text' | 'md' | 'html';

/** A value as shown in a diff: strings quoted, lists and maps as compact JSON, absence as a dash. */
export function showValue(v: unknown): string {
  if (v === undefined) return '—';
  return JSON.stringify(v);
}

interface Line {
  /** Section. */
  section: 'Fields' | 'Actors' | 'Steps';
  /** `+`, `−` or `~`. */
  sign: '+' | '−' | '~';
  /** What (field path, actor id, step number). */
  what: string;
  /** Before → after, or the added/removed value. */
  detail: string[];
}

function lines(rep: DiffReport): Line[] {
  const out: Line[] = [];
  for (const f of rep.diff.fields) {
    const sign = f.before === undefined ? '+' : f.after === undefined ? '−' : '~';
    out.push({ section: 'Fields', sign, what: f.path, detail: [sign === '~' ? `${showValue(f.before)} → ${showValue(f.after)}` : showValue(sign === '+' ? f.after : f.before)] });
  }
  for (const a of rep.diff.actors) {
    const sign = a.kind === 'added' ? '+' : a.kind === 'removed' ? '−' : '~';
    out.push({ section: 'Actors', sign, what: a.id, detail: [a.kind === 'changed' ? `${showValue(a.before)} → ${showValue(a.after)}` : showValue(a.after ?? a.before)] });
  }
  for (const s of rep.diff.steps) {
    if (s.kind === 'changed') {
      const what = `step ${s.number}${s.oldNumber !== undefined ? ` (was ${s.oldNumber})` : ''}`;
      out.push({ section: 'Steps', sign: '~', what, detail: s.keys.map((k) => `${k}: ${showValue(s.before?.[k])} → ${showValue(s.after?.[k])}`) });
    } else {
      const step = (s.after ?? s.before) as Record<string, unknown>;
      out.push({ section: 'Steps', sign: s.kind === 'added' ? '+' : '−', what: `step ${s.number}`, detail: [`${String(step.activity ?? '')}${step.actor ? ` (${String(step.actor)})` : ''}`] });
    }
  }
  return out;
}

const title = (rep: DiffReport) => `${rep.id}: ${rep.from.label} → ${rep.to.label}`;

function text(rep: DiffReport): string {
  const out = [title(rep)];
  if (isEmptyDiff(rep.diff)) out.push('No change in content.');
  let section = '';
  for (const l of lines(rep)) {
    if (l.section !== section) out.push(l.section);
    section = l.section;
    if (l.detail.length === 1) out.push(`  ${l.sign} ${l.what}: ${l.detail[0]}`);
    else {
      out.push(`  ${l.sign} ${l.what}`);
      for (const d of l.detail) out.push(`      ${d}`);
    }
  }
  return `${out.join('\n')}\n`;
}

const mdEsc = (s: string) => s.replace(/\\/g, '\\\\').replace(/([|*_`[\]<>#~])/g, '\\$1').replace(/\r?\n/g, ' ');

function md(rep: DiffReport): string {
  const out = [`# ${mdEsc(title(rep))}`, ''];
  if (isEmptyDiff(rep.diff)) out.push('No change in content.');
  else {
    out.push('| | Section | What | Change |', '|---|---|---|---|');
    for (const l of lines(rep)) out.push(`| ${l.sign} | ${l.section} | ${mdEsc(l.what)} | ${l.detail.map(mdEsc).join('<br>')} |`);
  }
  return `${out.join('\n')}\n`;
}

/** Escape text for HTML content and attributes. */
export function escapeHtml(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');
}

function html(rep: DiffReport): string {
  const rows = lines(rep)
    .map((l) => `<tr class="${l.sign === '+' ? 'add' : l.sign === '−' ? 'del' : 'chg'}"><td>${l.sign}</td><td>${l.section}</td><td>${escapeHtml(l.what)}</td><td>${l.detail.map(escapeHtml).join('<br>')}</td></tr>`)
    .join('\n');
  const body = isEmptyDiff(rep.diff) ? '<p>No change in content.</p>' : `<table>\n<thead><tr><th></th><th>Section</th><th>What</th><th>Change</th></tr></thead>\n<tbody>\n${rows}\n</tbody>\n</table>`;
  return `<!doctype html>
<html><head><meta charset="utf-8"><title>${escapeHtml(title(rep))}</title>
<style>body{font-family:sans-serif;margin:2em}table{border-collapse:collapse}td,th{border:1px solid #999;padding:4px 8px;text-align:left;vertical-align:top}.add{background:#e6ffec}.del{background:#ffebe9}.chg{background:#fff8c5}</style>
</head><body>
<h1>${escapeHtml(title(rep))}</h1>
${body}
</body></html>
`;
}

/** Format a diff report. */
export function formatDiff(rep: DiffReport, format: DiffFormat): string {
  return format === 'md' ? md(rep) : format === 'html' ? html(rep) : text(rep);
}
