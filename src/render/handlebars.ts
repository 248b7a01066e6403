import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import Handlebars from 'handlebars';
import { resolveInside } from '../util/inside.js';
import type { Config } from '../config/types.js';
import { hasPackageFile, listPackageFolder, readPackageFile } from '../util/package-files.js';
import { packageRoot } from '../util/paths.js';
import { escapeHtml, formatDate, formatMinutes, formatRange } from './format.js';
import { inlineHtml, inlineMarkdown } from './inline.js';
import { locales } from './locale/index.js';
import type { Labels } from './locale/types.js';
import { parseDuration } from '../model/duration.js';

/** Names of the top-level templates. */
export type TemplateName = 'sop.html' | 'sop.md' | `report/${string}`;

/** One Handlebars environment with its helpers, partials and compiled templates. */
export interface TemplateEnv {
  /** The isolated Handlebars instance. */
  hbs: typeof Handlebars;
  /** Render a top-level template with a context. */
  render(name: TemplateName, context: object): string;
  /** The stylesheet (`sop.css`, user's if given). */
  css: string;
  /** A file of the templates by its path in the folder (`report/report.css`), the user's first; undefined when neither has it. */
  read(name: string): string | undefined;
}

/** The bundled templates, inside the package (read through src/util/package-files.ts). */
const BUILTIN = 'templates';

/** The bundled templates folder of the installed package (a standalone executable has them embedded instead). */
export function builtinTemplates(): string {
  return path.join(packageRoot(), BUILTIN);
}

function labelsOf(options: Handlebars.HelperOptions | undefined): Labels {
  const root = options?.data?.root as { locale?: keyof typeof locales } | undefined;
  return locales[root?.locale ?? 'id'] ?? locales.id;
}

function registerHelpers(hbs: typeof Handlebars): void {
  // Every helper returns either plain text (escaped by Handlebars) or a SafeString built from
  // escaped/sanitised HTML. None reads a clock or a file.
  hbs.registerHelper('longDate', (iso: unknown, options: Handlebars.HelperOptions) => formatDate(iso, labelsOf(options)));
  hbs.registerHelper('formatDuration', (value: unknown, options: Handlebars.HelperOptions) => {
    const labels = labelsOf(options);
    if (typeof value === 'number') return formatMinutes(value, labels);
    const d = typeof value === 'string' ? parseDuration(value) : undefined;
    return d ? formatRange(d.min, d.max, labels) : String(value ?? labels.empty);
  });
  hbs.registerHelper('num', (index: unknown) => (typeof index === 'number' ? index + 1 : Number(index) + 1));
  hbs.registerHelper('eq', (a: unknown, b: unknown) => a === b);
  hbs.registerHelper('md', (text: unknown) => new hbs.SafeString(inlineHtml(text)));
  // Escaped text with a line-break opportunity after each slash ("Penyedia/Ekspedisi" in a narrow lane header).
  hbs.registerHelper('wrap', (text: unknown) => new hbs.SafeString(escapeHtml(text === undefined || text === null ? '' : String(text)).replace(/\//g, '/<wbr>')));
  hbs.registerHelper('mdText', (text: unknown) => new hbs.SafeString(inlineMarkdown(text, 'block')));
  hbs.registerHelper('mdCell', (text: unknown, options: Handlebars.HelperOptions) => {
    const s = text === undefined || text === null || text === '' ? labelsOf(options).empty : text;
    return new hbs.SafeString(inlineMarkdown(s, 'cell'));
  });
  hbs.registerHelper('mdCellList', (items: unknown, options: Handlebars.HelperOptions) => {
    const list = Array.isArray(items) ? items : [];
    if (list.length === 0) return labelsOf(options).empty;
    return new hbs.SafeString(list.map((t) => inlineMarkdown(t, 'cell')).join('<br>'));
  });
}

/** A folder whose files must stay inside a repository (the config's `templates`), and where it was named. */
export interface TemplateJail {
  /** Repository root. */
  root: string;
  /** `sop.config.yaml:LINE:COL` of the `templates` key. */
  where?: string;
}

/** The path to read for `file` of `dir`: as is, or (jailed) its real path, refused when a symlink leads out. */
function readable(file: string, dir: string, jail: TemplateJail | undefined): string {
  if (!jail) return file;
  return resolveInside(jail.root, file, { where: jail.where, what: `templates (${path.relative(dir, file)})` });
}

function readBuiltinPartials(into: Map<string, string>): void {
  for (const f of listPackageFolder(`${BUILTIN}/partials`)) {
    if (f.endsWith('.hbs')) into.set(f.slice(0, -4), readPackageFile(`${BUILTIN}/partials/${f}`));
  }
}

function readDirTemplates(dir: string, into: Map<string, string>, jail?: TemplateJail): void {
  const partials = path.join(dir, 'partials');
  if (!existsSync(partials)) return;
  const real = readable(partials, dir, jail);
  for (const f of readdirSync(real).sort()) {
    if (f.endsWith('.hbs')) into.set(f.slice(0, -4), readFileSync(readable(path.join(partials, f), dir, jail), 'utf8'));
  }
}

/** `name` from the user's folder (jailed), else from the bundled templates (the package's own). */
function readTemplateFile(userDir: string | undefined, name: string, jail: TemplateJail | undefined): string | undefined {
  if (userDir) {
    const f = path.join(userDir, name);
    if (existsSync(f)) return readFileSync(readable(f, userDir, jail), 'utf8');
  }
  const builtin = `${BUILTIN}/${name}`;
  return hasPackageFile(builtin) ? readPackageFile(builtin) : undefined;
}

function firstExisting(userDir: string | undefined, name: string, jail: TemplateJail | undefined): string {
  const text = readTemplateFile(userDir, name, jail);
  if (text === undefined) throw new Error(`Template ${name} not found in ${userDir ? `${userDir} nor ` : ''}sopkit's templates`);
  return text;
}

/** Helpers known at compile time are called directly (faster than a lookup per expression). */
const HELPERS = ['longDate', 'formatDuration', 'num', 'eq', 'md', 'wrap', 'mdText', 'mdCell', 'mdCellList'] as const;
const COMPILE_OPTIONS: Parameters<typeof Handlebars.compile>[1] = {
  preventIndent: true,
  knownHelpers: Object.fromEntries(HELPERS.map((h) => [h, true])),
};

function createEnv(userDir: string | undefined, jail: TemplateJail | undefined): TemplateEnv {
  const hbs = Handlebars.create();
  registerHelpers(hbs);
  const partials = new Map<string, string>();
  readBuiltinPartials(partials);
  if (userDir) readDirTemplates(userDir, partials, jail);
  for (const [name, source] of partials) hbs.registerPartial(name, hbs.compile(source, COMPILE_OPTIONS));
  const compiled = new Map<TemplateName, Handlebars.TemplateDelegate>();
  return {
    hbs,
    css: firstExisting(userDir, 'sop.css', jail),
    read: (name) => readTemplateFile(userDir, name, jail),
    render(name, context) {
      let t = compiled.get(name);
      if (!t) {
        t = hbs.compile(firstExisting(userDir, `${name}.hbs`, jail), COMPILE_OPTIONS);
        compiled.set(name, t);
      }
      return t(context);
    },
  };
}

const envs = new Map<string, TemplateEnv>();

/**
 * The environment for a user template folder (or the bundled one), created once and cached. With `jail`
 * (the config's `templates`) every file read from the folder must resolve inside the repository.
 */
export function templateEnv(userDir?: string, jail?: TemplateJail): TemplateEnv {
  const dir = userDir ? path.resolve(userDir) : '';
  const key = `${dir}\0${dir && jail ? jail.root : ''}`;
  let env = envs.get(key);
  if (!env) {
    env = createEnv(dir || undefined, dir ? jail : undefined);
    envs.set(key, env);
  }
  return env;
}

/** Forget the cached environments, so the next render reads the template folders again (`sop preview` after an edit). */
export function forgetTemplates(): void {
  envs.clear();
}

/**
 * The environment of a render: an explicit folder (`--templates`, the user's own choice) as given; the
 * config's `templates` folder jailed in the repository.
 */
export function templateEnvFor(templates: string | undefined, config: Config): TemplateEnv {
  if (templates && templates !== config.templates) return templateEnv(templates);
  return templateEnv(config.templates, config.templates ? { root: config.root, where: config.where?.(['templates']) } : undefined);
}
