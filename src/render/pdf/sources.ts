import type { MessageRef } from '../../util/errors.js';
import type { Config, Locale, Orientation, Paper } from '../../config/types.js';
import type { LintReport } from '../../lint/diagnostic.js';
import type { RevisionRow } from '../../lifecycle/revision-row.js';
import type { Sop } from '../../model/types.js';
import type { ViewContext } from '../view.js';
import type { Sheet } from './paper.js';
import type { Now } from '../../model/day.js';

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
  skipped: Array<{ file: string; reason: string; ref?: MessageRef }>;
}
