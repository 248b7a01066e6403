import type { Locale } from '../../config/types.js';
import type { Category } from '../../model/processes/types.js';

/** Words of the printed business process map. */
export interface MapWords {
  /** Document title. */
  title: string;
  /** Heading of the Level 0 diagram. */
  level0: string;
  /** Band headings, by category. */
  bands: Record<Category, string>;
  /** Stakeholders at both ends of the value chain. */
  stakeholders: string;
  /** Heading of the lower levels. */
  levels: string;
  /** "Level 1–2" style range. */
  levelRange(from: number, to: number): string;
  /** Legend of the trees. */
  treeLegend: string;
  /** Heading of the matrix. */
  matrix: string;
  /** Label of the coverage figure. */
  coverage: string;
  /** The coverage sentence. */
  coverageSentence(covered: number, leaves: number, percent: string): string;
  /** Matrix columns. */
  no: string;
  code: string;
  process: string;
  level: string;
  owner: string;
  sopNumber: string;
  sopTitle: string;
  unit: string;
  stage: string;
  /** A leaf without any SOP. */
  noSop: string;
  /** Heading of SOPs outside the map. */
  unmapped: string;
  /** Masukan / Keluaran. */
  inputs: string;
  outputs: string;
  /** Number format locale. */
  numberLocale: string;
}

/** Labels per locale. */
export const MAP_WORDS: Record<Locale, MapWords> = {
  id: {
    title: 'Peta Proses Bisnis',
    level0: 'Peta Proses Bisnis Level 0',
    bands: { manajemen: 'PROSES MANAJEMEN', inti: 'PROSES INTI', pendukung: 'PROSES PENDUKUNG' },
    stakeholders: 'Pemangku Kepentingan',
    levels: 'Peta Proses Bisnis Level Bawah',
    levelRange: (a, b) => (a === b ? `Level ${a}` : `Level ${a}–${b}`),
    treeLegend: 'Garis putus-putus: proses level terbawah yang belum memiliki SOP yang berlaku.',
    matrix: 'Matriks Proses Bisnis dan SOP',
    coverage: 'Cakupan SOP',
    coverageSentence: (c, n, p) => `${c} dari ${n} proses level terbawah memiliki SOP yang berlaku (${p}).`,
    no: 'No',
    code: 'Kode',
    process: 'Proses Bisnis',
    level: 'Level',
    owner: 'Pemilik Proses',
    sopNumber: 'Nomor SOP',
    sopTitle: 'Nama SOP',
    unit: 'Unit Kerja',
    stage: 'Tahap',
    noSop: 'Belum ada SOP',
    unmapped: 'SOP yang belum terhubung dengan peta proses bisnis',
    inputs: 'Masukan',
    outputs: 'Keluaran',
    numberLocale: 'id-ID',
  },
  en: {
    title: 'Business Process Map',
    level0: 'Business Process Map, Level 0',
    bands: { manajemen: 'MANAGEMENT PROCESSES', inti: 'CORE PROCESSES', pendukung: 'SUPPORT PROCESSES' },
    stakeholders: 'Stakeholders',
    levels: 'Business Process Map, Lower Levels',
    levelRange: (a, b) => (a === b ? `Level ${a}` : `Levels ${a}–${b}`),
    treeLegend: 'Dashed outline: a lowest-level process without an SOP in force.',
    matrix: 'Business Process and SOP Matrix',
    coverage: 'SOP coverage',
    coverageSentence: (c, n, p) => `${c} of ${n} lowest-level processes have an SOP in force (${p}).`,
    no: 'No.',
    code: 'Code',
    process: 'Business process',
    level: 'Level',
    owner: 'Process owner',
    sopNumber: 'SOP No.',
    sopTitle: 'SOP title',
    unit: 'Unit',
    stage: 'Stage',
    noSop: 'No SOP yet',
    unmapped: 'SOPs not linked to the business process map',
    inputs: 'Inputs',
    outputs: 'Outputs',
    numberLocale: 'en-GB',
  },
};

/** The coverage ratio as a percentage in the locale's format, e.g. "62,5%". */
export function percent(ratio: number, words: MapWords): string {
  return new Intl.NumberFormat(words.numberLocale, { style: 'percent', maximumFractionDigits: 1 }).format(ratio);
}
