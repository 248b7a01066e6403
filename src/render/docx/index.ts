// `sop render --format docx` and `sop book --format docx`: the SOP AP document as an editable Word file,
// built with the docx package. Chromium (the PDF's sandboxed browser) lays each SOP out once for the
// PDF's page breaks and row heights and draws the PNG fallbacks of the flowchart bands.
import { Document, Packer, type ISectionOptions, type IStylesOptions } from 'docx';
import { withBrowser, type LaunchOptions, type SandboxPage } from '../pdf/browser.js';
import { mapPool } from '../pdf/pool.js';
import type { PrintableSop, PrintProject } from '../pdf/sources.js';
import { docxLayouter, type DocxLayout } from './layout.js';
import { ListCounter, NUMBERING } from './cells.js';
import { sopSection } from './sop.js';

export { fixedBand } from './band.js';
export type { DocxLayout, Picture } from './layout.js';

/** Document-wide defaults: Arial 9.5 pt, no paragraph spacing (the stylesheet's body). */
export const STYLES = {
  default: {
    document: { run: { font: 'Arial', size: 19 }, paragraph: { spacing: { before: 0, after: 0 } } },
  },
};

/** A Word document of these sections, packed. */
export async function packDocx(
  sections: ISectionOptions[],
  meta: { title: string; creator?: string; toc?: boolean; headings?: Pick<NonNullable<IStylesOptions['default']>, 'heading1' | 'heading2'> },
): Promise<Uint8Array> {
  // A table of contents is written with its entries and page numbers as docx lays the pages out (Word updates it on
  // request; LibreOffice shows it as written).
  const pageNumbers = meta.toc ? (await import('docx/layout')).estimatePageNumbers : undefined;
  const doc = new Document({
    title: meta.title,
    creator: meta.creator ?? 'sopkit',
    styles: { default: { ...STYLES.default, ...meta.headings } },
    numbering: NUMBERING,
    pageNumbers,
    sections,
  });
  return new Uint8Array(await Packer.toBuffer(doc));
}

/** One SOP as a whole DOCX. */
export async function sopDocx(layout: DocxLayout, project: PrintProject): Promise<Uint8Array> {
  const section = sopSection(layout, project.sheet, project.locale, new ListCounter());
  return packDocx([section], { title: `${layout.view.id} ${layout.view.title}` });
}

/**
 * Lay out SOPs in one browser (one sandboxed page), `work` receiving each layout in order; `reservePx` is kept free on
 * every page. `first` runs on the same page before them (e.g. to rasterise the book's other pictures).
 */
export async function withDocxLayouts<T>(
  project: PrintProject,
  launch: LaunchOptions,
  items: readonly PrintableSop[],
  work: (item: PrintableSop, layout: DocxLayout, index: number) => Promise<T>,
  onProgress?: (done: number, total: number, name: string) => void,
  reservePx = 0,
  first?: (page: SandboxPage) => Promise<void>,
): Promise<T[]> {
  return withBrowser(launch, async (browser) => {
    const page = await browser.newPage(project.sheet.contentWidthPx);
    try {
      await first?.(page);
      const layouter = docxLayouter(page, project, reservePx);
      let done = 0;
      return await mapPool(items, 1, async (item, i) => {
        const result = await work(item, await layouter.layout(item), i);
        onProgress?.(++done, items.length, item.file);
        return result;
      });
    } finally {
      await page.close().catch(() => undefined);
    }
  });
}

/** Render every SOP of the project to its own DOCX; `write` receives each as it is ready. */
export async function renderDocxs(
  project: PrintProject,
  launch: LaunchOptions,
  write: (item: PrintableSop, docx: Uint8Array) => void,
  onProgress?: (done: number, total: number, name: string) => void,
): Promise<void> {
  await withDocxLayouts(project, launch, project.sops, async (item, layout) => write(item, await sopDocx(layout, project)), onProgress);
}
