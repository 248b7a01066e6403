import { existsSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { isMap, parseDocument } from 'yaml';
import { loadFile, type LoadedFile } from '../model/load.js';
import { DEFAULT_TIME_ZONE, isTimeZone } from '../model/day.js';
import { ConfigError } from '../util/errors.js';
import { resolveInside } from '../util/inside.js';
import { validateAgainst } from '../model/schema/check.js';
import { CONFIG_FILE, DEFAULT_SOPS_GLOB, type Config, type RuleSetting } from './types.js';

/** Defaults for a repository without a config file. */
export function defaultConfig(root: string): Config {
  return {
    root,
    organization: { name: '', unitLines: [] },
    units: [],
    locale: 'id',
    paper: 'A4',
    orientation: 'landscape',
    sops: DEFAULT_SOPS_GLOB,
    numbering: {},
    timeZone: DEFAULT_TIME_ZONE,
    review: { monitoringMonths: 6, evaluationMonths: 12 },
    rules: {},
    book: { pages: [] },
    browser: {},
    pdf: { margin: '10mm' },
    history: true,
  };
}

/** Find `sop.config.yaml` in `start` or a folder above it. */
export function findConfig(start: string): string | undefined {
  let dir = path.resolve(start);
  for (;;) {
    const candidate = path.join(dir, CONFIG_FILE);
    if (existsSync(candidate)) return candidate;
    const up = path.dirname(dir);
    if (up === dir) return undefined;
    dir = up;
  }
}

function startFolder(cwd: string, target: string | undefined): string {
  if (!target) return cwd;
  const abs = path.resolve(cwd, target.replace(/[*?{[].*$/, '') || '.');
  try {
    return statSync(abs).isDirectory() ? abs : path.dirname(abs);
  } catch {
    return path.dirname(abs);
  }
}

/** Load the configuration that governs `target` (or cwd): explicit file, else the nearest above. */
export function resolveConfig(cwd: string, target?: string, explicit?: string): Config {
  const file = explicit ? path.resolve(cwd, explicit) : findConfig(startFolder(cwd, target)) ?? findConfig(cwd);
  if (!file) return defaultConfig(startFolder(cwd, target));
  if (explicit && !existsSync(file)) throw new ConfigError(`Config file not found: ${explicit}`, { id: 'config.notFound', data: { file: explicit } });
  return loadConfig(file, path.relative(cwd, file) || file);
}

function isBlankYaml(file: string): boolean {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    return false; // loadFile words the I/O error
  }
  // A line that starts with anything but a comment, `-`, `.` or `%` holds a value (or an error): not blank. This
  // spares the full parser on every run (the SOP loader reads the config with the quick one).
  if (/^[ \t]*[^\s#.%-]/m.test(text)) return false;
  const doc = parseDocument(text);
  return doc.errors.length === 0 && doc.contents === null;
}

/** The SOP glob is relative to the repository root and stays inside it: no absolute glob, no `..` step. */
function checkSopsGlob(glob: string, where: string): void {
  // A `..` step, also inside braces (`{../x,sops}/*.yaml`); `{1..9}` ranges are not steps.
  if (path.isAbsolute(glob) || path.win32.isAbsolute(glob) || /(^|[\\/{,])\.\.($|[\\/},])/.test(glob)) {
    throw new ConfigError(`${where} sops must be a glob relative to the repository root and inside it, such as \`sops/**/*.{yaml,yml}\`; got \`${glob}\`.`, { id: 'config.sopsGlob', data: { at: where, glob } });
  }
}

/** `yaml-syntax` stays an error (the schema says so too; this says why, at its line). */
function refuseLoweredYamlSyntax(data: unknown, loaded: LoadedFile, shown: string): void {
  const v = (data as { rules?: Record<string, unknown> } | undefined)?.rules?.['yaml-syntax'];
  const severity = typeof v === 'string' ? v : v && typeof v === 'object' ? (v as { severity?: unknown }).severity : undefined;
  if (severity === undefined || severity === 'error') return;
  const r = loaded.locator.locate(['rules', 'yaml-syntax', ...(typeof v === 'string' ? [] : ['severity'])]);
  throw new ConfigError(`${shown}:${r.start.line}:${r.start.column} \`rules.yaml-syntax\` can only be \`error\` (got ${JSON.stringify(severity)}): a file that does not parse cannot be checked or rendered, so the rule cannot be lowered to a warning or turned off.`, {
    id: 'config.yamlSyntaxSeverity',
    data: { at: `${shown}:${r.start.line}:${r.start.column}`, got: JSON.stringify(severity) },
  });
}

/** Read, validate and normalise a config file; problems throw ConfigError with file:line:col. */
export function loadConfig(file: string, shown: string = file): Config {
  // An empty config (or one of comments only) means the defaults; the SOP loader would call it an empty SOP.
  if (isBlankYaml(file)) return { ...defaultConfig(path.dirname(file)), file };
  const loaded = loadFile(shown, file);
  const mapping = loaded.data !== null && typeof loaded.data === 'object' && !Array.isArray(loaded.data);
  // Data read as a mapping comes from a mapping node: the parse tree is only built to say what else it is.
  if (!mapping && loaded.doc && !isMap(loaded.doc.contents)) throw new ConfigError(`${shown}:1:1 The config must be a mapping of keys (organization, locale, paper, sops, …), not a list or a single value.`, { id: 'config.notMapping', data: { at: `${shown}:1:1` } });
  const first = loaded.problems[0];
  if (first) throw new ConfigError(`${shown}:${first.range.start.line}:${first.range.start.column} ${first.message}`);
  refuseLoweredYamlSyntax(loaded.data, loaded, shown);
  const issues = validateAgainst('config', loaded.data, loaded);
  if (issues.length > 0) {
    throw new ConfigError(issues.map((i) => `${shown}:${i.range.start.line}:${i.range.start.column} ${i.message}`).join('\n'));
  }
  const raw = loaded.data as Record<string, any>;
  const root = path.dirname(file);
  const base = defaultConfig(root);
  const where = (p: ReadonlyArray<string | number>, opts?: { key?: boolean }) => {
    const r = loaded.locator.locate(p, opts);
    return `${shown}:${r.start.line}:${r.start.column}`;
  };
  if (typeof raw.sops === 'string') checkSopsGlob(raw.sops, where(['sops']));
  const rules: Record<string, RuleSetting> = {};
  for (const [id, v] of Object.entries((raw.rules ?? {}) as Record<string, unknown>)) {
    rules[id] = typeof v === 'string' ? { severity: v as RuleSetting['severity'] } : (v as RuleSetting);
  }
  if (typeof raw.timeZone === 'string' && !isTimeZone(raw.timeZone)) throw new ConfigError(`${where(['timeZone'])} timeZone "${raw.timeZone}" is not a time zone this system knows; use an IANA name such as Asia/Jakarta, Asia/Makassar or Asia/Jayapura.`, { id: 'config.timeZone', data: { at: where(['timeZone']), zone: raw.timeZone } });
  if (raw.numbering?.pattern !== undefined) {
    try {
      new RegExp(raw.numbering.pattern as string);
    } catch (e) {
      const r = loaded.locator.locate(['numbering', 'pattern']);
      throw new ConfigError(`${shown}:${r.start.line}:${r.start.column} numbering.pattern is not a valid regular expression: ${(e as Error).message}`, {
        id: 'config.numberingPattern',
        data: { at: `${shown}:${r.start.line}:${r.start.column}`, reason: (e as Error).message },
      });
    }
  }
  return {
    ...base,
    file,
    organization: { ...base.organization, ...(raw.organization ?? {}) },
    units: ((raw.units ?? []) as Array<{ code: string; name: string }>).map((u) => ({ code: u.code, name: u.name })),
    locale: raw.locale ?? base.locale,
    paper: raw.paper ?? base.paper,
    orientation: raw.orientation ?? base.orientation,
    sops: raw.sops ?? base.sops,
    processes: raw.processes,
    numbering: { ...(raw.numbering ?? {}) },
    timeZone: raw.timeZone ?? base.timeZone,
    review: { ...base.review, ...(raw.review ?? {}) },
    rules,
    // Relative to the repository root and inside it (an explicit --templates on the command line is the user's own choice).
    templates: raw.templates ? resolveInside(root, raw.templates as string, { where: where(['templates']), what: 'templates' }) : undefined,
    book: { ...base.book, ...(raw.book ?? {}) },
    browser: { ...(raw.browser ?? {}) },
    pdf: { ...base.pdf, ...(raw.pdf ?? {}) },
    history: raw.history ?? true,
    docsBase: raw.docsBase,
    where,
  };
}
