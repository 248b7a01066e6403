// The one CSV writer of every `--format csv` (status, map, report register): RFC 4180 (fields quoted when
// they hold the delimiter, a quote, CR or LF; quotes doubled; CRLF line ends), a UTF-8 byte order mark so
// Excel reads Indonesian text as UTF-8, and a chosen delimiter (`;` for Excel in the Indonesian locale,
// where `,` is the decimal separator).

/** The delimiters a CSV may use: comma (default), semicolon (Excel in locales with a decimal comma), tab, bar. */
export const CSV_DELIMITERS = [',', ';', '\t', '|'] as const;
/** A delimiter of {@link CSV_DELIMITERS}. */
export type CsvDelimiter = (typeof CSV_DELIMITERS)[number];

/** UTF-8 byte order mark: Excel takes a CSV without it for the system's code page. */
export const BOM = '\uFEFF';

/** Options of {@link toCsv}. */
export interface CsvOptions {
  /** Field separator (default `,`). */
  delimiter?: CsvDelimiter;
  /** Start with the UTF-8 byte order mark (default true). */
  bom?: boolean;
}

/**
 * One field. A cell a spreadsheet would run as a formula (starting with =, +, -, @, tab or CR) gets a leading
 * single quote, as OWASP advises; then it is quoted when it holds the delimiter, a quote, CR or LF, quotes doubled.
 */
export function csvField(s: string, delimiter: CsvDelimiter = ','): string {
  const safe = /^[=+\-@\t\r]/.test(s) ? `'${s}` : s;
  const special = safe.includes(delimiter) || /["\r\n]/.test(safe);
  return special ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** Rows (the header first) as CSV text: BOM, fields joined by the delimiter, every line ended by CRLF. */
export function toCsv(rows: readonly (readonly string[])[], o: CsvOptions = {}): string {
  const d = o.delimiter ?? ',';
  const body = rows.map((r) => `${r.map((c) => csvField(c, d)).join(d)}\r\n`).join('');
  return (o.bom ?? true ? BOM : '') + body;
}

/** The delimiter a user typed (`,`, `;`, `|`, a tab, or the words `tab`/`\t`), or undefined when it is none of them. */
export function parseDelimiter(v: string): CsvDelimiter | undefined {
  const d = v === 'tab' || v === '\\t' ? '\t' : v;
  return (CSV_DELIMITERS as readonly string[]).includes(d) ? (d as CsvDelimiter) : undefined;
}
