// Opening a project for printing (`sop render --format pdf|docx`, `sop book`, the evidence pack): lint, select, and
// gather what the printers need.
import { UsageError } from '../../util/errors.js';
import { logoDataUri } from '../../render/assets.js';
import { parseMargins, sheet } from '../../render/pdf/paper.js';
import type { PrintableSop, PrintProject, PrintProjectOptions } from '../../render/pdf/sources.js';
import { outputBase } from './project.js';
import { selectForRendering } from './select.js';

/** Open the project, lint the targets, and keep the SOPs that may be printed (all of them with `force`). */
export async function openPrintProject(opts: PrintProjectOptions, linkExt: 'pdf' | 'html' | 'book' | 'docx'): Promise<PrintProject> {
  // In a book every SOP is an anchor of the same document; single PDFs link to their neighbours.
  const href = (id: string) => (linkExt === 'book' ? `#sop-${id}` : `${id}.${linkExt}`);
  const { config, index, errors, ready, skipped } = selectForRendering(opts, href, 'print');
  const margin = parseMargins(config.pdf.margin);
  if (!margin) throw new UsageError(`pdf.margin must be 1 to 4 lengths such as "10mm" or "10mm 12mm"; got "${config.pdf.margin}"`, { id: 'config.pdfMargin', data: { margin: config.pdf.margin } });
  const sops: PrintableSop[] = [];
  for (const { file: f, abs } of ready) {
    sops.push({ file: f.file, base: outputBase(f), sop: f.data, history: opts.historyFor && config.history ? await opts.historyFor(abs) : undefined });
  }
  const locale = opts.locale ?? config.locale;
  return {
    config,
    sheet: sheet(config.paper, config.orientation, margin),
    locale,
    sops,
    ctx: { config, locale, now: opts.now, index, logo: logoDataUri(config), templates: opts.templates },
    errors,
    skipped,
  };
}
