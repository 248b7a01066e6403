import { Option } from 'commander';
import type { Locale, Orientation, Paper } from '../config/types.js';

/** `-l, --locale id|en`: the language of printed words (`what` says what they are). */
export const localeOption = (what: string): Option => new Option('-l, --locale <locale>', what).choices(['id', 'en']);

/** `--paper A4|F4|Letter` (`use` says what it is for, e.g. " for PDF"). */
export const paperOption = (use = ''): Option => new Option('--paper <paper>', `paper size${use} (default: the config's)`).choices(['A4', 'F4', 'Letter']);

/** `--orientation landscape|portrait` (`use` as for {@link paperOption}). */
export const orientationOption = (use = ''): Option =>
  new Option('--orientation <orientation>', `page orientation${use} (default: the config's)`).choices(['landscape', 'portrait']);

/** The flags every printing command (render, book, map) shares. */
export interface PrintFlags {
  locale?: Locale;
  paper?: Paper;
  orientation?: Orientation;
  config?: string;
  force?: boolean;
  color?: boolean;
}
