import { readFileSync, statSync } from 'node:fs';
import { isAlias, isMap, isPair, isScalar, isSeq, parseAllDocuments, type Document, type Node, type Pair } from 'yaml';
import type { DocPath, Range } from './types.js';
import { createLocator, type Locator } from './locate.js';
import { MAX_DEPTH, prescan } from './prescan.js';
import { wordSyntaxErrors } from './syntax-words.js';
import { syntaxWords, type Worded, type YamlSyntaxId } from './messages.js';

export { MAX_DEPTH, MAX_ITEMS, MAX_KEYS, MAX_NODES } from './prescan.js';

/** Files larger than this are refused. */
export const MAX_FILE_BYTES = 5 * 1024 * 1024;
/** Aliases allowed before expansion is refused (billion laughs). */
export const MAX_ALIAS_COUNT = 100;

/** A problem found while reading or parsing, before any rule runs. */
export interface LoadProblem extends Worded {
  /** Rule id under which it is reported. */
  ruleId: 'yaml-syntax';
  /** Where. */
  range: Range;
  /** Document path when known. */
  path: DocPath;
}

/** A `yaml-syntax` problem at `range`, worded by its message id. */
const problem = (range: Range, messageId: YamlSyntaxId, data?: Record<string, string | number>): LoadProblem => ({ ruleId: 'yaml-syntax', range, path: [], ...syntaxWords(messageId, data) });

// The wordings that name an SOP, and what they say of the business process map instead.
const MAP_IDS: Partial<Record<YamlSyntaxId, YamlSyntaxId>> = { empty: 'mapEmpty', onlyComments: 'mapNoData', noData: 'mapNoData', rootList: 'mapRoot', rootScalar: 'mapRoot' };

/** Reword the problems of a file loaded as the business process map, where they speak of an SOP. */
export function asProcessMapProblems(problems: LoadProblem[]): void {
  for (const [i, p] of problems.entries()) {
    const id = MAP_IDS[p.messageId as YamlSyntaxId];
    if (id) problems[i] = { ...p, ...syntaxWords(id) };
  }
}

/** An inline `# sop-disable-next-line` directive. */
export interface DisableDirective {
  /** Line the directive silences (1-based). */
  line: number;
  /** Rule ids silenced. */
  rules: string[];
  /** Reason given after `--`. */
  reason: string;
  /** Where the comment is. */
  range: Range;
}

/** A YAML file read and parsed, with a locator for diagnostics. */
export interface LoadedFile {
  /** Path as given (used in messages). */
  file: string;
  /** Decoded text (BOM removed), empty when unreadable. */
  text: string;
  /** Parsed document, null when unusable. */
  doc: Document | null;
  /** Plain data (`undefined` when the file could not be parsed). */
  data: unknown;
  /** Path-to-range resolution. */
  locator: Locator;
  /** Load-time problems. */
  problems: LoadProblem[];
  /** Inline disable directives. */
  disables: DisableDirective[];
}

const DISABLE_RE = /#\s*sop-disable-next-line\b(.*)$/;

/** Line and column (UTF-16 units, as editors count) of a byte offset; LF, CRLF and a lone CR end a line. */
function lineColAt(bytes: Uint8Array, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < offset; i++) {
    if (bytes[i] === 0x0a || (bytes[i] === 0x0d && bytes[i + 1] !== 0x0a)) {
      line++;
      lineStart = i + 1;
    }
  }
  return { line, column: new TextDecoder('utf-8').decode(bytes.subarray(lineStart, offset)).length + 1 };
}

/** Offset of the first byte that is not well-formed UTF-8 (RFC 3629: no overlongs, no surrogates, nothing above U+10FFFF), or -1. */
function firstInvalidUtf8(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i]!;
    if (b < 0x80) {
      i++;
      continue;
    }
    let n: number;
    let lo = 0x80;
    let hi = 0xbf;
    if (b >= 0xc2 && b <= 0xdf) n = 1;
    else if (b >= 0xe0 && b <= 0xef) {
      n = 2;
      if (b === 0xe0) lo = 0xa0;
      if (b === 0xed) hi = 0x9f;
    } else if (b >= 0xf0 && b <= 0xf4) {
      n = 3;
      if (b === 0xf0) lo = 0x90;
      if (b === 0xf4) hi = 0x8f;
    } else return i;
    for (let k = 1; k <= n; k++) {
      const c = bytes[i + k];
      if (c === undefined || c < (k === 1 ? lo : 0x80) || c > (k === 1 ? hi : 0xbf)) return i;
    }
    i += n + 1;
  }
  return -1;
}

function parseDisables(text: string, locator: Locator): DisableDirective[] {
  const out: DisableDirective[] = [];
  if (!text.includes('sop-disable-next-line')) return out;
  const lines = text.split(/\r\n|\r|\n/);
  lines.forEach((lineText, idx) => {
    const m = DISABLE_RE.exec(lineText);
    if (!m) return;
    const body = m[1] ?? '';
    const sep = body.indexOf('--');
    const rulesPart = sep >= 0 ? body.slice(0, sep) : body;
    const reason = sep >= 0 ? body.slice(sep + 2).trim() : '';
    const col = (m.index ?? 0) + 1;
    out.push({
      line: idx + 2,
      rules: rulesPart.split(/[\s,]+/).filter(Boolean),
      reason,
      range: { start: { line: idx + 1, column: col }, end: { line: idx + 1, column: lineText.length + 1 } },
    });
  });
  void locator;
  return out;
}

const point = (line: number, column: number): Range => ({ start: { line, column }, end: { line, column: column + 1 } });

/** Visit every node under `root` (iteratively: deep files must not exhaust the stack) with its depth. */
function walk(root: unknown, visit: (node: Node, depth: number, parent: Node | null) => boolean | void): void {
  const stack: Array<[unknown, number, Node | null]> = [[root, 1, null]];
  while (stack.length) {
    const [node, depth, parent] = stack.pop()!;
    if (!node || typeof node !== 'object') continue;
    if (visit(node as Node, depth, parent) === false) return;
    if (isMap(node) || isSeq(node)) {
      for (let i = node.items.length - 1; i >= 0; i--) {
        const item = node.items[i];
        if (isPair(item)) {
          stack.push([item.value, depth + 1, node as Node]);
          stack.push([item.key, depth + 1, node as Node]);
        } else stack.push([item, depth + 1, node as Node]);
      }
    }
  }
}

const keyText = (k: unknown) => (isScalar(k) ? String(k.value) : undefined);

/**
 * Duplicate keys, found in one linear pass (the `yaml` library's own check compares every key with every
 * other: minutes on 200,000 keys): each repeat, worded with the line where the key was first set.
 */
function duplicateKeys(doc: Document, locator: Locator): LoadProblem[] {
  const out: LoadProblem[] = [];
  walk(doc.contents, (node) => {
    if (!isMap(node)) return;
    const first = new Map<string, Pair>();
    for (const pair of node.items) {
      const name = keyText(pair.key);
      if (name === undefined) continue;
      const before = first.get(name);
      if (!before) {
        first.set(name, pair);
        continue;
      }
      const r = (pair.key as Node).range;
      const b = (before.key as Node).range;
      if (!r) continue;
      const firstLine = b ? locator.rangeOf(b[0], b[0]).start.line : undefined;
      out.push(problem(locator.rangeOf(r[0], r[1]), firstLine ? 'duplicateKey' : 'duplicateKeyHere', firstLine ? { key: name, line: firstLine } : { key: name }));
    }
  });
  return out;
}

// Anchors, aliases and tags take the full parser (alias-bomb cap, tag warnings); so does any doubt.
const NEEDS_FULL_PARSE = /(^|[\s[\]{},:-])[&*!][^\s]/;
/** Whether the text may hold an anchor, alias or tag: the regular expression only where one of `&*!` occurs (most SOPs have none). */
const needsFullParse = (t: string) => (t.includes('&') || t.includes('*') || t.includes('!')) && NEEDS_FULL_PARSE.test(t);

/** A file refused before parsing (a limit, or a syntax error in a file too large to word in detail). */
function refused(file: string, text: string, offset: number, words: Worded): LoadedFile {
  const locator = createLocator(null, text);
  return { file, text, doc: null, data: undefined, locator, problems: [{ ruleId: 'yaml-syntax', range: locator.rangeOf(offset, offset + 1), path: [], messageId: words.messageId, data: words.data, message: words.message }], disables: [] };
}

/**
 * Fast path for the common case, a clean file: js-yaml (several times faster than `yaml`) gave the
 * data, and the `yaml` parse tree that locates diagnostics is built only when something is reported.
 */
function lazyLoad(file: string, text: string, yamlText: string, data: unknown): LoadedFile {
  let full: LoadedFile | undefined;
  const parsed = () => (full ??= fullParse(file, text, yamlText));
  return {
    file,
    text,
    data,
    problems: [],
    get doc() {
      return parsed().doc;
    },
    get locator() {
      return parsed().locator;
    },
    disables: text.includes('sop-disable-next-line') ? parsed().disables : [],
  };
}

/**
 * Parse YAML text into a LoadedFile; never throws. A quick js-yaml pass checks the limits (nesting, items
 * per list, keys per mapping) first, so that everything after it stays linear; anything js-yaml rejects,
 * or that uses anchors, aliases or tags, or is not a plain mapping, goes to the full parser, which words it.
 */
export function loadText(file: string, rawText: string): LoadedFile {
  const text = rawText.charCodeAt(0) === 0xfeff ? rawText.slice(1) : rawText;
  // YAML ends a line at a lone CR (old Mac files) too; the `yaml` parser does not, so it reads LF there (same offsets).
  const yamlText = text.includes('\r') ? text.replace(/\r(?!\n)/g, '\n') : text;
  if (text.trim() === '') return fullParse(file, text, yamlText);
  const pre = prescan(yamlText);
  if (pre.limit) return refused(file, text, pre.limit.offset, pre.limit);
  const plainMapping = pre.data !== null && typeof pre.data === 'object' && !Array.isArray(pre.data);
  if (plainMapping && !needsFullParse(yamlText)) return lazyLoad(file, text, yamlText, pre.data);
  return fullParse(file, text, yamlText, pre.error?.offset);
}

/**
 * Where nesting goes too deep, when js-yaml stopped at another error first: blank the lines it stops at
 * (offsets stay the same) and read again, a few times, until it reaches the depth limit.
 */
function deepPlace(yamlText: string, errorOffset: number | undefined): number | undefined {
  let t = yamlText;
  let off = errorOffset;
  for (let k = 0; k < 5 && off !== undefined; k++) {
    const s = t.lastIndexOf('\n', off - 1) + 1;
    const e = t.indexOf('\n', off) < 0 ? t.length : t.indexOf('\n', off);
    if (e <= s) return undefined;
    t = `${t.slice(0, s)}${' '.repeat(e - s)}${t.slice(e)}`;
    const again = prescan(t);
    if (again.limit) return again.limit.offset;
    off = again.error?.offset;
  }
  return undefined;
}

function fullParse(file: string, text: string, yamlText: string, errorOffset?: number): LoadedFile {
  const problems: LoadProblem[] = [];
  let doc: Document | null = null;
  let data: unknown = undefined;
  if (text.trim() === '') {
    const locator = createLocator(null, text);
    problems.push(problem(point(1, 1), 'empty'));
    return { file, text, doc, data, locator, problems, disables: [] };
  }
  let docs: Document[] = [];
  try {
    // Duplicate keys are found by duplicateKeys(), in linear time.
    docs = parseAllDocuments(yamlText, { schema: 'core', uniqueKeys: false, prettyErrors: false, strict: true }) as Document[];
  } catch (e) {
    // The parser itself ran out of stack: say where the quick pass stopped, if it did.
    const locator = createLocator(null, text);
    const deep = /call stack/i.test((e as Error).message);
    const at = (deep ? deepPlace(yamlText, errorOffset) : undefined) ?? errorOffset ?? 0;
    problems.push(problem(locator.rangeOf(at, at + 1), deep ? 'tooDeepToRead' : 'parserFailed', deep ? { max: MAX_DEPTH } : { error: (e as Error).message }));
    return { file, text, doc, data, locator, problems, disables: [] };
  }
  const all = Array.isArray(docs) ? docs : [docs];
  doc = all[0] ?? null;
  const locator = createLocator(doc, yamlText);
  if (all.length === 0) {
    problems.push(problem(point(1, 1), 'onlyComments'));
  }
  let tooDeep = false;
  for (const d of all) {
    const errs = [...d.errors, ...d.warnings];
    for (const err of errs.filter((x) => /call stack/i.test(x.message))) {
      // The parser recursed out of stack: say it once, where it happened.
      if (!tooDeep) problems.push(problem(locator.rangeOf(err.pos[0], err.pos[1]), 'tooDeepToRead', { max: MAX_DEPTH }));
      tooDeep = true;
    }
    const worded = wordSyntaxErrors(yamlText, errs.filter((x) => !/call stack/i.test(x.message)));
    for (const w of worded) problems.push({ ruleId: 'yaml-syntax', range: locator.rangeOf(w.start, w.end), path: [], messageId: w.messageId, data: w.data, message: w.message });
    if (worded.length === 0 && !tooDeep) problems.push(...duplicateKeys(d, locator));
  }
  if (all.length > 1) {
    const second = all[1]!;
    const start = second.range?.[0] ?? 0;
    problems.push(problem(locator.rangeOf(start, start + 3), 'documents', { count: all.length }));
  }
  const hasErrors = problems.length > 0;
  if (doc && !hasErrors) {
    if (doc.contents === null) {
      problems.push(problem(point(1, 1), 'noData'));
    } else if (!isMap(doc.contents)) {
      problems.push(problem(locator.locate([]), Array.isArray(doc.contents.toJSON?.()) ? 'rootList' : 'rootScalar'));
    } else {
      let deep: Node | undefined;
      let firstAlias: Node | undefined;
      walk(doc.contents, (node, depth) => {
        if (isAlias(node)) firstAlias ??= node;
        if (depth <= MAX_DEPTH) return;
        deep = node;
        return false;
      });
      const at = (n: Node | undefined) => (n?.range ? locator.rangeOf(n.range[0], n.range[1]) : point(1, 1));
      if (deep) {
        problems.push(problem(at(deep), 'tooDeep', { max: MAX_DEPTH }));
      } else {
        try {
          data = doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
        } catch (e) {
          const msg = (e as Error).message;
          const unresolved = /^Unresolved alias/.test(msg);
          let alias: Node | undefined = firstAlias;
          if (unresolved) walk(doc.contents, (n) => (isAlias(n) && !n.resolve(doc!) ? ((alias = n), false) : undefined));
          problems.push(
            unresolved
              ? problem(at(alias), 'unknownAlias', { alias: isAlias(alias) ? alias.source : '?' })
              : /alias/i.test(msg)
                ? problem(at(alias), 'aliasBomb', { max: MAX_ALIAS_COUNT })
                : problem(at(alias), 'notData', { error: msg }),
          );
        }
      }
    }
  }
  return { file, text, doc: hasErrors ? null : doc, data, locator, problems, disables: parseDisables(yamlText, locator) };
}

/** A file that could not be used as text: unreadable, too large, or not UTF-8; data is undefined. */
function failedFile(file: string, messageId: YamlSyntaxId, data: Record<string, string | number>, range: Range = point(1, 1)): LoadedFile {
  return { file, text: '', doc: null, data: undefined, locator: createLocator(null, ''), problems: [problem(range, messageId, data)], disables: [] };
}

/** Read a file's bytes, or the LoadedFile of a file that cannot be read or is over the size limit. */
export function readSopBytes(file: string, absPath: string = file): Buffer | LoadedFile {
  try {
    const st = statSync(absPath);
    if (st.size > MAX_FILE_BYTES) {
      return failedFile(file, 'tooLarge', { size: (st.size / 1024 / 1024).toFixed(1), max: MAX_FILE_BYTES / 1024 / 1024 });
    }
    return readFileSync(absPath);
  } catch (e) {
    return failedFile(file, 'unreadable', { error: (e as NodeJS.ErrnoException).code ?? (e as Error).message });
  }
}

/** Decode and parse a file's bytes; a NUL byte or invalid UTF-8 becomes a problem. */
export function loadBytes(file: string, bytes: Uint8Array): LoadedFile {
  const text = decodeSopBytes(file, bytes);
  return typeof text === 'string' ? loadText(file, text) : text;
}

/** The text of a file's bytes (BOM kept), or the file it loads when they are not UTF-8 text (a NUL byte, invalid UTF-8). */
export function decodeSopBytes(file: string, bytes: Uint8Array): string | LoadedFile {
  const nul = bytes.indexOf(0);
  if (nul >= 0) {
    const p = lineColAt(bytes, nul);
    return failedFile(file, 'nulByte', {}, point(p.line, p.column));
  }
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    const off = Math.max(0, firstInvalidUtf8(bytes));
    const p = lineColAt(bytes, off);
    return failedFile(file, 'invalidUtf8', { byte: bytes[off]?.toString(16).padStart(2, '0') ?? 'undefined', line: p.line, column: p.column }, point(p.line, p.column));
  }
  return text;
}

/** Read and parse a file; I/O failures, oversize and non-UTF-8 content become problems. */
export function loadFile(file: string, absPath: string = file): LoadedFile {
  const bytes = readSopBytes(file, absPath);
  return bytes instanceof Uint8Array ? loadBytes(file, bytes) : bytes;
}

/** The text of a file as {@link loadFile} reads it (BOM kept), or the file it loads when the text cannot be read (I/O failure, oversize, not UTF-8). */
export function readSopText(file: string, absPath: string = file): string | LoadedFile {
  const bytes = readSopBytes(file, absPath);
  return bytes instanceof Uint8Array ? decodeSopBytes(file, bytes) : bytes;
}
