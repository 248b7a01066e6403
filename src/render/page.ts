import type { Config } from '../config/types.js';

/** Sheet sizes, portrait width × height. */
const SHEETS = { A4: ['210mm', '297mm'], F4: ['215mm', '330mm'], Letter: ['8.5in', '11in'] } as const;

/** The CSS `@page` size of the configured paper and orientation ("330mm 215mm" for F4 landscape). */
export function pageSize(config: Pick<Config, 'paper' | 'orientation'>): { size: string; name: string; orientation: string } {
  const [w, h] = SHEETS[config.paper] ?? SHEETS.A4;
  const size = config.orientation === 'portrait' ? `${w} ${h}` : `${h} ${w}`;
  return { size, name: config.paper, orientation: config.orientation };
}

const PX_PER = { mm: 96 / 25.4, cm: 960 / 25.4, in: 96, pt: 96 / 72, px: 1 } as const;

function toPx(length: string): number | undefined {
  const m = /^(\d+(?:\.\d+)?)(mm|cm|in|pt|px)$/.exec(length.trim());
  return m ? Number(m[1]) * PX_PER[m[2] as keyof typeof PX_PER] : undefined;
}

/** Share of the procedure table's width given to the actor columns (sop.css: col.c-actor). */
export const ACTOR_SHARE = 0.39;

/** Printable width of the page in CSS px: sheet width minus the left and right margins. */
export function printableWidthPx(config: Pick<Config, 'paper' | 'orientation' | 'pdf'>): number {
  const width = toPx(pageSize(config).size.split(' ')[0]!) ?? 1123;
  const parts = config.pdf.margin.trim().split(/\s+/);
  const side = toPx(parts.length > 1 ? parts[1]! : parts[0]!) ?? toPx('10mm')!;
  return Math.max(200, width - 2 * side);
}
