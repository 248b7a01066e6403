import { isMap, isPair, isScalar, isSeq, type Document, type Node, type Pair, type YAMLMap } from 'yaml';
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

/** Offsets where each line starts: LF, CRLF and a lone CR (old Mac files) all end a line, as in YAML. */
export function lineStarts(text: string): number[] {
  const starts = [0];
  let i = text.indexOf('\r') < 0 ? text.indexOf('\n') : 0;
  if (i < 0) return starts;
  for (; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 10 || (c === 13 && text.charCodeAt(i + 1) !== 10)) starts.push(i + 1);
  }
  return starts;
}

/** 1-based line and column (UTF-16 units, as editors count) of an offset, given the line starts. */
export function positionAt(starts: readonly number[], offset: number): { line: number; column: number } {
  let lo = 0;
  let hi = starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (starts[mid]! <= offset) lo = mid;
    else hi = mid - 1;
  }
  return { line: lo + 1, column: offset - starts[lo]! + 1 };
}

/** Pairs of a mapping by key text (built once per mapping: a lookup must not scan 1,000 keys each time). */
const keyIndex = new WeakMap<YAMLMap, Map<string, Pair>>();
function pairOf(map: YAMLMap, key: string): Pair | undefined {
  let idx = keyIndex.get(map);
  if (!idx) {
    idx = new Map();
    for (const p of map.items) if (isPair(p) && isScalar(p.key) && !idx.has(String(p.key.value))) idx.set(String(p.key.value), p);
    keyIndex.set(map, idx);
  }
  return idx.get(key);
}

/** Build a locator over a parsed document of `text`. */
export function createLocator(doc: Document | null, text: string): Locator {
  let starts: number[] | undefined;
  const at = (offset: number) => positionAt((starts ??= lineStarts(text)), Math.max(0, Math.min(offset, text.length)));
  const rangeOf = (start: number, end: number): Range => {
    const s = at(start);
    const e = at(Math.max(end, start));
    return { start: { line: s.line, column: s.column }, end: { line: e.line, column: e.column } };
  };
  const locate = (path: DocPath, opts: { key?: boolean } = {}): Range => {
    let node: unknown = doc?.contents ?? null;
    let best: Span = spanOf(node) ?? [0, 0];
    for (let i = 0; i < path.length; i++) {
      const seg = path[i];
      const last = i === path.length - 1;
      if (isMap(node)) {
        const pair = pairOf(node, String(seg));
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
      const pair = pairOf(node, String(seg));
      if (!pair) return null;
      node = pair.value;
    } else if (isSeq(node) && typeof seg === 'number') {
      node = node.items[seg];
    } else return null;
  }
  return (node as Node) ?? null;
}
