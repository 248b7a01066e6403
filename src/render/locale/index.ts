import type { Locale } from '../../config/types.js';
import { en } from './en.js';
import { id } from './id.js';
import type { Labels } from './types.js';

export type { Labels } from './types.js';

/** Labels by locale. */
export const locales = { id, en } satisfies Record<Locale, Labels>;

/** The labels of a locale. */
export function labelsFor(locale: Locale): Labels {
  return locales[locale];
}

/** The Nomor SOP as printed: the number, or "(belum bernomor)" for an SOP without one (never its id). */
export function numberText(number: unknown, locale: Locale): string {
  const n = typeof number === 'string' || typeof number === 'number' ? String(number).trim() : '';
  return n || labelsFor(locale).unnumbered;
}
