import type { Diagnostic } from '../../lint/diagnostic.js';
import { escapeHtml as esc } from '../../render/format.js';
import type { PreviewEntry, PreviewSnapshot } from './snapshot.js';

/** A diagnostic as the page shows it (also the JSON the shell script reads). */
export interface DiagnosticRow {
  /** 1-based line and column. */
  line: number;
  column: number;
  severity: Diagnostic['severity'];
  message: string;
  ruleId: string;
  /** The source line it points at (empty when unknown). */
  source: string;
}

/** What `/api/sop/<key>` answers: everything of an SOP page that changes with the files. */
export interface SopState {
  /** The snapshot's version. */
  version: string;
  /** The page title. */
  title: string;
  /** The file as shown. */
  file: string;
  /** A project-wide problem, or empty. */
  fatal: string;
  /** Why the document is not shown, or empty. */
  notRendered: string;
  /** The diagnostics. */
  diagnostics: DiagnosticRow[];
}

const count = (e: { diagnostics: Diagnostic[] }, s: Diagnostic['severity']) => e.diagnostics.filter((d) => d.severity === s).length;

function rows(entry: { diagnostics: Diagnostic[] }, text: string): DiagnosticRow[] {
  const lines = text.split(/\r?\n/);
  return entry.diagnostics.map((d) => ({
    line: d.range.start.line,
    column: d.range.start.column,
    severity: d.severity,
    message: d.message,
    ruleId: d.ruleId,
    source: lines[d.range.start.line - 1] ?? '',
  }));
}

/** The changing part of an SOP page. */
export function sopState(snap: PreviewSnapshot, entry: PreviewEntry | undefined): SopState {
  if (!entry) return { version: snap.version, title: '', file: '', fatal: snap.fatal ?? 'This SOP is no longer among the previewed files.', notRendered: '', diagnostics: [] };
  const title = [entry.id, entry.title].filter((s) => s.trim()).join(' — ') || entry.file;
  return { version: snap.version, title, file: entry.file, fatal: snap.fatal ?? '', notRendered: entry.unrenderable ?? '', diagnostics: rows(entry, entry.loaded.text) };
}

function page(kind: 'index' | 'sop', title: string, body: string, data: Record<string, string>): string {
  const attrs = Object.entries(data).map(([k, v]) => ` data-${k}="${esc(v)}"`).join('');
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${esc(title)} · sop preview</title><link rel="stylesheet" href="/preview.css"><script src="/preview.js" defer></script></head>
<body data-page="${kind}"${attrs}>
${body}
</body></html>
`;
}

function diagnosticItems(diagnostics: readonly DiagnosticRow[]): string {
  const items = diagnostics.map((d) =>
    `<li class="diag ${esc(d.severity)}"><span class="pos">${d.line}:${d.column}</span> <span class="sev">${esc(d.severity)}</span> <span class="msg">${esc(d.message)}</span> <span class="rule">${esc(d.ruleId)}</span>${d.source ? `<pre class="src"><span class="ln">${d.line} |</span> ${esc(d.source)}</pre>` : ''}</li>`,
  );
  return items.join('');
}

/** The shell page of one SOP: its diagnostics and the document in a sandboxed frame (no scripts in it). */
export function sopPage(snap: PreviewSnapshot, entry: PreviewEntry): string {
  const state = sopState(snap, entry);
  const summary = state.diagnostics.length === 0 ? 'No problems.' : `${count(entry, 'error')} error(s), ${count(entry, 'warn')} warning(s)`;
  const body = `<header><a href="/">All SOPs</a> <h1 id="title">${esc(state.title)}</h1> <span id="file">${esc(state.file)}</span> <span id="live" class="live">live</span></header>
<p id="fatal" class="fatal"${state.fatal ? '' : ' hidden'}>${esc(state.fatal)}</p>
<section id="problems"><h2 id="summary">${esc(summary)}</h2><ul id="diagnostics">${diagnosticItems(state.diagnostics)}</ul></section>
<p id="not-rendered" class="fatal"${state.notRendered ? '' : ' hidden'}>Not rendered: ${esc(state.notRendered)}</p>
<iframe id="doc" title="document" sandbox="allow-same-origin" src="/doc/${esc(encodeURIComponent(entry.key))}?v=${esc(encodeURIComponent(snap.version))}"></iframe>`;
  return page('sop', state.title, body, { key: entry.key, version: snap.version });
}

/** The index page: every previewed SOP with its problem counts. */
export function indexPage(snap: PreviewSnapshot): string {
  const rowsHtml = snap.entries.map((e) => {
    const errors = count(e, 'error');
    const warnings = count(e, 'warn');
    return `<tr><td><a href="/sop/${esc(encodeURIComponent(e.key))}">${esc(e.id || e.key)}</a></td><td>${esc(e.title)}</td><td>${esc(e.unit)}</td><td>${esc(e.status)}</td><td class="${errors ? 'error' : ''}">${errors}</td><td class="${warnings ? 'warn' : ''}">${warnings}</td><td class="file">${esc(e.file)}</td></tr>`;
  });
  const others = snap.others.filter((o) => o.diagnostics.length > 0).map((o) => `<h2>${esc(o.file)}</h2><ul class="diagnostics">${diagnosticItems(rows(o, o.text))}</ul>`);
  const body = `<header><h1>SOPs</h1> <span class="live">live</span></header>
${snap.fatal ? `<p class="fatal">${esc(snap.fatal)}</p>` : ''}
<table id="sops"><thead><tr><th>ID</th><th>Title</th><th>Unit</th><th>Status</th><th>Errors</th><th>Warnings</th><th>File</th></tr></thead>
<tbody>${rowsHtml.join('\n')}</tbody></table>
${others.join('\n')}`;
  return page('index', 'SOPs', body, { version: snap.version });
}

/** A small page said instead of a document (not renderable, unknown). */
export function notice(title: string, message: string): string {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${esc(title)}</title></head><body><p>${esc(message)}</p></body></html>\n`;
}
