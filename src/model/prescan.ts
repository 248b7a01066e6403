import jsyaml from 'js-yaml';
import { syntaxWords, type Worded } from './messages.js';

/** Deepest nesting of mappings and lists accepted (an SOP needs about five levels). */
export const MAX_DEPTH = 100;
/** Most items in one list (steps included; the format advises at most 25 steps). */
export const MAX_ITEMS = 1000;
/** Most keys in one mapping (`x-` extensions included). */
export const MAX_KEYS = 1000;
/** Most values (keys, scalars, lists, mappings) in one file: an SOP holds a few hundred; this bounds every later pass. */
export const MAX_NODES = 20_000;

/** A limit the file goes over, with the offset it is reported at. */
export interface LimitProblem extends Worded {
  /** Character offset. */
  offset: number;
}

/** What the quick pass of js-yaml found. */
export interface Prescan {
  /** The data, when js-yaml read the file. */
  data?: unknown;
  /** The first limit the file goes over (then `data` is absent). */
  limit?: LimitProblem;
  /** js-yaml's error, when it could not read the file. */
  error?: { offset: number; message: string };
  /** Nodes seen (up to the error, if any). */
  nodes: number;
}

interface Frame {
  /** Offset where js-yaml opened the node (before its leading spaces). */
  open: number;
  /** Nesting level (the root is 1). */
  depth: number;
  /** Offset where the first child past the limit was opened (item MAX_ITEMS + 1, or the key past MAX_KEYS). */
  past?: number;
  /** Children opened so far. */
  count: number;
  /** Whether it is a list (`-` or `[` where it starts), known from its first child on. */
  list?: boolean;
}

const num = (n: number) => n.toLocaleString('en-US');

/** First offset at or after `i` that is not a space, line break or comment. */
function skipBlank(text: string, i: number): number {
  while (i < text.length) {
    const c = text[i]!;
    if (c === ' ' || c === '\t' || c === '\n' || c === '\r') i++;
    else if (c === '#' && (i === 0 || /\s/.test(text[i - 1]!))) while (i < text.length && text[i] !== '\n' && text[i] !== '\r') i++;
    else break;
  }
  return Math.min(i, text.length);
}

/** Thrown from the listener to stop js-yaml where a limit is reached. */
class Stop extends Error {}

/**
 * Read `text` with js-yaml (linear and several times faster than `yaml`), checking on the way the limits
 * that keep every later pass linear and the stack safe: nesting depth, items per list, keys per mapping,
 * values per file. A limit stops the reading where it is reached. Anchors and aliases are resolved by
 * reference (no expansion), so an alias bomb costs nothing here.
 */
export function prescan(text: string): Prescan {
  const stack: Frame[] = [];
  let nodes = 0;
  let limit: LimitProblem | undefined;
  const stop = (l: LimitProblem): never => {
    limit = l;
    throw new Stop();
  };
  const listener = (event: 'open' | 'close', state: { position: number; result: unknown; kind: string | null }) => {
    if (event === 'open') {
      if (++nodes > MAX_NODES) {
        stop({ offset: skipBlank(text, state.position), ...syntaxWords('tooManyValues', { max: num(MAX_NODES) }) });
      }
      const top = stack[stack.length - 1];
      if (top) {
        top.list ??= isList(text, top);
        // A list opens a node an item, a mapping two a key: remember where the first one past the limit starts,
        // and stop as soon as either is past its limit.
        if (top.count === (top.list ? MAX_ITEMS : 2 * MAX_KEYS)) top.past = state.position;
        if (++top.count > (top.list ? MAX_ITEMS : 2 * MAX_KEYS + 1)) stop(tooBig(text, top));
      }
      stack.push({ open: state.position, depth: stack.length + 1, count: 0 });
      return;
    }
    const frame = stack.pop();
    const r = state.result;
    if (!frame || !r || typeof r !== 'object') return;
    // Checked again on close: merged keys (`<<`) add keys that were never opened as children.
    if (Array.isArray(r)) {
      if (r.length > MAX_ITEMS) stop(tooBig(text, frame));
    } else if (state.kind === 'mapping') {
      let n = 0;
      for (const _ in r) if (++n > MAX_KEYS) stop(tooBig(text, frame));
    }
  };
  let data: unknown;
  try {
    data = jsyaml.load(text, { schema: jsyaml.CORE_SCHEMA, json: false, maxDepth: MAX_DEPTH, listener } as jsyaml.LoadOptions);
  } catch (e) {
    if (limit) return { nodes, limit };
    const err = e as { mark?: { position?: number }; reason?: string; message: string };
    const offset = Math.min(err.mark?.position ?? 0, text.length);
    if (/maxDepth/.test(err.reason ?? err.message)) {
      return { nodes, limit: { offset: skipBlank(text, offset), ...syntaxWords('tooDeepHere', { max: MAX_DEPTH }) } };
    }
    return { nodes, error: { offset, message: err.reason ?? err.message.split('\n')[0]! } };
  }
  return { data, nodes };
}

function isList(text: string, f: Frame): boolean {
  const at = skipBlank(text, f.open);
  return text[at] === '[' || (text[at] === '-' && /^[ \t\r\n]?$/.test(text[at + 1] ?? ''));
}

/** A list or mapping over its limit, reported at the first item past it. */
function tooBig(text: string, f: Frame): LimitProblem {
  const start = skipBlank(text, f.open);
  const list = f.list ?? isList(text, f);
  // The steps: the list right under the root key `steps`.
  const steps = list && f.depth === 2 && /(?:^|[\n{,])[ \t]*["']?steps["']?[ \t]*:[ \t]*(?:#[^\n]*)?\n?[ \t]*$/.test(text.slice(Math.max(0, start - 200), start));
  const at = f.past === undefined ? start : skipBlank(text, f.past);
  const data = { max: num(list ? MAX_ITEMS : MAX_KEYS), next: num((list ? MAX_ITEMS : MAX_KEYS) + 1) };
  if (steps) return { offset: at, ...syntaxWords('tooManySteps', data) };
  if (list) return { offset: at, ...syntaxWords('tooManyItems', data) };
  return { offset: at, ...syntaxWords(f.depth === 1 ? 'tooManyTopKeys' : 'tooManyKeys', data) };
}
