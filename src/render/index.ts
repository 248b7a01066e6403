import type { Sop } from '../model/types.js';
import { addBands, FLOWCHART_CSS, mermaidOf } from './flow.js';
import { templateEnvFor } from './handlebars.js';
import { buildView, type ViewContext } from './view.js';
import type { SopView } from './view-types.js';

export { buildView, type ViewContext, type IndexEntry } from './view.js';
export type { SopView, StepView, ListView, ItemView, HistoryView } from './view-types.js';
export { templateEnv, templateEnvFor, builtinTemplates } from './handlebars.js';
export { pageSize, printableWidthPx } from './page.js';
import { ACTOR_SHARE, printableWidthPx } from './page.js';
export { logoDataUri } from './assets.js';

/** Options of one render. */
export interface RenderOptions extends ViewContext {
  /** A user template folder; its templates, partials and sop.css override the bundled ones by name. */
  templates?: string;
  /** CSS appended after the stylesheet (e.g. the PDF renderer's page additions). */
  extraCss?: string;
}

const SAFE_MARGIN = /^(\d+(\.\d+)?(mm|cm|in|pt|px)\s*){1,4}$/;

/** The `@page` rule of the configured paper: size, orientation and margin. */
export function pageCss(view: SopView, margin: string): string {
  const m = SAFE_MARGIN.test(margin.trim()) ? margin.trim() : '10mm';
  return `@page { size: ${view.page.size}; margin: ${m}; }`;
}

const cssCache = new Map<string, string>();

/** The whole stylesheet of an HTML document: page rule, template CSS, flowchart CSS, extras (cached). */
export function documentCss(view: SopView, opts: RenderOptions, css: string): string {
  const page = pageCss(view, opts.config.pdf.margin);
  const extra = opts.extraCss ?? '';
  const key = `${page}\u0000${extra}\u0000${css}`;
  let out = cssCache.get(key);
  if (out === undefined) {
    // The CSS comes from the bundled or user templates and from code, never from an SOP; `<` is
    // written as a CSS escape so nothing can close the style element.
    out = [page, css, FLOWCHART_CSS, extra].join('\n').replace(/</g, '\\3c ');
    if (cssCache.size > 32) cssCache.clear();
    cssCache.set(key, out);
  }
  return out;
}

/** The view of an SOP with what the HTML template needs (bands, CSS, layout). */
export function htmlView(sop: Sop, opts: RenderOptions): SopView & { css: string; layout: { totalLabelSpan: number; actorFontPt: number } } {
  const env = templateEnvFor(opts.templates, opts.config);
  const view = buildView(sop, opts);
  const lanes = Math.max(1, view.actors.length);
  const laneWidth = Math.floor((printableWidthPx(opts.config) * ACTOR_SHARE) / lanes);
  addBands(sop, view, opts.breaks ?? [], laneWidth);
  const layout = { totalLabelSpan: 3 + view.actors.length, actorFontPt: actorHeaderFontPt(view.actors.map((a) => a.name), laneWidth) };
  return { ...view, css: documentCss(view, opts, env.css), layout };
}

/**
 * Font size of the actor column headers: 8 pt, smaller (down to 5.5 pt) when the longest word of a
 * position would not fit the lane, so "Pengadministrasi" is not cut mid-word on a narrow lane.
 * Bold Arial averages about 0.62 em a character; 4 px go to the cell's padding.
 */
export function actorHeaderFontPt(names: readonly string[], laneWidthPx: number): number {
  const longest = Math.max(1, ...names.flatMap((n) => n.split(/[\s/-]+/).map((w) => w.length)));
  const fitPx = (laneWidthPx - 4) / (longest * 0.62);
  return Math.max(5.5, Math.min(8, Math.floor((fitPx * 0.75) * 4) / 4));
}

/** Render one SOP as a self-contained HTML document. */
export function renderHtml(sop: Sop, opts: RenderOptions): string {
  return templateEnvFor(opts.templates, opts.config).render('sop.html', htmlView(sop, opts));
}

/** Render one SOP as Markdown with a Mermaid flowchart. */
export function renderMarkdown(sop: Sop, opts: RenderOptions): string {
  const view = buildView(sop, opts);
  return templateEnvFor(opts.templates, opts.config).render('sop.md', { ...view, mermaid: mermaidOf(sop, view) });
}
