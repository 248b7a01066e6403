import type { Config, Locale, Orientation, Paper } from '../../config/types.js';
import { UsageError } from '../../errors.js';
import type { LintReport } from '../../lint/diagnostic.js';
import type { RevisionRow } from '../../lifecycle/revision-row.js';
import type { Sop } from '../../model/types.js';
import { logoDataUri } from '../assets.js';
import { outputBase } from '../project.js';
import { selectForRendering } from '../select.js';
import type { ViewContext } from '../view.js';
import { parseMargins, sheet, type Sheet } from './paper.js';
import type { Now } from '../../day.js';

/** An SOP ready to print. */
export interface PrintableSop {
  /** Source file as shown to the user. */
  file: string;
  /** Output base name (the id). */
  base: string;
  /** The SOP. */
  sop: Sop;
  /** Revision history rows, when wanted. */
  history?: RevisionRow[];
}

/** Options shared by `sop render --format pdf` and `sop book`. */
export interface PrintProjectOptions {
  /** Folder paths are relative to. */
  cwd: string;
  /** Files, folders or globs; empty for the config's SOP glob. */
  paths: readonly string[];
  /** Explicit config file. */
  configPath?: string;
  /** Overrides the config's locale. */
  locale?: Locale;
  /** Overrides the config's paper. */
  paper?: Paper;
  /** Overrides the config's orientation. */
  orientation?: Orientation;
  /** User template folder (absolute). */
  templates?: string;
  /** Print files with lint errors too. */
  force?: boolean;
  /** The clock. */
  now: Now;
  /** Revision history of a file (absolute path), when wanted (read only when the config's `history` is on). */
  historyFor?: (absFile: string) => Promise<RevisionRow[] | undefined>;
}

/** A project opened for printing. */
export interface PrintProject {
  /** The configuration, with paper and orientation overrides applied. */
  config: Config;
  /** The sheet of every page. */
  sheet: Sheet;
  /** Output language. */
  locale: Locale;
  /** The SOPs to print, in target order. */
  sops: PrintableSop[];
  /** The render context shared by all SOPs (breaks and history are per SOP). */
  ctx: ViewContext & { templates?: string };
  /** Lint errors of refused (or forced) files. */
  errors: LintReport;
  /** Files not printed, with the reason. */
  skipped: Array<{ file: string; reason: string }>;
}

/** Open the project, lint the targets, and keep the SOPs that may be printed (all of them with `force`). */
export async function openPrintProject(opts: PrintProjectOptions, linkExt: 'pdf' | 'html' | 'book' | 'docx'): Promise<PrintProject> {
  // In a book every SOP is an anchor of the same document; single PDFs link to their neighbours.
  const href = (id: string) => (linkExt === 'book' ? `#sop-${id}` : `${id}.${linkExt}`);
  const { config, index, errors, ready, skipped } = selectForRendering(opts, href, 'print');
  const margin = parseMargins(config.pdf.margin);
  if (!margin) throw new UsageError(`pdf.margin must be 1 to 4 lengths such as "10mm" or "10mm 12mm"; got "${config.pdf.margin}"`);
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
