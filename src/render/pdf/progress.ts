/** Whether to draw a progress bar: only on a terminal, and only for more than a few documents. */
export function wantProgress(stderrIsTTY: boolean, total: number): boolean {
  return stderrIsTTY && total > 3;
}

/** One line of a progress bar, redrawn in place with `\r` (the caller ends it with a newline). */
export function progressLine(done: number, total: number, label: string, width = 28): string {
  const filled = total > 0 ? Math.round((done / total) * width) : width;
  const name = label.length > 40 ? `…${label.slice(-39)}` : label;
  return `\r[${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${done}/${total} ${name}\u001b[K`;
}
