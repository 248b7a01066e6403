// A flowchart band (src/render/flowchart) as a stand-alone SVG of a fixed size, for a Word cell.
// The HTML band scales with its cell: its pieces sit in nested <svg>s placed at percentages of the band.
// Word and LibreOffice draw plain SVG best, so each nested <svg> becomes a translated group and every
// percentage coordinate a number of px, for the row's measured height and the actor columns' width.

const NEST = /<svg x="(-?[\d.]+)%" y="(-?[\d.]+)%" width="100%" height="100%" overflow="visible">/g;
const PCT_ATTR = / (x1|x2|y1|y2)="(-?[\d.]+)%"/g;

const num = (v: number): string => {
  const r = Math.round(v * 100) / 100;
  return Object.is(r, -0) ? '0' : String(r);
};

/**
 * The band of one row (the markup the flowchart module draws: a div holding one svg) as an SVG document
 * `width` × `height` px, with the grey lane boundaries the HTML draws as a cell background.
 */
export function fixedBand(band: string, width: number, height: number, lanes: number): string {
  const open = band.indexOf('<svg ');
  const bodyStart = band.indexOf('>', open) + 1;
  const bodyEnd = band.lastIndexOf('</svg>');
  if (open < 0 || bodyStart <= 0 || bodyEnd < bodyStart) throw new Error('flowchart band: no svg');
  const body = band
    .slice(bodyStart, bodyEnd)
    .replace(NEST, (_, x: string, y: string) => `<g transform="translate(${num((Number(x) * width) / 100)} ${num((Number(y) * height) / 100)})">`)
    .replace(/<\/svg>/g, '</g>')
    .replace(PCT_ATTR, (_, attr: string, v: string) => ` ${attr}="${num((Number(v) * (attr.startsWith('x') ? width : height)) / 100)}"`);
  const laneLines = Array.from({ length: Math.max(0, lanes - 1) }, (_, k) => {
    const x = num(((k + 1) * width) / lanes);
    return `<line x1="${x}" y1="0" x2="${x}" y2="${num(height)}"/>`;
  }).join('');
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" width="${num(width)}" height="${num(height)}" viewBox="0 0 ${num(width)} ${num(height)}">` +
    `<g stroke="#9a9a9a" stroke-width="0.75">${laneLines}</g>${body}</svg>`
  );
}
