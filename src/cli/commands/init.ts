import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { Option, type Command } from 'commander';
import type { Locale, Paper } from '../../config/types.js';
import { dayOf } from '../../model/day.js';
import { UsageError } from '../../util/errors.js';
import { CI_HOSTS, type CiHost } from '../../app/scaffold/ci.js';
import { isStandalone } from '../../util/package-files.js';
import { INIT_DEFAULTS, initFiles, sopkitTarball } from '../../app/scaffold/init.js';
import { KPU_UNITS, parseUnits } from '../../app/scaffold/units.js';
import { version } from '../../util/version.js';
import type { RunState } from '../state.js';
import { writeNewFile } from '../write-new.js';

interface InitFlags {
  org?: string;
  unit?: string[];
  locale?: Locale;
  paper?: Paper;
  ci?: CiHost;
}

const LOCALES = ['id', 'en'] as const;
const PAPERS = ['A4', 'F4', 'Letter'] as const;

/** Ask for what the flags left out (only on a terminal); an empty answer takes the default. */
async function ask(state: RunState, f: InitFlags): Promise<Required<InitFlags>> {
  const { io, t } = state;
  const prompt = io.stdinIsTTY && io.prompt ? io.prompt.bind(io) : undefined;
  const q = async (label: string, def: string, allowed?: readonly string[]): Promise<string> => {
    if (!prompt) return def;
    for (;;) {
      const a = (await prompt(`${label} [${def}]: `)).trim();
      if (!a) return def;
      if (!allowed || allowed.includes(a)) return a;
      io.stderr(`${t('init.choose', { list: allowed.join(', ') })}\n`);
    }
  };
  const org = f.org ?? (await q(t('init.ask.org'), INIT_DEFAULTS.org));
  let unit = f.unit;
  if (!unit) {
    const def = KPU_UNITS.map((u) => u.code).join(', ');
    const a = await q(t('init.ask.units'), def);
    unit = a === def ? KPU_UNITS.map((u) => `${u.code}=${u.name}`) : a.split(';').map((s) => s.trim()).filter(Boolean);
  }
  const locale = (f.locale ?? (await q(t('init.ask.locale'), INIT_DEFAULTS.locale, LOCALES))) as Locale;
  const paper = (f.paper ?? (await q(t('init.ask.paper'), INIT_DEFAULTS.paper, PAPERS))) as Paper;
  const ci = (f.ci ?? (await q(t('init.ask.ci'), INIT_DEFAULTS.ci, CI_HOSTS))) as CiHost;
  return { org, unit, locale, paper, ci };
}

const hasSops = (dir: string) => {
  try {
    return readdirSync(dir).some((f) => /\.ya?ml$/.test(f));
  } catch {
    return false;
  }
};

/** `sop init [dir]`: start an SOP repository (never overwrites a file). */
export function registerInit(program: Command, state: RunState): void {
  const { t } = state;
  program
    .command('init')
    .description(t('init.desc'))
    .argument('[dir]', t('init.dir'), '.')
    .option('--org <name>', t('init.org', { org: INIT_DEFAULTS.org }))
    .option('--unit <unit>', t('init.unit'), (v: string, prev: string[] = []) => [...prev, v])
    .addOption(new Option('--locale <locale>', t('init.locale', { locale: INIT_DEFAULTS.locale })).choices(LOCALES))
    .addOption(new Option('--paper <paper>', t('init.paper', { paper: INIT_DEFAULTS.paper })).choices(PAPERS))
    .addOption(new Option('--ci <host>', t('init.ci', { ci: INIT_DEFAULTS.ci })).choices(CI_HOSTS))
    .action(async (dir: string, flags: InitFlags) => {
      const { io } = state;
      const answers = await ask(state, flags);
      if (!answers.org.trim()) throw new UsageError(t('init.emptyOrg'));
      const units = parseUnits(answers.unit);
      if (units.length === 0) throw new UsageError(t('init.noUnit'));
      const root = path.resolve(io.cwd, dir);
      const files = initFiles({ dir: root, org: answers.org.trim(), units, locale: answers.locale, paper: answers.paper, ci: answers.ci, created: dayOf(new Date()), version: version() });
      const near = (abs: string) => {
        const rel = path.relative(io.cwd, abs);
        return rel.startsWith('..') || path.isAbsolute(rel) ? abs : rel;
      };
      const shown = (rel: string) => near(path.join(root, rel)) || rel;
      for (const f of files) {
        const abs = path.join(root, f.path);
        if (f.path.startsWith('sops/') && !existsSync(abs) && hasSops(path.dirname(abs))) {
          io.stdout(`${t('init.keptFolder', { dir: shown(path.dirname(f.path)) })}\n`);
          continue;
        }
        io.stdout(`${writeNewFile(abs, f.content, t) ? t('init.created', { file: shown(f.path) }) : t('init.kept', { file: shown(f.path) })}\n`);
      }
      const cd = near(root);
      const tgz = sopkitTarball(version());
      io.stdout(
        [
          '',
          t('init.next'),
          ...(cd ? [`  cd ${cd.includes(' ') ? JSON.stringify(cd) : cd}`] : []),
          '  git init',
          // The standalone executable runs as it is; CI and pre-commit still install the package with npm.
          ...(isStandalone()
            ? [`  ${path.basename(process.execPath)} lint`, `  ${t('init.copyStandalone', { tgz })}`]
            : [`  ${t('init.copy', { tgz })}`, '  npx --no-install sop lint']),
          '',
        ].join('\n'),
      );
      state.exitCode = 0;
    });
}
