import type { DiffReport } from '../../app/lifecycle/diff.js';
import { isEmptyDiff, type SemanticDiff } from '../../lifecycle/semantic-diff.js';
import { translator, type Translate } from '../i18n/index.js';

/** Output formats of `sop diff`. */
export type DiffFormat = 'text' | 'md' | 'html';

/** A value as shown in a diff: strings quoted, lists and maps as compact JSON, absence as a dash. */
export function showValue(v: unknown): string {
  if (v === undefined) return '—';
  return JSON.stringify(v);
}

/** One row of a diff: a field, actor, step or record that changed. */
export interface DiffLine {
  /** Section. */
  section: 'Fields' | 'Records' | 'Actors' | 'Steps';
  /** `+`, `−` or `~`. */
  sign: '+' | '−' | '~';
  /** What (field path, actor id, step number). */
  what: string;
  /** Before → after, or the added/removed value. */
  detail: string[];
}

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => !!v && typeof v === 'object' && !Array.isArray(v);

/** Monitoring and evaluation records are shown one row each, in words, instead of as JSON. */
const RECORDS: Record<string, { what: string; who: string; order: string[] }> = {
  monitoring: { what: 'monitoring', who: 'assessor', order: ['result', 'notes', 'action'] },
  evaluations: { what: 'evaluation', who: 'evaluator', order: ['decision', 'criteria', 'notes'] },
};

/** A record's facts as "key: value" parts (criteria counted, with those not met named). */
function recordParts(r: Obj, who: string, order: string[]): string[] {
  const parts: string[] = [];
  if (r[who] !== undefined) parts.push(String(r[who]));
  const keys = [...order, ...Object.keys(r).filter((k) => k !== 'date' && k !== who && !order.includes(k))];
  for (const k of keys) {
    const v = r[k];
    if (v === undefined) continue;
    if (k === 'criteria' && isObj(v)) {
      const all = Object.entries(v);
      const unmet = all.filter(([, x]) => x !== true).map(([c]) => c);
      parts.push(`criteria met: ${all.length - unmet.length} of ${all.length}${unmet.length ? ` (not met: ${unmet.join(', ')})` : ''}`);
    } else parts.push(`${k}: ${typeof v === 'string' ? v : showValue(v)}`);
  }
  return parts;
}

/** Flatten a record to "key: value" pairs, criteria one by one, for a changed record. */
function flat(r: Obj): Map<string, unknown> {
  const out = new Map<string, unknown>();
  for (const [k, v] of Object.entries(r)) {
    if (k === 'criteria' && isObj(v)) for (const [c, x] of Object.entries(v)) out.set(`criteria.${c}`, x);
    else out.set(k, v);
  }
  return out;
}

/** Rows for a change of `monitoring` or `evaluations`: records added, removed or changed (matched by date). */
function recordLines(path: string, before: unknown, after: unknown): DiffLine[] | undefined {
  const kind = RECORDS[path];
  const xs = before === undefined ? [] : before;
  const ys = after === undefined ? [] : after;
  if (!kind || !Array.isArray(xs) || !Array.isArray(ys) || ![...xs, ...ys].every(isObj)) return undefined;
  const key = (r: Obj) => JSON.stringify(r);
  const ykeys = new Set(ys.map(key));
  const xkeys = new Set(xs.map(key));
  const removed = (xs as Obj[]).filter((r) => !ykeys.has(key(r)));
  const added = (ys as Obj[]).filter((r) => !xkeys.has(key(r)));
  const out: DiffLine[] = [];
  const what = (r: Obj) => `${kind.what} ${typeof r.date === 'string' ? r.date : showValue(r.date)}`;
  for (const r of removed) {
    const twin = added.findIndex((a) => a.date === r.date);
    if (twin >= 0) {
      const a = added.splice(twin, 1)[0]!;
      const fx = flat(r);
      const fy = flat(a);
      const keys = [...new Set([...fx.keys(), ...fy.keys()])].filter((k) => showValue(fx.get(k)) !== showValue(fy.get(k)));
      out.push({ section: 'Records', sign: '~', what: what(a), detail: keys.map((k) => `${k}: ${showValue(fx.get(k))} → ${showValue(fy.get(k))}`) });
    } else out.push({ section: 'Records', sign: '−', what: what(r), detail: [recordParts(r, kind.who, kind.order).join('; ')] });
  }
  for (const a of added) out.push({ section: 'Records', sign: '+', what: what(a), detail: [recordParts(a, kind.who, kind.order).join('; ')] });
  return out;
}

/** The rows of a semantic diff, in the order fields, records (monitoring, evaluations), actors, steps. */
export function diffLines(diff: SemanticDiff): DiffLine[] {
  const out: DiffLine[] = [];
  const records: DiffLine[] = [];
  for (const f of diff.fields) {
    const rows = recordLines(f.path, f.before, f.after);
    if (rows) {
      records.push(...rows);
      continue;
    }
    const sign = f.before === undefined ? '+' : f.after === undefined ? '−' : '~';
    out.push({ section: 'Fields', sign, what: f.path, detail: [sign === '~' ? `${showValue(f.before)} → ${showValue(f.after)}` : showValue(sign === '+' ? f.after : f.before)] });
  }
  out.push(...records);
  for (const a of diff.actors) {
    const sign = a.kind === 'added' ? '+' : a.kind === 'removed' ? '−' : '~';
    out.push({ section: 'Actors', sign, what: a.id, detail: [a.kind === 'changed' ? `${showValue(a.before)} → ${showValue(a.after)}` : showValue(a.after ?? a.before)] });
  }
  for (const s of diff.steps) {
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

/** A section's name in the run's language. */
const sectionName = (t: Translate, s: DiffLine['section']) => t(`diff.section.${s}`);

function text(rep: DiffReport, t: Translate): string {
  const out = [title(rep)];
  if (isEmptyDiff(rep.diff)) out.push(t('diff.noChange'));
  let section = '';
  for (const l of diffLines(rep.diff)) {
    if (l.section !== section) out.push(sectionName(t, l.section));
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

function md(rep: DiffReport, t: Translate): string {
  const out = [`# ${mdEsc(title(rep))}`, ''];
  if (isEmptyDiff(rep.diff)) out.push(t('diff.noChange'));
  else {
    out.push(`| | ${t('diff.head.section')} | ${t('diff.head.what')} | ${t('diff.head.change')} |`, '|---|---|---|---|');
    for (const l of diffLines(rep.diff)) out.push(`| ${l.sign} | ${sectionName(t, l.section)} | ${mdEsc(l.what)} | ${l.detail.map(mdEsc).join('<br>')} |`);
  }
  return `${out.join('\n')}\n`;
}

/** Escape text for HTML content and attributes. */
export function escapeHtml(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');
}

function html(rep: DiffReport, t: Translate): string {
  const rows = diffLines(rep.diff)
    .map((l) => `<tr class="${l.sign === '+' ? 'add' : l.sign === '−' ? 'del' : 'chg'}"><td>${l.sign}</td><td>${escapeHtml(sectionName(t, l.section))}</td><td>${escapeHtml(l.what)}</td><td>${l.detail.map(escapeHtml).join('<br>')}</td></tr>`)
    .join('\n');
  const body = isEmptyDiff(rep.diff) ? `<p>${escapeHtml(t('diff.noChange'))}</p>` : `<table>\n<thead><tr><th></th><th>${escapeHtml(t('diff.head.section'))}</th><th>${escapeHtml(t('diff.head.what'))}</th><th>${escapeHtml(t('diff.head.change'))}</th></tr></thead>\n<tbody>\n${rows}\n</tbody>\n</table>`;
  return `<!doctype html>
<html><head><meta charset="utf-8"><title>${escapeHtml(title(rep))}</title>
<style>body{font-family:sans-serif;margin:2em}table{border-collapse:collapse}td,th{border:1px solid #999;padding:4px 8px;text-align:left;vertical-align:top}.add{background:#e6ffec}.del{background:#ffebe9}.chg{background:#fff8c5}</style>
</head><body>
<h1>${escapeHtml(title(rep))}</h1>
${body}
</body></html>
`;
}

/** Format a diff report (headers and section names in `t`'s language; English by default). */
export function formatDiff(rep: DiffReport, format: DiffFormat, t: Translate = translator('en')): string {
  return format === 'md' ? md(rep, t) : format === 'html' ? html(rep, t) : text(rep, t);
}
