import type { Locale } from '../../config/types.js';

/** Words the book prints, per locale. */
export const BOOK_WORDS = {
  id: { kind: 'STANDAR OPERASIONAL PROSEDUR', contents: 'Daftar Isi', no: 'No', number: 'Nomor SOP', title: 'Nama SOP', page: 'Hal.', unitless: 'Tanpa Unit', review: 'KONSEP — SALINAN UNTUK REVIU, BELUM DITETAPKAN' },
  en: { kind: 'STANDARD OPERATING PROCEDURES', contents: 'Contents', no: 'No', number: 'SOP No.', title: 'SOP Title', page: 'Page', unitless: 'No Unit', review: 'DRAFT — REVIEW COPY, NOT ADOPTED' },
} as const satisfies Record<Locale, Record<string, string>>;
