import { execFileSync } from 'node:child_process';

/** Text of a PDF (or of one page), as `pdftotext` reads it. */
export function pdfText(file: string, page?: number, layout = false): string {
  const range = page ? ['-f', String(page), '-l', String(page)] : [];
  return execFileSync('pdftotext', [...range, ...(layout ? ['-layout'] : []), file, '-'], { encoding: 'utf8', maxBuffer: 64 << 20 });
}

/** Page count and the first page's size in points, from `pdfinfo`. */
export function pdfInfo(file: string): { pages: number; width: number; height: number } {
  const out = execFileSync('pdfinfo', [file], { encoding: 'utf8' });
  const size = /Page size:\s+([\d.]+) x ([\d.]+) pts/.exec(out);
  return { pages: Number(/Pages:\s+(\d+)/.exec(out)?.[1]), width: Number(size?.[1]), height: Number(size?.[2]) };
}

/** A word on a page with its box (points, origin top-left), from `pdftotext -bbox`. */
export interface PdfWord {
  page: number;
  text: string;
  xMin: number;
  yMin: number;
  xMax: number;
  yMax: number;
}

/** Every word of every page with its position; also each page's height. */
export function pdfWords(file: string): { words: PdfWord[]; pageHeights: number[] } {
  const html = execFileSync('pdftotext', ['-bbox', file, '-'], { encoding: 'utf8', maxBuffer: 64 << 20 });
  const words: PdfWord[] = [];
  const pageHeights: number[] = [];
  const unescape = (s: string) => s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&amp;/g, '&');
  for (const [n, m] of [...html.matchAll(/<page width="([\d.]+)" height="([\d.]+)">([\s\S]*?)<\/page>/g)].entries()) {
    pageHeights.push(Number(m[2]));
    for (const w of m[3]!.matchAll(/<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)<\/word>/g)) {
      words.push({ page: n + 1, xMin: Number(w[1]), yMin: Number(w[2]), xMax: Number(w[3]), yMax: Number(w[4]), text: unescape(w[5]!) });
    }
  }
  return { words, pageHeights };
}

/** Text squeezed for comparisons: lower case, whitespace collapsed, soft hyphens gone. */
export function squeeze(s: string): string {
  return s.replace(/\u00ad/g, '').replace(/\s+/g, ' ').trim().toLowerCase();
}

/** Pages whose top margin carries the watermark's word (the diagonal word itself is drawn, not text). */
export function watermarkedPages(file: string, word = 'KONSEP'): Set<number> {
  return new Set(pdfWords(file).words.filter((w) => w.text === word && w.yMax < 28).map((w) => w.page));
}
