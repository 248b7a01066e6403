import { isMap, isScalar, parseDocument, type Document, type Pair, type YAMLMap } from 'yaml';

/** Set `path` to a scalar `value` (a missing key is inserted after the sibling `after`, else last), or remove it. */
export interface YamlEdit {
  /** Mapping keys from the root. */
  path: string[];
  /** New value (ignored when removing). */
  value: string | number;
  /** Remove the key (nothing happens when it is absent). */
  remove?: boolean;
  /** Insert a missing key after this sibling key, when present. */
  after?: string;
}

const PLAIN = /^[A-Za-z0-9À-ɏ][A-Za-z0-9À-ɏ ._/()-]*$/;
const NOT_STRING = /^(?:[-+]?(?:\d[\d_]*(?:\.\d*)?(?:[eE][-+]?\d+)?|\.inf|\.nan|0x[0-9a-fA-F]+|0o[0-7]+)|true|false|True|False|TRUE|FALSE|null|Null|NULL|~|yes|no|on|off|y|n)$/i;
const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** A scalar as YAML source: plain when safe (dates stay plain), double-quoted otherwise (e.g. an 18-digit NIP). */
export function scalarSource(v: string | number): string {
  if (typeof v === 'number') return String(v);
  if (DATE.test(v)) return v;
  if (PLAIN.test(v) && !NOT_STRING.test(v) && !/\s$/.test(v) && !v.includes(' #')) return v;
  return JSON.stringify(v);
}

function pairOf(map: YAMLMap, key: string): Pair | undefined {
  return map.items.find((p) => isScalar(p.key) && String(p.key.value) === key) as Pair | undefined;
}

function lineStart(text: string, offset: number): number {
  return text.lastIndexOf('\n', offset - 1) + 1;
}

function lineEndAfter(text: string, offset: number): number {
  const nl = text.indexOf('\n', Math.max(0, offset - 1));
  return nl < 0 ? text.length : nl + 1;
}

function blockLines(keys: string[], value: string, indent: string, step: string, eol: string): string {
  return keys.map((k, i) => `${indent}${step.repeat(i)}${k}:${i === keys.length - 1 ? ` ${value}` : ''}`).join(eol) + eol;
}

/** `a: {b: value}` for the keys `a`, `b`: what a flow mapping takes where block lines cannot go. */
function flowEntry(keys: string[], value: string): string {
  return keys.length === 1 ? `${keys[0]}: ${value}` : `${keys[0]}: {${flowEntry(keys.slice(1), value)}}`;
}

/** Cut a pair out: from a flow mapping with its comma, from a block mapping with its whole lines. */
function removePair(text: string, map: YAMLMap, pair: Pair): string {
  const start = (pair.key as { range?: number[] }).range![0]!;
  const end = (pair.value as { range?: number[] } | null)?.range?.[1] ?? (pair.key as { range?: number[] }).range![1]!;
  if (map.flow) {
    const before = text.slice(0, start);
    const comma = before.search(/,\s*$/);
    if (comma >= 0) return text.slice(0, comma) + text.slice(end);
    const after = /^\s*,\s*/.exec(text.slice(end));
    return text.slice(0, start) + text.slice(end + (after ? after[0].length : 0));
  }
  return text.slice(0, lineStart(text, start)) + text.slice(lineEndAfter(text, end));
}

/** Apply one edit to text; returns the new text. */
function applyOne(text: string, edit: YamlEdit): string {
  const doc = parseDocument(text, { schema: 'core', keepSourceTokens: false }) as Document;
  if (doc.errors.length) throw new Error(`cannot edit YAML with errors: ${doc.errors[0]!.message}`);
  const eol = text.includes('\r\n') ? '\r\n' : '\n';
  let map: unknown = doc.contents;
  const value = scalarSource(edit.value);
  for (let i = 0; i < edit.path.length; i++) {
    const key = edit.path[i]!;
    if (!isMap(map)) throw new Error(`\`${edit.path.slice(0, i).join('.')}\` is not a mapping`);
    const pair = pairOf(map, key);
    const last = i === edit.path.length - 1;
    if (last && edit.remove) return pair ? removePair(text, map, pair) : text;
    if (pair && last) {
      const node = pair.value;
      if (!isScalar(node) || !node.range) throw new Error(`\`${edit.path.join('.')}\` is not a single value`);
      return text.slice(0, node.range[0]) + value + text.slice(node.range[1]);
    }
    if (pair) {
      map = pair.value;
      continue;
    }
    // Missing from here on: insert the rest into `map`.
    const rest = edit.path.slice(i);
    const items = map.items as Pair[];
    const anchor = (edit.after !== undefined ? pairOf(map, edit.after) : undefined) ?? items.at(-1);
    if (map.flow) {
      const entry = flowEntry(rest, value);
      const end = (anchor?.value as { range?: number[] } | null)?.range?.[1] ?? (anchor?.key as { range?: number[] } | null)?.range?.[1];
      if (end === undefined) {
        const open = text.indexOf('{', map.range![0]);
        return `${text.slice(0, open + 1)}${entry}${text.slice(open + 1)}`;
      }
      return `${text.slice(0, end)}, ${entry}${text.slice(end)}`;
    }
    const first = items[0]?.key as { range?: number[] } | undefined;
    if (!anchor || !first?.range) throw new Error(`cannot add \`${rest.join('.')}\` to an empty mapping`);
    const keyStart = first.range[0]!;
    const indent = text.slice(lineStart(text, keyStart), keyStart);
    const step = i === 0 ? '  ' : indent.slice(0, Math.max(2, indent.length / i)) || '  ';
    const valueRange = (anchor.value as { range?: number[] } | null)?.range ?? (anchor.key as { range?: number[] }).range!;
    const at = lineEndAfter(text, valueRange[1]!);
    const prefix = at === text.length && !text.endsWith('\n') ? eol : '';
    return text.slice(0, at) + prefix + blockLines(rest, value, indent, step, eol) + text.slice(at);
  }
  throw new Error('empty edit path');
}

/** Apply edits one after another, keeping every byte outside the changed or inserted lines; verifies the result. */
export function editYaml(text: string, edits: readonly YamlEdit[]): string {
  let out = text;
  for (const e of edits) out = applyOne(out, e);
  const check = parseDocument(out, { schema: 'core' });
  if (check.errors.length) throw new Error(`editing produced invalid YAML: ${check.errors[0]!.message}`);
  for (const e of edits) {
    const got = check.getIn(e.path);
    if (e.remove ? got !== undefined : String(got) !== String(e.value)) throw new Error(`editing \`${e.path.join('.')}\` did not take effect`);
  }
  return out;
}
