// The procedure table's column widths, shared by the layout (the band pictures' width) and the table itself.
import { columns } from './cells.js';
import { TW_PER_PX } from './page.js';

/** Width in CSS px of the merged actor cells of the procedure table on a sheet: the band pictures' width. */
export function bandWidthPx(contentTw: number, lanes: number): number {
  const widths = procedureWidths(contentTw, Math.max(1, lanes));
  // One px less: the cell borders take a little of it.
  return Math.floor(widths.slice(2, 2 + Math.max(1, lanes)).reduce((a, b) => a + b, 0) / TW_PER_PX) - 1;
}

/** Percent widths of the procedure table's columns (templates/sop.css). */
export function procedureWidths(width: number, lanes: number): number[] {
  return columns(width, [3.2, 19, ...Array.from({ length: lanes }, () => 39 / lanes), 13, 7.3, 10, 8.5]);
}
