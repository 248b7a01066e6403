// The words of the human formats around the diagnostics (summary lines, table headers), by language.
import type { Lang } from '../../model/lang.js';

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

/** Counts and summaries worded in one language. */
export interface ReportWords {
  /** `3 files checked`. */
  checked(files: number): string;
  /** `2 warnings hidden by --quiet`. */
  hidden(warnings: number): string;
  /** `3 problems`, `1 error`, `2 warnings`, `2 files`. */
  count(n: number, what: 'problem' | 'error' | 'warning' | 'file'): string;
  /** `no problems`, or `no errors` when warnings were hidden. */
  none(hidden: boolean): string;
  /** ` in ` before what was checked; ` of ` between the files with problems and those checked. */
  in: string;
  of: string;
  /** Severity as a word. */
  severity(s: 'error' | 'warn'): string;
  /** Table headers of the GitHub summary. */
  ruleTable: string;
  problemTable: string;
  /** The rows the summary left out. */
  notShown(n: number): string;
}

const ID_COUNT = { problem: 'masalah', error: 'kesalahan', warning: 'peringatan', file: 'berkas' } as const;

/** The words of each language. */
export const REPORT_WORDS: Record<Lang, ReportWords> = {
  en: {
    checked: (n) => `${plural(n, 'file')} checked`,
    hidden: (n) => `${plural(n, 'warning')} hidden by --quiet`,
    count: (n, what) => plural(n, what),
    none: (hidden) => (hidden ? 'no errors' : 'no problems'),
    in: ' in ',
    of: ' of ',
    severity: (s) => (s === 'error' ? 'error' : 'warning'),
    ruleTable: '| Rule | Errors | Warnings |',
    problemTable: '| Where | Severity | Rule | Message |',
    notShown: (n) => `${n} more not shown here (the summary is limited to 1 MiB); the job log lists every one.`,
  },
  id: {
    checked: (n) => `${n} berkas diperiksa`,
    hidden: (n) => `${n} peringatan disembunyikan oleh --quiet`,
    count: (n, what) => `${n} ${ID_COUNT[what]}`,
    none: (hidden) => (hidden ? 'tidak ada kesalahan' : 'tidak ada masalah'),
    in: ' pada ',
    of: ' dari ',
    severity: (s) => (s === 'error' ? 'kesalahan' : 'peringatan'),
    ruleTable: '| Aturan | Kesalahan | Peringatan |',
    problemTable: '| Lokasi | Tingkat | Aturan | Pesan |',
    notShown: (n) => `${n} lainnya tidak ditampilkan di sini (ringkasan dibatasi 1 MiB); log job memuat semuanya.`,
  },
};
