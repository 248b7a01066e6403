// Read a DOCX back without the docx package: unzip (fflate) and look at the WordprocessingML parts.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { strFromU8, unzipSync } from 'fflate';

/** The parts of a DOCX by path. */
export interface Docx {
  /** Every part, as bytes. */
  parts: Record<string, Uint8Array>;
  /** word/document.xml. */
  document: string;
  /** A part as text. */
  text(part: string): string;
}

/** Unzip a DOCX. */
export function readDocx(file: string): Docx {
  const parts = unzipSync(new Uint8Array(readFileSync(file)));
  const text = (part: string) => {
    const bytes = parts[part];
    if (!bytes) throw new Error(`${file}: no ${part}`);
    return strFromU8(bytes);
  };
  return { parts, document: text('word/document.xml'), text };
}

const unescape = (s: string) =>
  s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&#(\d+);/g, (_, n: string) => String.fromCodePoint(Number(n))).replace(/&amp;/g, '&');

/** The text of each paragraph (`w:p`) of a part, its runs' `w:t` joined. */
export function paragraphs(xml: string): string[] {
  return xml.split('</w:p>').map((p) => unescape([...p.matchAll(/<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join('')));
}

/** The top-level tables (`w:tbl`) of a part, each as its XML (the examples' tables are not nested). */
export function tables(xml: string): string[] {
  return [...xml.matchAll(/<w:tbl>[\s\S]*?<\/w:tbl>/g)].map((m) => m[0]);
}

/** The rows (`w:tr`) of a table. */
export function rows(tbl: string): string[] {
  return [...tbl.matchAll(/<w:tr>[\s\S]*?<\/w:tr>/g)].map((m) => m[0]);
}

/** Convert DOCX files to PDF with LibreOffice (one run, a throw-away profile); returns the PDFs' folder. */
export function libreOfficePdf(files: string[], outDir: string): void {
  const profile = mkdtempSync(path.join(tmpdir(), 'sopkit-lo-'));
  try {
    execFileSync('soffice', [`-env:UserInstallation=file://${profile}`, '--headless', '--convert-to', 'pdf', '--outdir', outDir, ...files], {
      stdio: ['ignore', 'pipe', 'pipe'],
      timeout: 240_000,
    });
  } finally {
    rmSync(profile, { recursive: true, force: true });
  }
}

/** Size in points of every page of a PDF, from `pdfinfo`. */
export function pageSizes(file: string): Array<{ width: number; height: number }> {
  const out = execFileSync('pdfinfo', ['-f', '1', '-l', '9999', file], { encoding: 'utf8' });
  return [...out.matchAll(/Page\s+\d+ size:\s+([\d.]+) x ([\d.]+) pts/g)].map((m) => ({ width: Number(m[1]), height: Number(m[2]) }));
}

/** One section of word/document.xml: its body XML and the text of its default header and footer parts. */
export interface DocxSection {
  xml: string;
  header: string;
  footer: string;
}

/** The sections of a DOCX in order (a section ends at its `w:sectPr`), each with its default header and footer parts. */
export function sections(d: Docx): DocxSection[] {
  const rels = d.text('word/_rels/document.xml.rels');
  const part = (kind: 'header' | 'footer', sect: string) => {
    const rid = new RegExp(`<w:${kind}Reference w:type="default" r:id="(rId\\d+)"`).exec(sect)?.[1];
    const target = rid ? new RegExp(`Id="${rid}"[^>]*Target="([^"]+)"`).exec(rels)?.[1] : undefined;
    return target ? d.text(`word/${target}`) : '';
  };
  const out: DocxSection[] = [];
  let from = 0;
  for (const m of d.document.matchAll(/<w:sectPr\b[\s\S]*?<\/w:sectPr>/g)) {
    out.push({ xml: d.document.slice(from, m.index), header: part('header', m[0]), footer: part('footer', m[0]) });
    from = m.index! + m[0].length;
  }
  return out;
}
