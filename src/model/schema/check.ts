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

/** A schema violation worded for people. */
export interface SchemaIssue {
  /** Document path of the offending node. */
  path: DocPath;
  /** Where it is. */
  range: Range;
  /** Sentence. */
  message: string;
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

const PATTERN_HINTS: Array<[RegExp, string]> = [
  [/^\^\[A-Z\]\[A-Z0-9\]\*/, 'an id of uppercase letters and digits in dash-separated parts, e.g. KUL-004'],
  [/^\^\[a-z\]\[a-z0-9-\]\*\$$/, 'a lowercase slug: a letter, then letters, digits or dashes, e.g. kasubbag'],
  [/\\d\{4\}-\\d\{2\}-\\d\{2\}/, 'a date written YYYY-MM-DD, e.g. 2024-04-01'],
  [/\[\.-\]/, 'a process code: letters and digits in parts separated by dots or dashes, e.g. PB.2.1'],
  [/\\d\{18\}/, 'a string of 18 digits (quote it in YAML: nip: "197901012005011001")'],
  [/^\^https\?:\/\//, 'a web address (http:// or https://) of a folder, ending with "/"'],
];

function toPath(instancePath: string): DocPath {
  if (!instancePath) return [];
  return instancePath
    .slice(1)
    .split('/')
    .map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'))
    .map((s) => (/^\d+$/.test(s) ? Number(s) : s));
}

function where(p: DocPath): string {
  const base = `\`${formatPath(p)}\``;
  return p[0] === 'steps' && typeof p[1] === 'number' ? `${base} (step ${p[1] + 1})` : base;
}

function valueAt(data: unknown, p: DocPath): unknown {
  let v: any = data;
  for (const s of p) v = v?.[s as any];
  return v;
}

function typeName(v: unknown): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'a list';
  if (typeof v === 'object') return 'a mapping';
  if (typeof v === 'number') return Number.isInteger(v) ? `the number ${v}` : `the number ${v}`;
  if (typeof v === 'boolean') return `the boolean ${v}`;
  return `the text ${show(v)}`;
}

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

function word(e: ErrorObject, data: unknown, file: LoadedFile, kind: SchemaKind): { path: DocPath; key?: boolean; message: string } {
  const p = toPath(e.instancePath);
  const value = valueAt(data, p);
  const params = e.params as Record<string, any>;
  switch (e.keyword) {
    case 'required': {
      const missing = String(params.missingProperty);
      return { path: p, key: false, message: `${p.length ? where(p) : kind === 'processes' ? 'The process map' : 'The SOP'} is missing the required key \`${missing}\`.` };
    }
    case 'additionalProperties': {
      const extra = String(params.additionalProperty);
      const known = Object.keys((e.parentSchema as any)?.properties ?? {});
      const hint = closest(extra, known);
      const at = [...p, extra];
      const parent = valueAt(data, p) as Record<string, unknown> | undefined;
      // `{name: Kasubbag Keuangan, Umum dan Logistik}`: a comma in an unquoted flow mapping ends the value.
      const inFlow = parent?.[extra] === null && (isMap(nodeAt(file.doc, p)) ? (nodeAt(file.doc, p) as { flow?: boolean }).flow === true : /\s/.test(extra));
      const rejoined = inFlow && parent ? cutAtComma(parent, extra) : undefined;
      const split = inFlow
        ? ` It looks like the rest of a text value cut at a comma: put the whole value in quotes${rejoined ? `: ${rejoined}` : ''}.`
        : '';
      return {
        path: at,
        key: true,
        message: `Unknown key \`${extra}\`${p.length ? ` in ${where(p)}` : ''}${split ? '.' : hint ? `; did you mean \`${hint}\`?` : `. Known keys: ${known.join(', ')}. Local extensions must start with \`x-\`.`}${split}`,
      };
    }
    case 'enum':
      return { path: p, message: `${where(p)} must be one of: ${(params.allowedValues as unknown[]).join(', ')} (got ${show(value)}).` };
    case 'const':
      return { path: p, message: `${where(p)} must be ${JSON.stringify(params.allowedValue)} (got ${show(value)}).` };
    case 'type': {
      const want = String(params.type)
        .split(',')
        .map((t) => TYPE_WORDS[t] ?? t)
        .join(' or ');
      const wantsText = String(params.type).includes('string');
      const src = wantsText && (typeof value === 'number' || (typeof value === 'object' && value !== null && !Array.isArray(value))) ? sourceAt(file, p) : undefined;
      if (src && typeof value === 'number') {
        // Quote what the file says: 18 digits lose their last ones once read as a number.
        const key = typeof p.at(-1) === 'string' ? `${String(p.at(-1))}: ` : '';
        return { path: p, message: `${where(p)} must be ${want}, not the number ${src.text}; put it in quotes: ${key}"${src.text}".` };
      }
      if (src && isMap(src.node) && !src.text.startsWith('{') && /:\s/.test(src.text)) {
        // `[Ya: rahasia, Biasa]` or `- Lihat: KUL-006`: a colon and a space make a key and a value.
        return { path: p, message: `${where(p)} must be ${want}, not a mapping: YAML reads the colon in \`${src.text}\` as "key: value". Put the text in quotes: "${src.text.replace(/(["\\])/g, '\\$1')}".` };
      }
      const quote = typeof value === 'number' && wantsText ? '; put it in quotes' : '';
      return { path: p, message: `${where(p)} must be ${want}, not ${typeName(value)}${quote}.` };
    }
    case 'pattern': {
      const hint = PATTERN_HINTS.find(([re]) => re.test(String(params.pattern)))?.[1];
      return { path: p, message: `${where(p)} must be ${hint ?? `text matching ${params.pattern}`} (got ${show(value)}).` };
    }
    case 'minLength':
      return { path: p, message: `${where(p)} must not be empty.` };
    case 'minItems':
      return { path: p, message: params.limit === 1 ? `${where(p)} must have at least one entry.` : `${where(p)} must have at least ${params.limit} entries.` };
    case 'maxItems':
      return { path: p, message: `${where(p)} must have at most ${params.limit} entries.` };
    case 'minimum':
      return { path: p, message: `${where(p)} must be ${params.limit} or more (got ${show(value)}).` };
    case 'anyOf':
    case 'oneOf': {
      // Worded from the union that failed: the step reference (`#/definitions/stepRef/anyOf`) says what a step reference is.
      const desc = (e.parentSchema as any)?.title as string | undefined;
      const stepRef = /\/definitions\/stepRef\/anyOf$/.test(e.schemaPath);
      return { path: p, message: `${where(p)} must be ${stepRef ? 'a step id, a step number (1, 2, …) or `end`' : `a valid ${desc ?? 'value'}`} (got ${show(value)}).` };
    }
    default:
      return { path: p, message: `${where(p)} ${e.message ?? 'is invalid'}.` };
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
      out.push({ path: [], range: file.locator.locate([]), message: `More schema problems follow; only the first ${MAX_SCHEMA_ISSUES} are shown. Fix these and run again.` });
      break;
    }
    out.push({ path: w.path, range: file.locator.locate(w.path, { key: w.key }), message: w.message });
  }
  return out;
}
