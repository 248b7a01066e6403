import type { Config } from '../config/types.js';

/** Sheet sizes, portrait width × height. */
const SHEETS = { A4: ['210mm', '297mm'], F4: ['215mm', '330mm'], Letter: ['8.5in', '11in'] } as const;

/** The CSS `@page` size of the configured paper and orientation ("330mm 215mm" for F4 landscape). */
export function pageSize(config: Pick<Config, 'paper' | 'orientation'>): { size: string; name: string; orientation: string } {
  const [w, h] = SHEETS[config.paper] ?? SHEETS.A4;
  const size = config.orientation === 'portrait' ? `${w} ${h}` : `${h} ${w}`;
  return { size, name: config.paper, orientation: config.orientation };
}
