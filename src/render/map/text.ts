import { escapeHtml } from '../format.js';

/** Average advance of a character in em (Arial, mixed case), to wrap SVG text without measuring. */
const EM_PER_CHAR = 0.53;

/** Wrap `text` into lines of at most `width` px at `fontSize` px; a word longer than a line is cut. */
export function wrap(text: string, width: number, fontSize: number): string[] {
  const max = Math.max(4, Math.floor(width / (fontSize * EM_PER_CHAR)));
  const lines: string[] = [];
  let line = '';
  for (let word of text.split(/\s+/).filter(Boolean)) {
    while (word.length > max) {
      if (line) lines.push(line);
      lines.push(word.slice(0, max));
      word = word.slice(max);
      line = '';
    }
    if (!line) line = word;
    else if (line.length + 1 + word.length <= max) line += ` ${word}`;
    else {
      lines.push(line);
      line = word;
    }
  }
  if (line) lines.push(line);
  return lines.length ? lines : [''];
}

/** An SVG `<text>` of several lines centred on `cx` (or starting at `x` with anchor `start`), first baseline at `y`. */
export function svgLines(lines: readonly string[], x: number, y: number, opts: { size: number; lineHeight: number; anchor?: 'middle' | 'start'; cls: string }): string {
  const spans = lines.map((l, i) => `<tspan x="${x.toFixed(1)}" y="${(y + i * opts.lineHeight).toFixed(1)}">${escapeHtml(l)}</tspan>`).join('');
  return `<text class="${opts.cls}" font-size="${opts.size}" text-anchor="${opts.anchor ?? 'middle'}">${spans}</text>`;
}
