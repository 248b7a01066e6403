// The Buku SOP as one Word document, with the PDF book's content (src/render/book): cover (the review-copy line when
// drafts are in), the adopting decision and its attachment list (`book.decree`), the Markdown front pages
// (`book.pages`), the map parts (`book.parts`), a Word table of contents (a TOC field over the unit and SOP headings),
// and each SOP in a section of its own (its footer, watermark and the decision's LAMPIRAN header).
import {
  AlignmentType,
  BorderStyle,
  HeadingLevel,
  Paragraph,
  TableOfContents,
  VerticalAlignSection,
  type FileChild,
  type ISectionOptions,
} from 'docx';
import type { Locale } from '../../../config/types.js';
import type { BookContent } from '../../book/assemble.js';
import { readBookPages } from '../../book/markdown.js';
import { BOOK_WORDS } from '../../book/words.js';
import type { LaunchOptions } from '../../pdf/browser.js';
import type { Sheet } from '../../pdf/paper.js';
import type { PrintProject } from '../../pdf/sources.js';
import { imageRun, ListCounter, pageBreak } from '../cells.js';
import { packDocx, withDocxLayouts } from '../index.js';
import { plain, type RunStyle } from '../inline.js';
import type { Picture } from '../layout.js';
import { markdownBlocks } from '../markdown.js';
import { contentWidth, footer, header, pageProperties, tw } from '../page.js';
import { attachmentBlocks, decreeBlocks } from './decree.js';
import { level0Picture, LEVEL0_HEAD_PX, mapBlocks } from './map.js';
import { bookMapDocument } from '../../map/index.js';
import { sopSection } from '../sop.js';

/** Room (CSS px) the unit and SOP headings take above an SOP's first page in the book, kept on every page's budget. */
const HEADINGS_PX = 44;

/** Heading 1 (a unit) and Heading 2 (an SOP) as the book's HTML styles them; the contents field lists both. */
export const BOOK_HEADINGS = {
  heading1: {
    run: { font: 'Arial', size: 24, bold: true, allCaps: true, color: '000000' },
    paragraph: { spacing: { before: 0, after: 40 }, border: { bottom: { style: BorderStyle.SINGLE, size: 12, color: '222222', space: 1 } } },
  },
  heading2: { run: { font: 'Arial', size: 15, bold: false, italics: false, color: '555555' }, paragraph: { spacing: { before: 0, after: 60 } } },
};

/** The cover: logo, STANDAR OPERASIONAL PROSEDUR, title, subtitle, the review-copy line (drafts in), organisation, year, address. */
function cover(content: BookContent, locale: Locale, logo: Picture | undefined, width: number): FileChild[] {
  const c = content.cover;
  const w = BOOK_WORDS[locale];
  const line = (text: string, style: RunStyle, after = 200) => new Paragraph({ alignment: AlignmentType.CENTER, spacing: { after }, children: [plain(text, style)] });
  const out: FileChild[] = [];
  if (logo) {
    const k = Math.min(170 / logo.height, 227 / logo.width);
    out.push(new Paragraph({ alignment: AlignmentType.CENTER, spacing: { after: 300 }, children: [imageRun(logo, { width: Math.round(logo.width * k), height: Math.round(logo.height * k) })] }));
  }
  out.push(line(w.kind, { size: 48, bold: true }));
  if (c.title && c.title.toUpperCase() !== w.kind) out.push(line(c.title, { size: 30, bold: true }));
  if (c.subtitle) out.push(line(c.subtitle, { size: 24 }));
  if (c.review) {
    const red = { style: BorderStyle.SINGLE, size: 12, color: 'C00000', space: 4 };
    out.push(
      new Paragraph({
        alignment: AlignmentType.CENTER,
        spacing: { before: 100, after: 300 },
        indent: { left: Math.max(0, Math.round((width - tw(150)) / 2)), right: Math.max(0, Math.round((width - tw(150)) / 2)) },
        border: { top: red, bottom: red, left: red, right: red },
        children: [plain(w.review, { size: 24, bold: true, color: 'C00000' })],
      }),
    );
  }
  const org = [c.organization, ...c.unitLines].filter(Boolean);
  org.forEach((l, i) => out.push(line(l, { size: 26, bold: true, allCaps: true }, i === org.length - 1 ? 300 : 40)));
  out.push(line(String(c.year), { size: 30, bold: true }));
  if (c.address) out.push(line(c.address, { size: 20 }));
  return out;
}

/** The front pages' sheet: the text at most `maxMm` wide (190 mm; the decision 235 mm), centred (as the book's HTML sets it). */
function frontSheet(sheet: Sheet, maxMm = 190): Sheet {
  const side = Math.max(sheet.marginMm[3], (sheet.widthMm - maxMm) / 2);
  return { ...sheet, marginMm: [sheet.marginMm[0], side, sheet.marginMm[2], side] };
}

/** The book as one DOCX; Chromium lays out every SOP (breaks, row heights, band pictures) in one browser. */
export async function bookAsDocx(
  content: BookContent,
  project: PrintProject,
  launch: LaunchOptions,
  onProgress?: (done: number, total: number, name: string) => void,
): Promise<Uint8Array> {
  const { sheet, locale, config } = project;
  const w = BOOK_WORDS[locale];
  const all = content.units.flatMap((u) => u.sops.map((s, i) => ({ unit: u.name, first: i === 0, s })));
  const lists = new ListCounter();
  const parts = config.book.parts ?? [];
  const map = bookMapDocument(config, locale);
  let level0: Picture | undefined;
  let logo: Picture | undefined;
  const sopSections = await withDocxLayouts(
    project,
    launch,
    all.map((a) => a.s.item),
    async (_item, layout, i) => {
      logo ??= layout.logo;
      const a = all[i]!;
      const numbered = String(a.s.item.sop.number ?? '').trim() !== '';
      const headings = [
        ...(a.first ? [new Paragraph({ heading: HeadingLevel.HEADING_1, children: [plain(a.unit)] })] : []),
        new Paragraph({ heading: HeadingLevel.HEADING_2, children: [plain(numbered ? `${a.s.number} ${a.s.title}` : a.s.title)] }),
      ];
      return sopSection(layout, sheet, locale, lists, headings, content.header);
    },
    onProgress,
    HEADINGS_PX,
    map && parts.includes('map')
      ? async (page) => {
          level0 = await level0Picture(page, map, sheet.contentWidthPx, sheet.contentHeightPx - LEVEL0_HEAD_PX);
        }
      : undefined,
  );
  const page = pageProperties(sheet);
  const plainHeader = header(undefined, sheet);
  const bookFooter = footer(content.title, locale, sheet);
  const front = (s: Sheet, children: FileChild[]): ISectionOptions => ({ properties: pageProperties(s), headers: { default: plainHeader }, footers: { default: footer(content.title, locale, s) }, children });
  const decree = config.book.decree;
  const decreeSheet = frontSheet(sheet, 235);
  const fronts = readBookPages(config).flatMap((p, i) => [...(i > 0 ? [pageBreak()] : []), ...markdownBlocks(p.text)]);
  const sections: ISectionOptions[] = [
    {
      properties: { ...page, verticalAlign: VerticalAlignSection.CENTER },
      headers: { default: plainHeader },
      footers: { default: footer('', locale, sheet, false) },
      children: cover(content, locale, logo, contentWidth(sheet)),
    },
    ...(decree && content.decree
      ? [
          front(decreeSheet, [
            ...decreeBlocks(decree, locale, contentWidth(decreeSheet), logo),
            pageBreak(),
            ...attachmentBlocks(decree, content.units, locale, contentWidth(decreeSheet)),
          ]),
        ]
      : []),
    ...(fronts.length ? [front(frontSheet(sheet), fronts)] : []),
    ...(map && parts.length ? [front(sheet, mapBlocks(map, parts, contentWidth(sheet), level0))] : []),
    {
      properties: page,
      headers: { default: plainHeader },
      footers: { default: bookFooter },
      children: [
        new Paragraph({ alignment: AlignmentType.CENTER, spacing: { after: 200 }, children: [plain(w.contents, { size: 28, bold: true })] }),
        new TableOfContents(w.contents, { hyperlink: true, headingStyleRange: '1-2' }),
      ],
    },
    ...sopSections,
  ];
  return packDocx(sections, { title: content.title, toc: true, headings: BOOK_HEADINGS });
}
