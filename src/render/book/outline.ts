/** One bookmark of a PDF's outline. */
export interface OutlineEntry {
  /** The bookmark's text. */
  title: string;
  /** Nesting depth, 1 for top-level entries. */
  level: number;
  /** 1-based page the bookmark points to (0 when it has no page destination). */
  page: number;
}

/** A minimal reader of the classic-xref PDFs Chromium (Skia) writes: objects by number, dictionaries as text. */
export class PdfText {
  /** Byte offset of each object in use, by number. */
  readonly offsets = new Map<number, number>();
  constructor(readonly s: string) {
    const start = Number(/startxref\s+(\d+)\s+%%EOF\s*$/.exec(s)?.[1] ?? NaN);
    if (!Number.isFinite(start) || !s.startsWith('xref', start)) throw new Error('PDF outline: no classic xref table');
    const lines = s.slice(start, s.indexOf('trailer', start)).split(/\r?\n|\r/);
    let num = 0;
    for (const line of lines.slice(1)) {
      const sub = /^(\d+) (\d+)\s*$/.exec(line);
      const entry = /^(\d{10}) (\d{5}) ([nf])/.exec(line);
      if (sub) num = Number(sub[1]);
      else if (entry) {
        if (entry[3] === 'n') this.offsets.set(num, Number(entry[1]));
        num++;
      }
    }
    this.trailer = s.slice(s.indexOf('trailer', start));
  }
  readonly trailer: string;
  /** The text of object `n` up to its stream or `endobj`. */
  obj(n: number): string {
    const at = this.offsets.get(n);
    if (at === undefined) throw new Error(`PDF outline: object ${n} missing`);
    const end = this.s.indexOf('endobj', at);
    const text = this.s.slice(at, end);
    const stream = text.indexOf('stream');
    return stream >= 0 ? text.slice(0, stream) : text;
  }
}

export const ref = (dict: string, key: string): number | undefined => {
  const m = new RegExp(`/${key}\\s+(\\d+)\\s+0\\s+R`).exec(dict);
  return m ? Number(m[1]) : undefined;
};

/** Decode a PDF string token: `(literal)` with escapes, or `<hex>`; UTF-16BE with a BOM, else Latin-1. */
export function decodePdfString(token: string): string {
  let bytes: number[] = [];
  if (token.startsWith('<')) {
    const hex = token.slice(1, -1).replace(/\s+/g, '');
    for (let i = 0; i < hex.length; i += 2) bytes.push(parseInt(hex.slice(i, i + 2).padEnd(2, '0'), 16));
  } else {
    const body = token.slice(1, -1);
    for (let i = 0; i < body.length; i++) {
      const c = body[i]!;
      if (c !== '\\') {
        bytes.push(c.charCodeAt(0) & 0xff);
        continue;
      }
      const n = body[++i] ?? '';
      const oct = /^[0-7]{1,3}/.exec(body.slice(i))?.[0];
      if (oct) {
        bytes.push(parseInt(oct, 8) & 0xff);
        i += oct.length - 1;
      } else if (n === '\r' || n === '\n') {
        if (n === '\r' && body[i + 1] === '\n') i++;
      } else bytes.push(({ n: 10, r: 13, t: 9, b: 8, f: 12 } as Record<string, number>)[n] ?? n.charCodeAt(0));
    }
  }
  if (bytes[0] === 0xfe && bytes[1] === 0xff) {
    bytes = bytes.slice(2);
    let out = '';
    for (let i = 0; i + 1 < bytes.length; i += 2) out += String.fromCharCode((bytes[i]! << 8) | bytes[i + 1]!);
    return out;
  }
  return String.fromCharCode(...bytes);
}

function titleOf(dict: string): string {
  const at = dict.indexOf('/Title');
  if (at < 0) return '';
  const rest = dict.slice(at + 6).trimStart();
  if (rest.startsWith('<')) return decodePdfString(rest.slice(0, rest.indexOf('>') + 1));
  let depth = 0;
  for (let i = 0; i < rest.length; i++) {
    const c = rest[i];
    if (c === '\\') i++;
    else if (c === '(') depth++;
    else if (c === ')' && --depth === 0) return decodePdfString(rest.slice(0, i + 1));
  }
  return '';
}

/** The page objects in order (page n is `pages[n - 1]`). */
export function pageObjects(pdf: PdfText, node: number, out: number[] = [], depth = 0): number[] {
  const dict = pdf.obj(node);
  if (/\/Type\s*\/Page\b(?!s)/.test(dict) || depth > 64) {
    out.push(node);
    return out;
  }
  const kids = /\/Kids\s*\[([^\]]*)\]/.exec(dict)?.[1] ?? '';
  for (const m of kids.matchAll(/(\d+)\s+0\s+R/g)) pageObjects(pdf, Number(m[1]), out, depth + 1);
  return out;
}

/** The outline (bookmarks) of a PDF written by Chromium, in reading order, with the page each entry points to. */
export function readOutline(bytes: Uint8Array): OutlineEntry[] {
  const pdf = new PdfText(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('latin1'));
  const root = ref(pdf.trailer, 'Root');
  if (root === undefined) throw new Error('PDF outline: no catalog');
  const catalog = pdf.obj(root);
  const pagesRoot = ref(catalog, 'Pages');
  const pageIndex = new Map<number, number>();
  if (pagesRoot !== undefined) pageObjects(pdf, pagesRoot).forEach((n, i) => pageIndex.set(n, i + 1));
  const outlines = ref(catalog, 'Outlines');
  const out: OutlineEntry[] = [];
  const walk = (first: number | undefined, level: number) => {
    const seen = new Set<number>();
    for (let n = first; n !== undefined && !seen.has(n); ) {
      seen.add(n);
      const dict = pdf.obj(n);
      const dest = /\/Dest\s*\[\s*(\d+)\s+0\s+R/.exec(dict);
      out.push({ title: titleOf(dict), level, page: dest ? pageIndex.get(Number(dest[1])) ?? 0 : 0 });
      walk(ref(dict, 'First'), level + 1);
      n = ref(dict, 'Next');
    }
  };
  if (outlines !== undefined) walk(ref(pdf.obj(outlines), 'First'), 1);
  return out;
}

/** The number of pages of a PDF written by Chromium (its page tree's /Count). */
export function pdfPageCount(bytes: Uint8Array): number {
  const pdf = new PdfText(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('latin1'));
  const root = ref(pdf.trailer, 'Root');
  const pages = root === undefined ? undefined : ref(pdf.obj(root), 'Pages');
  const count = pages === undefined ? NaN : Number(/\/Count\s+(\d+)/.exec(pdf.obj(pages))?.[1]);
  if (!Number.isFinite(count)) throw new Error('PDF: no page count');
  return count;
}
