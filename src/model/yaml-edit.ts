import { isMap, isScalar, isSeq, parseDocument, type Document, type Pair, type YAMLMap } from 'yaml';

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

/** A value a record can hold: scalars, lists of scalars, and mappings of those. */
export type YamlValue = string | number | boolean | YamlValue[] | { [key: string]: YamlValue | undefined };

function scalarOf(v: string | number | boolean): string {
  return typeof v === 'boolean' ? String(v) : scalarSource(v);
}

/** A value in flow style: `{a: 1, b: [x, y]}`. */
function flowOf(v: YamlValue): string {
  if (Array.isArray(v)) return `[${v.map(flowOf).join(', ')}]`;
  if (typeof v === 'object') return `{${Object.entries(v).filter(([, x]) => x !== undefined).map(([k, x]) => `${k}: ${flowOf(x!)}`).join(', ')}}`;
  return scalarOf(v);
}

/** Lines of a mapping in block style, each key at `indent`. */
function blockMapLines(map: { [key: string]: YamlValue | undefined }, indent: string): string[] {
  const out: string[] = [];
  for (const [k, v] of Object.entries(map)) {
    if (v === undefined) continue;
    if (Array.isArray(v)) {
      if (v.length === 0 || v.some((x) => typeof x === 'object')) out.push(`${indent}${k}: ${flowOf(v)}`);
      else out.push(`${indent}${k}:`, ...v.map((x) => `${indent}  - ${flowOf(x)}`));
    } else if (typeof v === 'object') {
      out.push(`${indent}${k}:`, ...blockMapLines(v, `${indent}  `));
    } else out.push(`${indent}${k}: ${scalarOf(v)}`);
  }
  return out;
}

/** One sequence item holding a mapping: `- first: …` then the other keys under it. */
function blockItem(entry: { [key: string]: YamlValue | undefined }, dash: string, content: string): string[] {
  const lines = blockMapLines(entry, content);
  if (lines.length === 0) return [`${dash}- {}`];
  lines[0] = `${dash}- ${lines[0]!.slice(content.length)}`;
  return lines;
}

function column(text: string, offset: number): number {
  return offset - lineStart(text, offset);
}

/** The dash and content indentation of an existing block sequence (`  - date:` → 2 and 4). */
function seqIndents(text: string, seq: { range?: number[] | null; items: unknown[] }): { dash: string; content: string } | undefined {
  const first = seq.items[0] as { range?: number[] } | undefined;
  if (!seq.range || !first?.range) return undefined;
  const dash = column(text, seq.range[0]!);
  const content = column(text, first.range[0]!);
  return content > dash ? { dash: ' '.repeat(dash), content: ' '.repeat(content) } : undefined;
}

/**
 * Append a mapping to the top-level list `key` (created at the end of the file when missing), keeping every
 * byte outside the added lines: block lists get block lines with the list's own indentation, flow lists and
 * flow documents get a flow entry. Verifies that the result parses and ends with the entry.
 */
export function appendToList(text: string, key: string, entry: { [key: string]: YamlValue | undefined }, before: readonly string[] = []): string {
  const doc = parseDocument(text, { schema: 'core' }) as Document;
  if (doc.errors.length) throw new Error(`cannot edit YAML with errors: ${doc.errors[0]!.message}`);
  const root = doc.contents;
  if (!isMap(root)) throw new Error('the document is not a mapping');
  const eol = text.includes('\r\n') ? '\r\n' : '\n';
  const pair = pairOf(root, key);
  const lines = (indents: { dash: string; content: string }) => blockItem(entry, indents.dash, indents.content).join(eol) + eol;
  // Indentation of a new list: like `steps` (or any block list of the file), else two spaces.
  const styleOf = (): { dash: string; content: string } => {
    for (const p of root.items as Pair[]) {
      if (isSeq(p.value) && !p.value.flow) {
        const s = seqIndents(text, p.value as unknown as { range?: number[]; items: unknown[] });
        if (s) return s;
      }
    }
    return { dash: '  ', content: '    ' };
  };
  let out: string;
  if (!pair) {
    if (root.flow) {
      const last = (root.items as Pair[]).at(-1);
      const end = (last?.value as { range?: number[] } | null)?.range?.[1] ?? (last?.key as { range?: number[] } | null)?.range?.[1];
      if (end === undefined) throw new Error('cannot add to an empty flow mapping');
      out = `${text.slice(0, end)}, ${key}: [${flowOf(entry)}]${text.slice(end)}`;
    } else {
      // A new list goes before the first of `before` present in the file (block root), else at the end.
      const next = before.map((k) => pairOf(root, k)).find((p) => p !== undefined);
      const nextStart = (next?.key as { range?: number[] } | undefined)?.range?.[0];
      if (nextStart !== undefined && column(text, nextStart) === 0) {
        const at = lineStart(text, nextStart);
        out = `${text.slice(0, at)}${key}:${eol}${lines(styleOf())}${text.slice(at)}`;
      } else {
        const sep = text === '' || text.endsWith('\n') ? '' : eol;
        out = `${text}${sep}${key}:${eol}${lines(styleOf())}`;
      }
    }
  } else if (isSeq(pair.value)) {
    const seq = pair.value;
    if (seq.flow) {
      const last = seq.items.at(-1) as { range?: number[] } | undefined;
      if (last?.range) out = `${text.slice(0, last.range[1])}, ${flowOf(entry)}${text.slice(last.range[1])}`;
      else {
        const open = text.indexOf('[', seq.range![0]);
        out = `${text.slice(0, open + 1)}${flowOf(entry)}${text.slice(open + 1)}`;
      }
    } else {
      const last = seq.items.at(-1) as { range?: number[] } | undefined;
      if (!last?.range) throw new Error(`\`${key}\` is an empty list`);
      const at = lineEndAfter(text, last.range[1]!);
      const prefix = at === text.length && !text.endsWith('\n') ? eol : '';
      out = text.slice(0, at) + prefix + lines(seqIndents(text, seq as unknown as { range?: number[]; items: unknown[] }) ?? styleOf()) + text.slice(at);
    }
  } else if (isScalar(pair.value) && pair.value.value === null && !root.flow) {
    // `monitoring:` with nothing after it (maybe a comment): the list starts on the next line.
    const keyEnd = (pair.key as { range?: number[] }).range![1]!;
    const at = lineEndAfter(text, keyEnd);
    const prefix = at === text.length && !text.endsWith('\n') ? eol : '';
    out = text.slice(0, at) + prefix + lines(styleOf()) + text.slice(at);
  } else throw new Error(`\`${key}\` is not a list`);
  const check = parseDocument(out, { schema: 'core' });
  if (check.errors.length) throw new Error(`editing produced invalid YAML: ${check.errors[0]!.message}`);
  const list = check.toJS()?.[key] as unknown;
  const clean = JSON.parse(JSON.stringify(entry)) as unknown;
  if (!Array.isArray(list) || JSON.stringify(list.at(-1)) !== JSON.stringify(clean)) throw new Error(`adding to \`${key}\` did not take effect`);
  return out;
}
