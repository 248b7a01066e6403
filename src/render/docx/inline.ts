// SOP text with inline Markdown as Word runs: the same safety rules as the HTML (src/render/inline.ts):
// no raw HTML, no images, links only to http, https and mailto; anything else stays literal text.
import { ExternalHyperlink, TextRun, type ParagraphChild } from 'docx';
import type Token from 'markdown-it/lib/token.mjs';
import { safeMarkdownIt } from '../inline.js';

const md = safeMarkdownIt();

/** Run formatting shared by a cell's text. */
export interface RunStyle {
  /** Size in half-points. */
  size?: number;
  bold?: boolean;
  color?: string;
  allCaps?: boolean;
  underline?: boolean;
  italics?: boolean;
  /** Font family (Arial unless set). */
  font?: string;
}

const FONT = 'Arial';
const MONO = 'Liberation Mono';

/** Plain text as one run. */
export function plain(text: string, style: RunStyle = {}): TextRun {
  return new TextRun({ text, font: style.font ?? FONT, size: style.size, bold: style.bold, italics: style.italics, color: style.color, allCaps: style.allCaps, underline: style.underline ? {} : undefined });
}

/** Inline Markdown (emphasis, strong, strike, code, safe links) as runs. */
export function inlineRuns(text: unknown, style: RunStyle = {}): ParagraphChild[] {
  const s = text === undefined || text === null ? '' : String(text);
  return tokenRuns(md.parseInline(s, {})[0]?.children ?? [], style);
}

/** Inline tokens of a safe markdown-it as runs (links reach here only with http, https or mailto targets). */
export function tokenRuns(tokens: readonly Token[], style: RunStyle = {}): ParagraphChild[] {
  const out: ParagraphChild[] = [];
  let bold = 0;
  let italics = 0;
  let strike = 0;
  let link: { href: string; runs: TextRun[] } | undefined;
  const push = (t: string, mono = false, brk = false) => {
    const run = new TextRun({
      text: t,
      break: brk ? 1 : undefined,
      font: mono ? MONO : style.font ?? FONT,
      size: style.size,
      bold: style.bold || bold > 0,
      italics: style.italics || italics > 0,
      strike: strike > 0,
      allCaps: style.allCaps,
      underline: link || style.underline ? {} : undefined,
      color: link ? '0B4EA2' : style.color,
    });
    if (link) link.runs.push(run);
    else out.push(run);
  };
  for (const t of tokens) {
    switch (t.type) {
      case 'text':
        push(t.content);
        break;
      case 'code_inline':
        push(t.content, true);
        break;
      case 'softbreak':
        push(' ');
        break;
      case 'hardbreak':
        push('', false, true);
        break;
      case 'strong_open':
        bold++;
        break;
      case 'strong_close':
        bold--;
        break;
      case 'em_open':
        italics++;
        break;
      case 'em_close':
        italics--;
        break;
      case 's_open':
        strike++;
        break;
      case 's_close':
        strike--;
        break;
      case 'link_open':
        link = { href: t.attrGet('href') ?? '', runs: [] };
        break;
      case 'link_close':
        // A same-document #anchor (book pages) has no target in Word: its text stays.
        if (link) out.push(...(/^(https?:|mailto:)/i.test(link.href) ? [new ExternalHyperlink({ link: link.href, children: link.runs })] : link.runs));
        link = undefined;
        break;
      default:
        if (t.content) push(t.content);
    }
  }
  if (link) out.push(...link.runs);
  return out;
}
