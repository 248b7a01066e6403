// The Chromium part of a DOCX: the PDF's pagination and row heights, and PNG forms of the flowchart bands
// (Word's fallback for the SVG) and of an SVG logo. One browser for every SOP; the document's JavaScript is
// off and every request but data: URIs is blocked (the PDF layer's sandbox page).
import { htmlView } from '../index.js';
import type { SandboxPage } from '../pdf/browser.js';
import { pdfSource, SOP_SELECTORS } from '../pdf/index.js';
import { pageRule } from '../pdf/page-css.js';
import type { Pagination } from '../pdf/paginate.js';
import { paginate, type PdfSettings } from '../pdf/pdf.js';
import type { PrintableSop, PrintProject } from '../pdf/sources.js';
import type { SopView } from '../view-types.js';
import { fixedBand } from './band.js';
import type { Picture } from './cells.js';
import { contentWidth } from './page.js';
import { bandWidthPx } from './widths.js';

export type { Picture } from './cells.js';

/** One SOP laid out for Word. */
export interface DocxLayout {
  /** The view, with the bands drawn for `pagination`. */
  view: SopView & { layout: { actorFontPt: number } };
  /** The PDF's page breaks (rows after which a page breaks). */
  pagination: Pagination;
  /** Height of each procedure row in CSS px, as Chromium lays it out at the printable width. */
  rowHeights: number[];
  /** The band picture of each row, as wide as the actor columns and as tall as the row. */
  bands: Picture[];
  /** The logo as printed in the identity table, when there is one. */
  logo?: Picture;
}

/** The Chromium work of a DOCX, per SOP, on one sandboxed page. */
export interface DocxLayouter {
  /** Lay out one SOP. */
  layout(item: PrintableSop): Promise<DocxLayout>;
}

/** Pixels per CSS px of the PNG fallbacks (2: sharp when printed). */
const SCALE = 2;

function dataUriBytes(uri: string): { mime: string; bytes: Uint8Array } | undefined {
  const m = /^data:([^;,]+);base64,(.*)$/s.exec(uri);
  return m ? { mime: m[1]!, bytes: Buffer.from(m[2]!, 'base64') } : undefined;
}

const RASTER: Record<string, Picture['type']> = { 'image/png': 'png', 'image/jpeg': 'jpg', 'image/gif': 'gif' };

/** Screenshot each SVG drawn at its place in a blank document (one load for all), as PNGs at twice the size. */
export async function rasterise(page: SandboxPage, svgs: Array<{ svg: string; width: number; height: number }>): Promise<Uint8Array[]> {
  let y = 0;
  const placed = svgs.map((s) => {
    const at = { ...s, y };
    y += Math.ceil(s.height) + 4;
    return at;
  });
  const imgs = placed
    .map((p) => `<img style="position:absolute;left:0;top:${p.y}px;width:${p.width}px;height:${p.height}px" src="data:image/svg+xml;base64,${Buffer.from(p.svg).toString('base64')}" alt="">`)
    .join('');
  await page.setHtml(`<!DOCTYPE html><html><head><meta charset="utf-8"><style>html,body{margin:0;background:transparent}</style></head><body>${imgs}</body></html>`);
  const out: Uint8Array[] = [];
  for (const p of placed) out.push(await page.screenshot({ x: 0, y: p.y, width: p.width, height: p.height, scale: SCALE }));
  return out;
}

/** Row heights and the logo's box of the SOP loaded on the page. */
async function measure(page: SandboxPage): Promise<{ rows: number[]; logo?: { x: number; y: number; width: number; height: number } }> {
  return page.evaluate((sel: typeof SOP_SELECTORS) => {
    const root = document.querySelector(sel.root);
    const table = root?.querySelector(sel.table);
    const rows = table ? Array.from(table.querySelectorAll(sel.row)).map((r) => r.getBoundingClientRect().height) : [];
    const img = root?.querySelector('img.logo');
    const box = img?.getBoundingClientRect();
    return {
      rows,
      logo: box && box.width > 0 ? { x: box.left + window.scrollX, y: box.top + window.scrollY, width: box.width, height: box.height } : undefined,
    };
  }, SOP_SELECTORS);
}

/**
 * A layouter on an open page: the sheet is the PDF's, so the breaks are the PDF's (`reservePx` less on every page,
 * e.g. for the book's headings above an SOP).
 */
export function docxLayouter(page: SandboxPage, project: PrintProject, reservePx = 0): DocxLayouter {
  const sheet = { ...project.sheet, contentHeightPx: project.sheet.contentHeightPx - reservePx };
  const settings: PdfSettings = { sheet, locale: project.locale, selectors: SOP_SELECTORS };
  let logo: Picture | undefined | null = null;
  return {
    async layout(item) {
      const source = pdfSource(item, project);
      const css = pageRule(project.sheet, source.marks, project.locale);
      const pagination = await paginate(page, settings, css, (p) => source.html(p, css));
      await page.setHtml(source.html(pagination, css));
      const m = await measure(page);
      if (logo === null) logo = await logoPicture(page, project, m.logo);
      const view = htmlView(item.sop, { ...project.ctx, history: item.history, breaks: pagination.breaks });
      // As wide as Word's merged actor cells (their columns have the stylesheet's shares of the printable width).
      const lanes = Math.max(1, view.actors.length);
      const width = Math.max(1, bandWidthPx(contentWidth(project.sheet), lanes));
      const svgs = view.steps.map((s, i) => {
        const height = Math.max(1, Math.round(m.rows[i] ?? 56));
        return { svg: fixedBand(s.band ?? '', width, height, lanes), width, height };
      });
      const pngs = await rasterise(page, svgs);
      const bands = svgs.map((s, i): Picture => ({ svg: Buffer.from(s.svg, 'utf8'), raster: pngs[i]!, type: 'png', width: s.width, height: s.height }));
      return { view, pagination, rowHeights: svgs.map((s) => s.height), bands, logo: logo ?? undefined };
    },
  };
}

/**
 * The configured logo at its printed size: a PNG/JPEG/GIF as it is; an SVG or WebP as the PNG Chromium drew (with
 * requests blocked), so nothing in the repository's SVG (e.g. an external reference) reaches Word's own SVG renderer.
 */
async function logoPicture(page: SandboxPage, project: PrintProject, box: { x: number; y: number; width: number; height: number } | undefined): Promise<Picture | undefined> {
  const uri = project.ctx.logo;
  const data = uri ? dataUriBytes(uri) : undefined;
  if (!data || !box) return undefined;
  const size = { width: Math.round(box.width), height: Math.round(box.height) };
  const type = RASTER[data.mime];
  if (type) return { raster: data.bytes, type, ...size };
  return { raster: await page.screenshot({ ...box, scale: 3 }), type: 'png', ...size };
}
