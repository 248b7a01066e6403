// Sizes (px) of everything drawn in a band, and the shapes' borders.
import type { SymbolKind } from './types.js';

/** Half sizes of each symbol. */
export const SYMBOL: Record<SymbolKind, { hw: number; hh: number }> = {
  start: { hw: 22, hh: 12 },
  end: { hw: 22, hh: 12 },
  process: { hw: 22, hh: 14 },
  decision: { hw: 22, hh: 18 },
};

/** Lane width assumed when the caller does not know it (px). */
export const DEFAULT_LANE_WIDTH = 100;

/** Offset of channel track 0 from the lane centre, and the spacing of tracks. */
export const TRACK0 = 30;
export const TRACK_GAP = 6;
/** Spacing of side ports and the furthest a port may sit from the symbol's middle. */
export const PORT_GAP = 5;
export const PORT_LIMIT: Record<SymbolKind, number> = { start: 7, end: 7, process: 10, decision: 10 };
/** Small end capsule beside/below a decision. */
export const CAP = { w: 20, h: 12, sideX: 30, sideTop: 12, belowTop: 28 };
/** Off-page connector (pentagon pointing down): width, height, its square part, margin to the band edge. */
export const CONN = { w: 16, h: 16, body: 10, margin: 2 };
/** Arrowhead length and half width. */
export const ARROW = { len: 7, half: 3 };
/** Label type. */
export const FONT = 8;
export const LINE_H = 9;
/** Gap from a row's top to a next-row edge's horizontal, and from its bottom to a jog. */
export const EDGE_GAP = 8;
/** Smallest vertical room between things anchored to different parts of a row. */
export const VGAP = 8;
/** Smallest band height. */
export const BASE_HEIGHT = 56;
export const STROKE = 1.2;

/** Estimated width of a text in label type (generous: Arial 8px averages ~4.4 px a character). */
export function textWidth(s: string): number {
  let w = 0;
  for (const ch of s) w += /[A-Z0-9MWmw@%]/.test(ch) ? 5.6 : /[ilI.,:;!'|]/.test(ch) ? 2.4 : 4.8;
  return Math.ceil(w);
}

const VOWEL = /[aeiouAEIOU]/;

/**
 * Split a word wider than `width` px into hyphenated pieces that fit, preferring a syllable break
 * (vowel | consonant vowel, as in Indonesian "Meme-nuhi"), else as many letters as fit.
 */
export function splitWord(word: string, width: number): string[] {
  const out: string[] = [];
  let rest = word;
  while (textWidth(rest) > width && rest.length > 1) {
    const chars = [...rest];
    let fit = 1;
    while (fit < chars.length - 1 && textWidth(`${chars.slice(0, fit + 1).join('')}-`) <= width) fit++;
    let cut = fit;
    for (let i = fit; i >= 2; i--) {
      if (VOWEL.test(chars[i - 1]!) && !VOWEL.test(chars[i]!) && VOWEL.test(chars[i + 1] ?? '')) {
        cut = i;
        break;
      }
    }
    if (cut < 2 && fit >= 2) cut = fit;
    const head = chars.slice(0, cut).join('');
    out.push(/[-/]$/.test(head) ? head : `${head}-`);
    rest = chars.slice(cut).join('');
  }
  out.push(rest);
  return out;
}

/**
 * Break a label into lines at spaces: at most ~10 characters a line, and no wider than `maxWidth` px where a word allows;
 * a word wider than `hardWidth` px (the room before the band's edge or the neighbour's symbol) is hyphenated.
 */
export function wrapLabel(s: string, max = 10, maxWidth = Infinity, hardWidth = Infinity): string[] {
  const words = s.trim().split(/\s+/).filter(Boolean).flatMap((w) => (textWidth(w) > hardWidth ? splitWord(w, hardWidth) : [w]));
  const lines: string[] = [];
  let open = false; // whether the last line may take another word (not after a hyphenated piece)
  for (const w of words) {
    const last = lines[lines.length - 1];
    const joined = `${last} ${w}`;
    if (last !== undefined && open && joined.length <= max && textWidth(joined) <= maxWidth) lines[lines.length - 1] = joined;
    else lines.push(w);
    open = !(w.endsWith('-') && textWidth(w) > 0 && !s.includes(w));
  }
  return lines.length ? lines : [''];
}

/** Distance from the symbol's centre line to its left/right border at height `dy`. */
export function borderX(kind: SymbolKind, dy: number): number {
  const { hw, hh } = SYMBOL[kind];
  const a = Math.abs(dy);
  if (kind === 'decision') return hw * (1 - a / hh);
  if (kind === 'start' || kind === 'end') {
    const r = hh;
    return hw - r + Math.sqrt(Math.max(0, r * r - a * a));
  }
  return hw;
}

/** x offset of channel track `k`. */
export function trackX(k: number): number {
  return TRACK0 + k * TRACK_GAP;
}
