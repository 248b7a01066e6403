import type { Orientation, Paper } from '../../config/types.js';

/** Sheet sizes in millimetres, portrait (width × height). F4 is the Indonesian 215 × 330 mm folio. */
export const PAPER_MM = {
  A4: [210, 297],
  F4: [215, 330],
  Letter: [215.9, 279.4],
} as const satisfies Record<Paper, readonly [number, number]>;

/** Paper names accepted on the command line. */
export const PAPERS = Object.keys(PAPER_MM) as Paper[];
/** Orientations accepted on the command line. */
export const ORIENTATIONS: Orientation[] = ['landscape', 'portrait'];

/** A sheet and its printable area. */
export interface Sheet {
  /** Sheet width in mm. */
  widthMm: number;
  /** Sheet height in mm. */
  heightMm: number;
  /** Margins in mm: top, right, bottom, left. */
  marginMm: [number, number, number, number];
  /** Printable width in CSS px (96 per inch). */
  contentWidthPx: number;
  /** Printable height in CSS px. */
  contentHeightPx: number;
}

const PX_PER_MM = 96 / 25.4;

/** Parse a CSS length (`10mm`, `1cm`, `0.5in`, `20px`, `12pt`) into mm. */
export function lengthToMm(value: string): number | undefined {
  const m = /^\s*(\d+(?:\.\d+)?)\s*(mm|cm|in|px|pt)?\s*$/.exec(value);
  if (!m) return undefined;
  const n = Number(m[1]);
  const unit = m[2] ?? 'mm';
  const perUnit = { mm: 1, cm: 10, in: 25.4, px: 25.4 / 96, pt: 25.4 / 72 } as const;
  return n * perUnit[unit as keyof typeof perUnit];
}

/** Margins from a CSS-like shorthand (1 to 4 lengths); undefined when not understood. */
export function parseMargins(value: string): [number, number, number, number] | undefined {
  const parts = value.trim().split(/\s+/).map(lengthToMm);
  if (parts.length < 1 || parts.length > 4 || parts.some((p) => p === undefined)) return undefined;
  const [t, r = t, b = t, l = r] = parts as number[];
  return [t!, r!, b!, l!];
}

/** The sheet for a paper, orientation and margins; the bottom margin grows to hold the running footer. */
export function sheet(paper: Paper, orientation: Orientation, margin: [number, number, number, number]): Sheet {
  const [w, h] = PAPER_MM[paper];
  const [widthMm, heightMm] = orientation === 'landscape' ? [h, w] : [w, h];
  const marginMm: Sheet['marginMm'] = [margin[0], margin[1], Math.max(margin[2], 12), margin[3]];
  return {
    widthMm,
    heightMm,
    marginMm,
    contentWidthPx: (widthMm - marginMm[1] - marginMm[3]) * PX_PER_MM,
    contentHeightPx: (heightMm - marginMm[0] - marginMm[2]) * PX_PER_MM,
  };
}
