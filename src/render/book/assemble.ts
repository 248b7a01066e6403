import type { Locale } from '../../config/types.js';
import { htmlView, templateEnvFor } from '../index.js';
import { escapeHtml } from '../pdf/page-css.js';
import type { Pagination } from '../pdf/paginate.js';
import type { PrintProject } from '../pdf/sources.js';
import { demoteHeadings } from './markdown.js';
import type { BookSelection } from './select.js';
import { contentsHtml, coverHtml, type BookUnit, type CoverInfo } from './parts.js';
import { htmlPage } from '../format.js';

/** What goes into a book document. */
export interface BookContent {
  /** Document title. */
  title: string;
  /** The cover. */
  cover: CoverInfo;
  /** Front pages (from Markdown), as HTML. */
  front: string[];
  /** The adopting decision and its attachment list, as HTML sections (printed before the front pages). */
  decree?: string[];
  /** Header of every SOP page ("LAMPIRAN KEPUTUSAN … NOMOR … TANGGAL …"), when the book has a decision. */
  header?: string;
  /** The units with their SOPs. */
  units: BookUnit[];
  /** SOPs left out for their stage (not in force), with it. */
  left?: BookSelection['left'];
}

/** One layout of a book: breaks and page numbers known so far. */
export interface BookLayout {
  /** Breaks per SOP (by seq); absent means none. */
  paginations?: ReadonlyMap<number, Pagination>;
  /** First page of each SOP by anchor; undefined for a contents page without page numbers. */
  pages?: ReadonlyMap<string, number>;
  /** CSS appended last (the PDF's @page rules, or the HTML form's tweaks). */
  css: string;
  /** The cover's height in CSS px (one printable page). */
  coverHeightPx: number;
  /** Print only a part of the book: the SOPs whose seq is in [from, to), and the pages before them when `front`. */
  part?: { from: number; to: number; front: boolean };
}

const partialCache = new Map<string, (ctx: object) => string>();

function articleTemplate(templates: string | undefined, config: PrintProject['config']): (ctx: object) => string {
  const key = `${templates ?? ''}\0${config.templates ?? ''}\0${config.root}`;
  let t = partialCache.get(key);
  if (!t) {
    const env = templateEnvFor(templates, config);
    t = env.hbs.compile('{{> sop-document}}', { strict: false, preventIndent: true });
    partialCache.set(key, t);
  }
  return t;
}

/**
 * The contents (and an SOP's Keterkaitan) link to SOPs, and Chromium writes a link only to an anchor in the
 * document: each part of a book printed in parts holds empty anchors (no room taken) of the SOPs printed in the
 * others, in its first SOP heading; the merge points them at their pages.
 */
function elsewhere(content: BookContent, part: BookLayout['part']): string[] {
  if (!part) return [];
  return content.units.flatMap((u) => u.sops).filter((s) => s.seq < part.from || s.seq >= part.to).map((s) => s.anchor);
}

/** The whole book as one self-contained HTML document (no script; images only as data: URIs). */
export function bookHtml(content: BookContent, project: PrintProject, layout: BookLayout, locale: Locale): string {
  const templates = project.ctx.templates ?? project.config.templates;
  const article = articleTemplate(templates, project.config);
  const sections: string[] = [];
  let css = '';
  let anchors = elsewhere(content, layout.part).map((a) => `<a id="${escapeHtml(a)}"></a>`).join('');
  for (const u of content.units) {
    u.sops.forEach((s, i) => {
      if (layout.part && (s.seq < layout.part.from || s.seq >= layout.part.to)) return;
      const p = layout.paginations?.get(s.seq);
      const view = htmlView(s.item.sop, { ...project.ctx, templates, history: s.item.history, breaks: p?.breaks ?? [], extraCss: css ? '' : layout.css });
      css ||= view.css;
      const first = anchors;
      anchors = '';
      const classes = `book-sop s${s.seq}${p?.tableOnNewPage ? ' table-new-page' : ''}`;
      sections.push(
        `<section class="${classes}">` +
          (i === 0 ? `<h1 class="unit-heading">${escapeHtml(u.name)}</h1>` : '') +
          `<h2 class="sop-heading">${escapeHtml(String(s.item.sop.number ?? '').trim() ? `${s.number} ${s.title}` : s.title)}${first}</h2>\n${demoteHeadings(article(view))}</section>`,
      );
    });
  }
  const front = layout.part?.front ?? true;
  const body = [
    ...(front
      ? [
          coverHtml(content.cover, locale, layout.coverHeightPx),
          (content.decree ?? []).join('\n'),
          content.front.map((html) => `<section class="book-page">\n${html}</section>`).join('\n'),
          contentsHtml(content.units, locale, layout.pages),
        ]
      : []),
    sections.join('\n'),
  ].join('\n');
  return htmlPage({ lang: locale, title: content.title, css, body });
}
