// A Markdown page of the book (`book.pages`) as Word paragraphs, lists and tables: the SOP renderer's safety
// rules (no raw HTML, no images, links only to http, https and mailto; same-document anchors stay text).
import { AlignmentType, BorderStyle, Paragraph, Table, TableCell, TableRow, TextRun, WidthType, type FileChild, type ParagraphChild } from 'docx';
import type Token from 'markdown-it/lib/token.mjs';
import { safeMarkdownIt } from '../inline.js';
import { plain, tokenRuns, type RunStyle } from './inline.js';

const md = safeMarkdownIt({ anchors: true });

/** Half-point size of a book page's text (10.5 pt). */
const PAGE_TEXT = 21;

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
