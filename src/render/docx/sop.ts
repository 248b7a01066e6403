// One SOP as Word content and as a section of its own (page, footer, watermark).
import type { FileChild, ISectionOptions } from 'docx';
import type { Locale } from '../../config/types.js';
import { PDF_WORDS } from '../pdf/page-css.js';
import type { Sheet } from '../pdf/paper.js';
import type { DocxLayout } from './layout.js';
import { spacer, type ListCounter } from './cells.js';
import { identity } from './identity.js';
import { contentWidth, footer, header, pageProperties } from './page.js';
import { history, procedure } from './procedure.js';

/** The whole SOP as document content for a sheet. */
export function sopContent(layout: DocxLayout, sheet: Sheet, lists: ListCounter): FileChild[] {
  const width = contentWidth(sheet);
  return [...identity(layout.view, layout.logo, width, lists), spacer(6), ...procedure(layout, width), ...history(layout.view, width)];
}

/**
 * The section of one SOP: its page, running footer (Nomor SOP as printed, Halaman X dari Y), watermark (KONSEP, DICABUT)
 * and, in a book with a decision, the LAMPIRAN header.
 */
export function sopSection(layout: DocxLayout, sheet: Sheet, locale: Locale, lists: ListCounter, before: FileChild[] = [], headerText?: string): ISectionOptions {
  const v = layout.view;
  const w = PDF_WORDS[locale];
  return {
    properties: pageProperties(sheet),
    headers: { default: header(v.watermark, sheet, headerText) },
    footers: { default: footer(`${w.number} ${v.number}`, locale, sheet) },
    children: [...before, ...sopContent(layout, sheet, lists)],
  };
}
