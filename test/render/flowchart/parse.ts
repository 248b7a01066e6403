// Read the flowchart bands back into absolute geometry: a small parser of exactly the elements the
// module emits (nested <svg x y>, <g transform=translate>, line, polygon, rect, text with data-box).
export interface Seg {
  edge: number;
  x1: number;
  y1: number;
  x2: number;
  y2: number;
}
export interface Poly {
  attrs: Record<string, string>;
  pts: Array<[number, number]>;
}
export interface Box {
  attrs: Record<string, string>;
  x: number;
  y: number;
  w: number;
  h: number;
}
export interface Parsed {
  segs: Seg[];
  polys: Poly[];
  rects: Box[];
  texts: Array<Box & { text: string }>;
  minHeight: number;
}

function attrsOf(s: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const m of s.matchAll(/([\w:-]+)="([^"]*)"/g)) out[m[1]!] = m[2]!;
  return out;
}

const len = (v: string | undefined, size: number) => (v === undefined ? 0 : v.endsWith('%') ? (parseFloat(v) / 100) * size : parseFloat(v));

/** Parse one band drawn `w` px wide and `h` px tall whose top-left is at (ox, oy). */
export function parseBand(svg: string, w: number, h: number, ox = 0, oy = 0): Parsed {
  const out: Parsed = { segs: [], polys: [], rects: [], texts: [], minHeight: 0 };
  const stack: Array<[number, number]> = [[ox, oy]];
  let text: (Box & { text: string }) | undefined;
  let depth = 0;
  for (const m of svg.matchAll(/<(\/?)([\w]+)([^>]*?)(\/?)>|([^<]+)/g)) {
    if (m[5] !== undefined) {
      if (text) text.text += m[5];
      continue;
    }
    const [, close, tag, rest, selfClose] = m as unknown as [string, string, string, string, string];
    const a = attrsOf(rest);
    const [bx, by] = stack[stack.length - 1]!;
    if (close) {
      if (tag === 'svg' || tag === 'g') stack.pop();
      if (tag === 'text' && text) {
        out.texts.push(text);
        text = undefined;
      }
      continue;
    }
    if (tag === 'div') {
      out.minHeight = parseFloat(/min-height:([\d.]+)px/.exec(a.style ?? '')?.[1] ?? '0');
      continue;
    }
    if (tag === 'svg') {
      depth++;
      if (depth === 1) stack.push([bx, by]);
      else stack.push([bx + len(a.x, w), by + len(a.y, h)]);
    } else if (tag === 'g') {
      const t = /translate\(([-\d.]+) ([-\d.]+)\)/.exec(a.transform ?? '');
      stack.push(t ? [bx + parseFloat(t[1]!), by + parseFloat(t[2]!)] : [bx, by]);
    } else if (tag === 'line') {
      out.segs.push({ edge: Number(a['data-e']), x1: bx + len(a.x1, w), y1: by + len(a.y1, h), x2: bx + len(a.x2, w), y2: by + len(a.y2, h) });
    } else if (tag === 'polygon') {
      const pts = (a.points ?? '').trim().split(/\s+/).map((p) => {
        const [x, y] = p.split(',').map(Number) as [number, number];
        return [bx + x, by + y] as [number, number];
      });
      out.polys.push({ attrs: a, pts });
    } else if (tag === 'rect') {
      out.rects.push({ attrs: a, x: bx + len(a.x, w), y: by + len(a.y, h), w: len(a.width, w), h: len(a.height, h) });
    } else if (tag === 'tspan') {
      if (text && text.text) text.text += ' ';
    } else if (tag === 'text') {
      const [x, y, bw, bh] = (a['data-box'] ?? '0,0,0,0').split(',').map(Number) as [number, number, number, number];
      text = { attrs: a, x: bx + x, y: by + y, w: bw, h: bh, text: '' };
      if (selfClose) text = undefined;
    }
    if (selfClose && (tag === 'svg' || tag === 'g')) stack.pop();
  }
  return out;
}

/** Parse every band of a chart stacked in rows of the given heights, lanes `laneW` wide. */
export function parseChart(bands: string[], lanes: number, laneW: number, heights: number[]): Parsed & { rowTop: number[] } {
  const all: Parsed & { rowTop: number[] } = { segs: [], polys: [], rects: [], texts: [], minHeight: 0, rowTop: [] };
  let y = 0;
  bands.forEach((b, i) => {
    const p = parseBand(b, lanes * laneW, heights[i]!, 0, y);
    all.rowTop.push(y);
    all.segs.push(...p.segs);
    all.polys.push(...p.polys);
    all.rects.push(...p.rects);
    all.texts.push(...p.texts);
    y += heights[i]!;
  });
  return all;
}
