import { createRequire } from 'node:module';
import type { ErrorObject, ValidateFunction } from 'ajv';
import { isMap, type Node } from 'yaml';
import type { LoadedFile } from '../load.js';
import { nodeAt } from '../locate.js';
import type { DocPath, Range } from '../types.js';
import { hasPackageFile, loadPackageModule, readPackageFile } from '../../util/package-files.js';
import { schemaFile, type SchemaKind } from '../../util/paths.js';
import { AJV_OPTIONS, precompiledFile, schemaHash } from './build.js';
import { closest, formatPath, show } from '../words.js';
import { schemaWords, type MessageValues, type Worded } from '../messages.js';

/** A schema violation worded for people. */
export interface SchemaIssue {
  /** Document path of the offending node. */
  path: DocPath;
  /** Where it is. */
  range: Range;
  /** Whether it is about a key (an unknown key), not a value. */
  key: boolean;
  /** Sentence (English). */
  message: string;
  /** Id of the wording (a key of SCHEMA_MESSAGES). */
  messageId: string;
  /** Its placeholder values. */
  data: MessageValues;
}

const validators = new Map<string, ValidateFunction>();

const require = createRequire(import.meta.url);

/** The precompiled validator when it matches the schema's text, else one compiled now (slower start-up). */
function validator(kind: SchemaKind): ValidateFunction {
  let v = validators.get(kind);
  if (v) return v;
  const text = readPackageFile(schemaFile(kind));
  const pre = precompiledFile(kind);
  if (hasPackageFile(pre)) {
    const mod = loadPackageModule(pre) as { default?: ValidateFunction; schemaHash?: string };
    if (mod.schemaHash === schemaHash(text) && mod.default) v = mod.default;
  }
  if (!v) {
    const { Ajv } = require('ajv') as typeof import('ajv');
    v = new Ajv({ ...AJV_OPTIONS }).compile(JSON.parse(text) as object);
  }
  validators.set(kind, v);
  return v;
}

// The hints of the schema's patterns: the message id that says what the pattern asks for.
const PATTERN_HINTS: Array<[RegExp, string]> = [
  [/^\^\[A-Z\]\[A-Z0-9\]\*/, 'patternId'],
  [/^\^\[a-z\]\[a-z0-9-\]\*\$$/, 'patternSlug'],
  [/\\d\{4\}-\\d\{2\}-\\d\{2\}/, 'patternDate'],
  [/\[\.-\]/, 'patternProcess'],
  [/\\d\{18\}/, 'patternNip'],
  [/^\^https\?:\/\//, 'patternUrl'],
];

function toPath(instancePath: string): DocPath {
  if (!instancePath) return [];
  return instancePath
    .slice(1)
    .split('/')
    .map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'))
    .map((s) => (/^\d+$/.test(s) ? Number(s) : s));
}

/** The `<where>` of a message: the field, and the step number when it lies in a step (suffix `Step`). */
function where(p: DocPath): { suffix: string; data: MessageValues } {
  const field = formatPath(p);
  return p[0] === 'steps' && typeof p[1] === 'number' ? { suffix: 'Step', data: { field, step: p[1] + 1 } } : { suffix: '', data: { field } };
}

function valueAt(data: unknown, p: DocPath): unknown {
  let v: any = data;
  for (const s of p) v = v?.[s as any];
  return v;
}

/** The `<not>` of a type message: what the value is (suffix), with the value when it has one. */
function typeName(v: unknown): { suffix: string; data: MessageValues } {
  if (v === null) return { suffix: 'Null', data: {} };
  if (Array.isArray(v)) return { suffix: 'List', data: {} };
  if (typeof v === 'object') return { suffix: 'Mapping', data: {} };
  if (typeof v === 'number') return { suffix: 'Number', data: { value: v } };
  if (typeof v === 'boolean') return { suffix: 'Boolean', data: { value: String(v) } };
  return { suffix: 'Text', data: { value: show(v) } };
}

/** The `<got>` of a message: the value shown, or a list or mapping (suffix). */
function got(v: unknown): { suffix: string; data: MessageValues } {
  if (Array.isArray(v)) return { suffix: 'List', data: {} };
  if (v !== null && typeof v === 'object') return { suffix: 'Mapping', data: {} };
  return { suffix: '', data: { value: show(v) } };
}

/** The `<want>` of a type message by JSON Schema type (a type missing here is worded by `typeOther`). */
const TYPE_SUFFIX: Record<string, string> = { string: 'String', integer: 'Integer', number: 'Number', boolean: 'Boolean', array: 'Array', object: 'Object' };

const TYPE_WORDS: Record<string, string> = {
  string: 'text',
  integer: 'a whole number',
  number: 'a number',
  boolean: 'true or false',
  array: 'a list',
  object: 'a mapping (key: value pairs)',
};

/** The node at `path` and its source text as written (one line at most), when the parse tree is at hand. */
function sourceAt(file: LoadedFile, p: DocPath): { node: Node; text: string } | undefined {
  const node = file.text ? nodeAt(file.doc, p) : null;
  const r = node?.range;
  if (!node || !r) return undefined;
  const text = file.text.slice(r[0], r[1]).trim();
  return text && !/[\r\n]/.test(text) ? { node, text } : undefined;
}

/** `{name: Kasubbag Keuangan, Umum}`: the value before the stray key, re-joined as it was meant (`name: "Kasubbag Keuangan, Umum"`). */
function cutAtComma(parent: Record<string, unknown>, extra: string): string | undefined {
  const keys = Object.keys(parent);
  const i = keys.indexOf(extra);
  let j = i - 1;
  while (j >= 0 && parent[keys[j]!] === null) j--;
  const head = j >= 0 ? parent[keys[j]!] : undefined;
  if (typeof head !== 'string' && typeof head !== 'number') return undefined;
  let k = i;
  while (k + 1 < keys.length && parent[keys[k + 1]!] === null) k++;
  const whole = [String(head), ...keys.slice(j + 1, k + 1)].join(', ');
  return `${keys[j]}: "${whole.replace(/(["\\])/g, '\\$1')}"`;
}

/** A message id made of a base and the suffixes of its axes, with their data merged (see SCHEMA_AXES_EN). */
function shaped(base: string, parts: Array<{ suffix: string; data: MessageValues }>, data: MessageValues = {}): Worded {
  return schemaWords(`${base}${parts.map((x) => x.suffix).join('')}`, Object.assign({}, ...parts.map((x) => x.data), data) as MessageValues);
}

function word(e: ErrorObject, data: unknown, file: LoadedFile, kind: SchemaKind): { path: DocPath; key?: boolean } & Worded {
  const p = toPath(e.instancePath);
  const value = valueAt(data, p);
  const params = e.params as Record<string, any>;
  const at = where(p);
  switch (e.keyword) {
    case 'required': {
      const key = String(params.missingProperty);
      const words = p.length ? shaped('required', [at], { key }) : schemaWords(kind === 'processes' ? 'requiredMap' : 'requiredSop', { key });
      return { path: p, key: false, ...words };
    }
    case 'additionalProperties': {
      const extra = String(params.additionalProperty);
      const known = Object.keys((e.parentSchema as any)?.properties ?? {});
      const hint = closest(extra, known);
      const parent = valueAt(data, p) as Record<string, unknown> | undefined;
      // `{name: Kasubbag Keuangan, Umum dan Logistik}`: a comma in an unquoted flow mapping ends the value.
      const inFlow = parent?.[extra] === null && (isMap(nodeAt(file.doc, p)) ? (nodeAt(file.doc, p) as { flow?: boolean }).flow === true : /\s/.test(extra));
      const rejoined = inFlow && parent ? cutAtComma(parent, extra) : undefined;
      const [shape, more]: [string, MessageValues] = inFlow ? (rejoined ? ['CutFix', { fix: rejoined }] : ['Cut', {}]) : hint ? ['Hint', { hint }] : ['', { known: known.join(', ') }];
      const words = p.length ? shaped('unknownKeyIn', [{ suffix: shape, data: {} }, at], { key: extra, ...more }) : schemaWords(`unknownKey${shape}`, { key: extra, ...more });
      return { path: [...p, extra], key: true, ...words };
    }
    case 'enum':
      return { path: p, ...shaped('enum', [got(value), at], { allowed: (params.allowedValues as unknown[]).join(', ') }) };
    case 'const':
      return { path: p, ...shaped('const', [got(value), at], { allowed: JSON.stringify(params.allowedValue) }) };
    case 'type': {
      const type = String(params.type);
      const wantsText = type.includes('string');
      const src = wantsText && (typeof value === 'number' || (typeof value === 'object' && value !== null && !Array.isArray(value))) ? sourceAt(file, p) : undefined;
      const quote = typeof value === 'number' && wantsText;
      if (!TYPE_SUFFIX[type]) {
        // A union of types (none in the bundled schemas): its words are English.
        const want = type.split(',').map((t) => TYPE_WORDS[t] ?? t).join(' or ');
        return { path: p, ...(quote ? shaped('typeOtherQuote', [at], { want, value: value as number }) : shaped('typeOther', [typeName(value), at], { want })) };
      }
      if (src && typeof value === 'number') {
        // Quote what the file says: 18 digits lose their last ones once read as a number.
        const key = typeof p.at(-1) === 'string' ? `${String(p.at(-1))}: ` : '';
        return { path: p, ...shaped('typeNumberText', [at], { value: src.text, fix: `${key}"${src.text}"` }) };
      }
      if (src && isMap(src.node) && !src.text.startsWith('{') && /:\s/.test(src.text)) {
        // `[Ya: rahasia, Biasa]` or `- Lihat: KUL-006`: a colon and a space make a key and a value.
        return { path: p, ...shaped('typeColon', [at], { source: src.text, fix: `"${src.text.replace(/(["\\])/g, '\\$1')}"` }) };
      }
      if (quote) return { path: p, ...shaped('typeQuote', [at], { value: value as number }) };
      return { path: p, ...shaped('type', [{ suffix: TYPE_SUFFIX[type]!, data: {} }, typeName(value), at]) };
    }
    case 'pattern': {
      const id = PATTERN_HINTS.find(([re]) => re.test(String(params.pattern)))?.[1];
      return { path: p, ...shaped(id ?? 'pattern', [at], { value: show(value), ...(id ? {} : { pattern: String(params.pattern) }) }) };
    }
    case 'minLength':
      return { path: p, ...shaped('empty', [at]) };
    case 'minItems':
      return { path: p, ...(params.limit === 1 ? shaped('minOne', [at]) : shaped('minItems', [at], { limit: params.limit as number })) };
    case 'maxItems':
      return { path: p, ...shaped('maxItems', [at], { limit: params.limit as number }) };
    case 'minimum':
      return { path: p, ...shaped('minimum', [at], { limit: params.limit as number, value: show(value) }) };
    case 'anyOf':
    case 'oneOf': {
      // Worded from the union that failed: the step reference (`#/definitions/stepRef/anyOf`) says what a step reference is.
      const title = (e.parentSchema as any)?.title as string | undefined;
      const stepRef = /\/definitions\/stepRef\/anyOf$/.test(e.schemaPath);
      return { path: p, ...(stepRef ? shaped('stepRef', [got(value), at]) : title ? shaped('union', [got(value), at], { title }) : shaped('unionValue', [got(value), at])) };
    }
    default:
      return { path: p, ...shaped('other', [at], { error: e.message ?? 'is invalid' }) };
  }
}

/** Schema issues reported per file at most (then one line saying more follow). */
export const MAX_SCHEMA_ISSUES = 100;

/** Validate data against a bundled schema; returns worded issues (deduplicated, union noise folded). */
export function validateAgainst(kind: SchemaKind, data: unknown, file: LoadedFile): SchemaIssue[] {
  const v = validator(kind);
  if (v(data)) return [];
  const errors = v.errors ?? [];
  const unions = new Set(errors.filter((e) => e.keyword === 'anyOf' || e.keyword === 'oneOf').map((e) => e.instancePath));
  // A union whose value failed deeper inside (`max-steps: {options: {max: "lots"}}`) is explained by that deeper error.
  const deeper = (at: string) => errors.some((o) => o.instancePath.startsWith(`${at}/`));
  const out: SchemaIssue[] = [];
  const seen = new Set<string>();
  for (const e of errors) {
    if (e.keyword === 'if') continue;
    if (e.keyword !== 'anyOf' && e.keyword !== 'oneOf' && unions.has(e.instancePath) && e.keyword !== 'required' && e.keyword !== 'additionalProperties') continue;
    if ((e.keyword === 'anyOf' || e.keyword === 'oneOf') && deeper(e.instancePath)) continue;
    const w = word(e, data, file, kind);
    const k = `${w.message}`;
    if (seen.has(k)) continue;
    seen.add(k);
    if (out.length === MAX_SCHEMA_ISSUES) {
      // A flood (a 50,000-item list of the wrong kind) says nothing more after the first ones.
      out.push({ path: [], range: file.locator.locate([]), key: false, ...schemaWords('truncated', { max: MAX_SCHEMA_ISSUES }) });
      break;
    }
    out.push({ path: w.path, range: file.locator.locate(w.path, { key: w.key }), key: w.key === true, message: w.message, messageId: w.messageId, data: w.data });
  }
  return out;
}
