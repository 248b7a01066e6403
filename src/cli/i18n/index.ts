import { Help, type Argument, type Option } from 'commander';
import { LANGS, type Lang } from '../../model/lang.js';
import { en, type Catalogue, type MessageKey } from './en.js';
import { id } from './id.js';
import { ERRORS_ID } from './errors-id.js';
import type { MessageData } from '../../util/errors.js';

export type { MessageKey } from './en.js';

/** Every catalogue by language. */
export const CATALOGUES: Record<Lang, Catalogue> = { en, id };

/** Values of a message's placeholders. */
export type Vars = Record<string, string | number>;

/** Words a message of the CLI's catalogue in the run's language. */
export type Translate = (key: MessageKey, vars?: Vars) => string;

/** The placeholders (`{name}`) of a catalogue text. */
export function placeholders(text: string): string[] {
  return [...new Set([...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]!))].sort();
}

/** Fill `text`: `one|many` picks by `vars.n` (1 → one), then each `{name}` takes its value (unknown ones stay). */
export function fill(text: string, vars: Vars = {}): string {
  let s = text;
  const bar = s.indexOf('|');
  if (bar >= 0 && typeof vars.n === 'number' && s.includes('{n}')) s = vars.n === 1 ? s.slice(0, bar) : s.slice(bar + 1);
  return s.replace(/\{(\w+)\}/g, (m, k: string) => (k in vars ? String(vars[k]) : m));
}

/** The translator of a language. */
export function translator(lang: Lang): Translate {
  const cat = CATALOGUES[lang];
  return (key, vars) => fill(cat[key], vars);
}

/**
 * An error or warning made below the CLI, in the run's language: its Indonesian wording (errors-id.ts) when the
 * language is `id` and its id is known, else `english` (the text made where it was raised) unchanged.
 */
export function worded(lang: Lang, english: string, ref?: { id?: string; data?: MessageData }): string {
  const text = lang === 'id' && ref?.id ? ERRORS_ID[ref.id] : undefined;
  return text === undefined ? english : fill(text, ref?.data);
}

/** The language asked for on the command line, found before parsing (commands are described in it): `--lang X` or `--lang=X`. */
function langFlag(argv: readonly string[]): string | undefined {
  let found: string | undefined;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === '--') break;
    if (a === '--lang') found = argv[++i] ?? '';
    else if (a.startsWith('--lang=')) found = a.slice('--lang='.length);
  }
  return found;
}

/** Whether a locale setting (`id_ID.UTF-8`, `id`, `id-ID`) names Indonesian. */
const isIndonesian = (v: string) => /^id(?:$|[_.@-])/i.test(v);

/**
 * The language of the CLI's messages: `--lang en|id`; else the first set of LC_ALL, LC_MESSAGES, LANG (POSIX
 * order) starting with `id` means Indonesian; anything else English. `bad` is a --lang value that is neither.
 */
export function chooseLang(argv: readonly string[], env: Record<string, string | undefined>): { lang: Lang; bad?: string } {
  const fromEnv = (): Lang => {
    const v = env.LC_ALL || env.LC_MESSAGES || env.LANG || '';
    return isIndonesian(v) ? 'id' : 'en';
  };
  const flag = langFlag(argv);
  if (flag === undefined) return { lang: fromEnv() };
  if ((LANGS as readonly string[]).includes(flag)) return { lang: flag as Lang };
  return { lang: fromEnv(), bad: flag };
}

const TITLES: Record<string, MessageKey> = {
  'Usage:': 'help.usage',
  'Arguments:': 'help.arguments',
  'Options:': 'help.options',
  'Commands:': 'help.commands',
  'Global Options:': 'help.globalOptions',
};

/** Commander's own notes after a description, `(choices: …, default: …)`, in the run's language. */
function notes(described: string, own: string | undefined, t: Translate): string {
  if (!own || !described.startsWith(`${own} (`)) return described;
  const rest = described.slice(own.length).replace(/([(,] )?\b(choices|default): /g, (_m, lead: string | undefined, w: string) => `${lead ?? ''}${t(w === 'choices' ? 'help.choices' : 'help.default')}`);
  return own + rest;
}

/** Commander help settings that word its titles and notes in `lang` (nothing changes for English). */
export function helpConfig(lang: Lang, t: Translate): Partial<Help> {
  if (lang === 'en') return {};
  return {
    styleTitle: (s: string) => (TITLES[s] ? t(TITLES[s]) : s),
    optionDescription(option: Option) {
      return notes(Help.prototype.optionDescription.call(this, option), option.description, t);
    },
    argumentDescription(argument: Argument) {
      return notes(Help.prototype.argumentDescription.call(this, argument), argument.description, t);
    },
  };
}

/** Commander's error messages, each as a pattern and the catalogue wording of what it matched. */
const COMMANDER: Array<[RegExp, (m: RegExpExecArray, t: Translate) => string]> = [
  [/^unknown option '(.*)'/, (m, t) => t('cmdr.unknownOption', { flag: m[1]! })],
  [/^unknown command '(.*)'/, (m, t) => t('cmdr.unknownCommand', { name: m[1]! })],
  [/^missing required argument '(.*)'/, (m, t) => t('cmdr.missingArgument', { name: m[1]! })],
  [/^option '(.*)' argument missing/, (m, t) => t('cmdr.optionMissingArgument', { flag: m[1]! })],
  [/^required option '(.*)' not specified/, (m, t) => t('cmdr.missingMandatory', { flag: m[1]! })],
  [/^option '(.*?)' argument '(.*)' is invalid\./, (m, t) => t('cmdr.invalidOption', { flag: m[1]!, value: m[2]! })],
  [/^command-argument value '(.*)' is invalid for argument '(.*?)'\./, (m, t) => t('cmdr.invalidArgument', { value: m[1]!, name: m[2]! })],
  [/^too many arguments for '(.*?)'\. Expected (\d+) arguments? but got (\d+)\./, (m, t) => t('cmdr.tooManyFor', { name: m[1]!, expected: m[2]!, got: m[3]! })],
  [/^too many arguments\. Expected (\d+) arguments? but got (\d+)\./, (m, t) => t('cmdr.tooMany', { expected: m[1]!, got: m[2]! })],
];

/**
 * An error message of commander (`error: …`, with its "Allowed choices" and "Did you mean" parts) in the run's
 * language; English is returned as it is, and a message of unknown shape keeps its words.
 */
export function commanderError(text: string, lang: Lang, t: Translate): string {
  if (lang === 'en' || !text.startsWith('error: ')) return text;
  let body = text.slice('error: '.length);
  for (const [re, word] of COMMANDER) {
    const m = re.exec(body);
    if (m) {
      body = word(m, t) + body.slice(m[0].length);
      break;
    }
  }
  body = body
    .replace(/Allowed choices are (.*)\./, (_m, list: string) => t('cmdr.choices', { list }))
    .replace(/\(Did you mean one of (.*)\?\)/, (_m, list: string) => t('cmdr.didYouMeanOne', { list }))
    .replace(/\(Did you mean (.*)\?\)/, (_m, what: string) => t('cmdr.didYouMean', { what }));
  return t('cmdr.error') + body;
}
