import { isMap, isPair, isScalar, isSeq, LineCounter, type Document, type Node } from 'yaml';
import type { DocPath, Range } from './types.js';

/** Turns document paths into source ranges. */
export interface Locator {
  /** Range of the node at `path`; with `key`, the range of the mapping key instead of its value. Falls back to the nearest existing ancestor. */
  locate(path: DocPath, opts?: { key?: boolean }): Range;
  /** Range of a character offset span. */
  rangeOf(start: number, end: number): Range;
}

type Span = readonly [number, number];

function spanOf(node: unknown): Span | undefined {
  const r = (node as { range?: [number, number, number] } | null)?.range;
  return r ? [r[0], r[1]] : undefined;
}

/** Build a locator over a parsed document. */
export function createLocator(doc: Document | null, lineCounter: LineCounter, textLength: number): Locator {
  const rangeOf = (start: number, end: number): Range => {
    const s = lineCounter.linePos(Math.max(0, Math.min(start, textLength)));
    const e = lineCounter.linePos(Math.max(0, Math.min(Math.max(end, start), textLength)));
    return { start: { line: s.line, column: s.col }, end: { line: e.line, column: e.col } };
  };
  const locate = (path: DocPath, opts: { key?: boolean } = {}): Range => {
    let node: unknown = doc?.contents ?? null;
    let best: Span = spanOf(node) ?? [0, 0];
    for (let i = 0; i < path.length; i++) {
      const seg = path[i];
      const last = i === path.length - 1;
      if (isMap(node)) {
        const pair = node.items.find((p) => isPair(p) && isScalar(p.key) && String(p.key.value) === String(seg));
        if (!pair) break;
        const keySpan = spanOf(pair.key);
        if (last && opts.key && keySpan) return rangeOf(keySpan[0], keySpan[1]);
        node = pair.value;
        const vs = spanOf(node);
        best = vs ?? keySpan ?? best;
        if (!vs) break;
      } else if (isSeq(node) && typeof seg === 'number') {
        const item = node.items[seg];
        if (item === undefined) break;
        node = item;
        best = spanOf(item) ?? best;
      } else {
        break;
      }
    }
    return rangeOf(best[0], best[1]);
  };
  return { locate, rangeOf };
}

/** The node at `path`, if any. */
export function nodeAt(doc: Document | null, path: DocPath): Node | null {
  let node: unknown = doc?.contents ?? null;
  for (const seg of path) {
    if (isMap(node)) {
      const pair = node.items.find((p) => isScalar(p.key) && String(p.key.value) === String(seg));
      if (!pair) return null;
      node = pair.value;
    } else if (isSeq(node) && typeof seg === 'number') {
      node = node.items[seg];
    } else return null;
  }
  return (node as Node) ?? null;
}
