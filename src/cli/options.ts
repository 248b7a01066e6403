import { InvalidArgumentError, Option } from 'commander';
import type { Locale, Orientation, Paper } from '../config/types.js';
import type { Translate } from './i18n/index.js';

/** `-l, --locale id|en`: the language of printed words (`what` says what they are). */
export const localeOption = (what: string): Option => new Option('-l, --locale <locale>', what).choices(['id', 'en']);

/** `--paper A4|F4|Letter` (`use` says what it is for, e.g. " for PDF"). */
export const paperOption = (t: Translate, use = ''): Option => new Option('--paper <paper>', t('opt.paper', { use })).choices(['A4', 'F4', 'Letter']);

/** `--orientation landscape|portrait` (`use` as for {@link paperOption}). */
export const orientationOption = (t: Translate, use = ''): Option =>
  new Option('--orientation <orientation>', t('opt.orientation', { use })).choices(['landscape', 'portrait']);

/** The parser of a `YYYY-MM-DD` option: a calendar day, kept as written (the day it names in every time zone). */
export function dayOption(t: Translate): (v: string) => string {
  return (v) => {
    const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(v);
    const d = m ? new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]))) : undefined;
    if (!m || !d || d.getUTCDate() !== Number(m[3]) || d.getUTCMonth() !== Number(m[2]) - 1) throw new InvalidArgumentError(t('arg.day'));
    return v;
  };
}

/** The hidden `--today <date>` of the commands that take the clock from tests. */
export const todayOption = (t: Translate): Option => new Option('--today <date>', t('opt.today')).argParser(dayOption(t)).hideHelp();

/** The flags every printing command (render, book, map) shares. */
export interface PrintFlags {
  locale?: Locale;
  paper?: Paper;
  orientation?: Orientation;
  config?: string;
  force?: boolean;
  color?: boolean;
}
