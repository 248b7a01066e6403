// The Buku SOP as one Word document: cover, the Markdown front pages (`book.pages`), a Word table of contents
// (a TOC field over the unit and SOP headings), and each SOP in a section of its own (its footer and watermark).
import {
  AlignmentType,
  BorderStyle,
  HeadingLevel,
  Paragraph,
  Table,
  TableCell,
  TableOfContents,
  TableRow,
  TextRun,
  VerticalAlignSection,
  WidthType,
  type FileChild,
  type ISectionOptions,
  type ParagraphChild,
} from 'docx';
import type Token from 'markdown-it/lib/token.mjs';
import type { Locale } from '../../config/types.js';
import type { BookContent } from '../book/assemble.js';
import { readBookPages } from '../book/markdown.js';
import { BOOK_WORDS } from '../book/words.js';
import { safeMarkdownIt } from '../inline.js';
import type { LaunchOptions } from '../pdf/browser.js';
import type { Sheet } from '../pdf/paper.js';
import type { PrintProject } from '../pdf/sources.js';
import { packDocx, withDocxLayouts } from './index.js';
import { plain, tokenRuns, type RunStyle } from './inline.js';
import type { Picture } from './layout.js';
import { footer, header, imageRun, ListCounter, pageBreak, pageProperties, sopSection } from './sop.js';

const md = safeMarkdownIt({ anchors: true });

/** Room (CSS px) the unit and SOP headings take above an SOP's first page in the book, kept on every page's budget. */
const HEADINGS_PX = 44;
const PAGE_TEXT = 21;

/** Heading 1 (a unit) and Heading 2 (an SOP) as the book's HTML styles them; the contents field lists both. */
export const BOOK_HEADINGS = {
  heading1: {
    run: { font: 'Arial', size: 24, bold: true, allCaps: true, color: '000000' },
    paragraph: { spacing: { before: 0, after: 40 }, border: { bottom: { style: BorderStyle.SINGLE, size: 12, color: '222222', space: 1 } } },
  },
  heading2: { run: { font: 'Arial', size: 15, bold: false, italics: false, color: '555555' }, paragraph: { spacing: { before: 0, after: 60 } } },
};

const centred = (tokens: readonly Token[]): boolean =>
  tokens.length === 3 && tokens[0]!.type === 'strong_open' && tokens[1]!.type === 'text' && tokens[2]!.type === 'strong_close' && !/[:\s]$/.test(tokens[1]!.content);

/** A Markdown page (safe: no HTML, no images, safe links) as Word paragraphs, lists and tables. */
export function markdownBlocks(text: string): FileChild[] {
  const tokens = md.parse(text, {});
  const out: FileChild[] = [];
  const lists: Array<{ ordered: boolean; n: number }> = [];
  let prefix: string | undefined;
  let heading: string | undefined;
  let table: { rows: ParagraphChild[][][]; head: boolean[] } | undefined;
  const body: RunStyle = { size: PAGE_TEXT };
  for (const t of tokens) {
    switch (t.type) {
      case 'heading_open':
        heading = t.tag;
        break;
      case 'heading_close':
        heading = undefined;
        break;
      case 'bullet_list_open':
      case 'ordered_list_open':
        lists.push({ ordered: t.type === 'ordered_list_open', n: Number(t.attrGet('start') ?? 1) });
        break;
      case 'bullet_list_close':
      case 'ordered_list_close':
        lists.pop();
        break;
      case 'list_item_open': {
        const l = lists[lists.length - 1];
        prefix = l ? (l.ordered ? `${l.n++}.` : '•') : undefined;
        break;
      }
      case 'table_open':
        table = { rows: [], head: [] };
        break;
      case 'tr_open':
        table?.rows.push([]);
        break;
      case 'th_open':
      case 'td_open':
        table?.head.push(t.type === 'th_open');
        break;
      case 'table_close':
        if (table) out.push(markdownTable(table.rows));
        table = undefined;
        break;
      case 'hr':
        out.push(new Paragraph({ border: { bottom: { style: BorderStyle.SINGLE, size: 6, color: '999999', space: 1 } }, spacing: { after: 120 }, children: [] }));
        break;
      case 'code_block':
      case 'fence':
        for (const line of t.content.replace(/\n$/, '').split('\n'))
          out.push(new Paragraph({ children: [new TextRun({ text: line, font: 'Liberation Mono', size: 18 })] }));
        break;
      case 'inline': {
        const children = t.children ?? [];
        if (table) {
          const row = table.rows[table.rows.length - 1];
          row?.push(tokenRuns(children, { size: PAGE_TEXT - 2, bold: table.head[table.head.length - 1] }));
          break;
        }
        if (heading) {
          const level = Number(heading.slice(1));
          out.push(
            new Paragraph({
              alignment: level === 1 ? AlignmentType.CENTER : undefined,
              keepNext: true,
              spacing: { before: level === 1 ? 0 : 200, after: level === 1 ? 160 : 100 },
              children: tokenRuns(children, { size: level === 1 ? 26 : level === 2 ? 23 : PAGE_TEXT, bold: true }),
            }),
          );
          break;
        }
        const depth = lists.length;
        const runs = tokenRuns(children, body);
        const indent = depth > 0 ? { left: 360 * depth, hanging: 360 } : undefined;
        out.push(
          new Paragraph({
            alignment: depth === 0 && centred(children) ? AlignmentType.CENTER : AlignmentType.JUSTIFIED,
            indent,
            spacing: { before: 0, after: 120, line: 348 },
            children: prefix !== undefined ? [plain(`${prefix}\t`, body), ...runs] : runs,
            tabStops: indent ? [{ type: 'left', position: indent.left }] : undefined,
          }),
        );
        prefix = undefined;
        break;
      }
      default:
        break;
    }
  }
  return out;
}

function markdownTable(rows: ParagraphChild[][][]): Table {
  const cols = Math.max(1, ...rows.map((r) => r.length));
  return new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    rows: rows.map(
      (r) =>
        new TableRow({
          children: Array.from({ length: cols }, (_, i) => new TableCell({ margins: { top: 30, bottom: 30, left: 75, right: 75 }, children: [new Paragraph({ children: r[i] ?? [] })] })),
        }),
    ),
  });
}

/** The cover: logo, STANDAR OPERASIONAL PROSEDUR, title, subtitle, organisation, year, address. */
function cover(content: BookContent, locale: Locale, logo: Picture | undefined): FileChild[] {
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
  const org = [c.organization, ...c.unitLines].filter(Boolean);
  org.forEach((l, i) => out.push(line(l, { size: 26, bold: true, allCaps: true }, i === org.length - 1 ? 300 : 40)));
  out.push(line(String(c.year), { size: 30, bold: true }));
  if (c.address) out.push(line(c.address, { size: 20 }));
  return out;
}

/** The front pages' sheet: the text at most 190 mm wide, centred (as the book's HTML sets it). */
function frontSheet(sheet: Sheet): Sheet {
  const side = Math.max(sheet.marginMm[3], (sheet.widthMm - 190) / 2);
  return { ...sheet, marginMm: [sheet.marginMm[0], side, sheet.marginMm[2], side] };
}

/** The book as one DOCX; Chromium lays out every SOP (breaks, row heights, band pictures) in one browser. */
export async function bookAsDocx(
  content: BookContent,
  project: PrintProject,
  launch: LaunchOptions,
  onProgress?: (done: number, total: number, name: string) => void,
): Promise<Uint8Array> {
  const { sheet, locale } = project;
  const w = BOOK_WORDS[locale];
  const all = content.units.flatMap((u) => u.sops.map((s, i) => ({ unit: u.name, first: i === 0, s })));
  const lists = new ListCounter();
  let logo: Picture | undefined;
  const sopSections = await withDocxLayouts(
    project,
    launch,
    all.map((a) => a.s.item),
    async (_item, layout, i) => {
      logo ??= layout.logo;
      const a = all[i]!;
      const headings = [
        ...(a.first ? [new Paragraph({ heading: HeadingLevel.HEADING_1, children: [plain(a.unit)] })] : []),
        new Paragraph({ heading: HeadingLevel.HEADING_2, children: [plain(`${a.s.number} ${a.s.title}`)] }),
      ];
      return sopSection(layout, sheet, locale, lists, headings);
    },
    onProgress,
    HEADINGS_PX,
  );
  const page = pageProperties(sheet);
  const plainHeader = header(undefined, sheet);
  const bookFooter = footer(content.title, locale, sheet);
  const fronts = readBookPages(project.config).flatMap((p, i) => [...(i > 0 ? [pageBreak()] : []), ...markdownBlocks(p.text)]);
  const sections: ISectionOptions[] = [
    {
      properties: { ...page, verticalAlign: VerticalAlignSection.CENTER },
      headers: { default: plainHeader },
      footers: { default: footer('', locale, sheet, false) },
      children: cover(content, locale, logo),
    },
    ...(fronts.length
      ? [{ properties: pageProperties(frontSheet(sheet)), headers: { default: plainHeader }, footers: { default: footer(content.title, locale, frontSheet(sheet)) }, children: fronts }]
      : []),
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
