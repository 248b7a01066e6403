import { InvalidArgumentError, Option } from 'commander';
import { parseDelimiter, type CsvDelimiter } from '../util/csv.js';
import { UsageError } from '../util/errors.js';
import type { Translate } from './i18n/index.js';

/** `--delimiter <char>` of every command that writes CSV. */
export function delimiterOption(t: Translate): Option {
  return new Option('--delimiter <char>', t('opt.delimiter')).argParser((v: string): CsvDelimiter => {
    const d = parseDelimiter(v);
    if (d === undefined) throw new InvalidArgumentError(t('arg.delimiter'));
    return d;
  });
}

/** Refuse --delimiter with a format other than CSV, where it would silently do nothing. */
export function checkDelimiter(t: Translate, format: string, delimiter: CsvDelimiter | undefined): void {
  if (delimiter !== undefined && format !== 'csv') throw new UsageError(t('err.delimiter', { format }));
}
