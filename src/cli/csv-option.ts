import { InvalidArgumentError, Option } from 'commander';
import { parseDelimiter, type CsvDelimiter } from '../util/csv.js';
import { UsageError } from '../util/errors.js';

/** `--delimiter <char>` of every command that writes CSV. */
export function delimiterOption(): Option {
  return new Option('--delimiter <char>', 'CSV field separator: , (default), ; (Excel with Indonesian regional settings), tab or |').argParser((v: string): CsvDelimiter => {
    const d = parseDelimiter(v);
    if (d === undefined) throw new InvalidArgumentError('expected , or ; (or tab or |)');
    return d;
  });
}

/** Refuse --delimiter with a format other than CSV, where it would silently do nothing. */
export function checkDelimiter(format: string, delimiter: CsvDelimiter | undefined): void {
  if (delimiter !== undefined && format !== 'csv') throw new UsageError(`--delimiter applies to --format csv only, got --format ${format}.`);
}
