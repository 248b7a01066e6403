import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { Option, type Command } from 'commander';
import type { Locale, Paper } from '../../config/types.js';
import { dayOf } from '../../day.js';
import { UsageError } from '../../errors.js';
import { CI_HOSTS, type CiHost } from '../../scaffold/ci.js';
import { isStandalone } from '../../util/package-files.js';
import { INIT_DEFAULTS, initFiles, sopkitTarball } from '../../scaffold/init.js';
import { KPU_UNITS, parseUnits } from '../../scaffold/units.js';
import { version } from '../../version.js';
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
  const { io } = state;
  const prompt = io.stdinIsTTY && io.prompt ? io.prompt.bind(io) : undefined;
  const q = async (label: string, def: string, allowed?: readonly string[]): Promise<string> => {
    if (!prompt) return def;
    for (;;) {
      const a = (await prompt(`${label} [${def}]: `)).trim();
      if (!a) return def;
      if (!allowed || allowed.includes(a)) return a;
      io.stderr(`Choose one of: ${allowed.join(', ')}\n`);
    }
  };
  const org = f.org ?? (await q('Organisation', INIT_DEFAULTS.org));
  let unit = f.unit;
  if (!unit) {
    const def = KPU_UNITS.map((u) => u.code).join(', ');
    const a = await q('Units (codes of the KPU subbagian, or CODE=Name; separate with ";")', def);
    unit = a === def ? KPU_UNITS.map((u) => `${u.code}=${u.name}`) : a.split(';').map((s) => s.trim()).filter(Boolean);
  }
  const locale = (f.locale ?? (await q('Language of documents (id, en)', INIT_DEFAULTS.locale, LOCALES))) as Locale;
  const paper = (f.paper ?? (await q('Paper (A4, F4, Letter)', INIT_DEFAULTS.paper, PAPERS))) as Paper;
  const ci = (f.ci ?? (await q('CI (github, gitlab, none)', INIT_DEFAULTS.ci, CI_HOSTS))) as CiHost;
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
  program
    .command('init')
    .description('start an SOP repository: sop.config.yaml, an example SOP per unit, editor, git, pre-commit and CI files (never overwrites)')
    .argument('[dir]', 'folder of the repository (created when missing)', '.')
    .option('--org <name>', `organisation printed in the header (default "${INIT_DEFAULTS.org}")`)
    .option('--unit <unit>', 'a unit: CODE=Name, a name, or the code of a KPU subbagian (KUL, TPH, PDI, HSDM); repeat for more (default: the four KPU subbagian)', (v: string, prev: string[] = []) => [...prev, v])
    .addOption(new Option('--locale <locale>', `language of rendered documents (default ${INIT_DEFAULTS.locale})`).choices(LOCALES))
    .addOption(new Option('--paper <paper>', `paper size (default ${INIT_DEFAULTS.paper}, 215 × 330 mm)`).choices(PAPERS))
    .addOption(new Option('--ci <host>', `CI pipeline to write (default ${INIT_DEFAULTS.ci})`).choices(CI_HOSTS))
    .action(async (dir: string, flags: InitFlags) => {
      const { io } = state;
      const answers = await ask(state, flags);
      if (!answers.org.trim()) throw new UsageError('--org must not be empty.');
      const units = parseUnits(answers.unit);
      if (units.length === 0) throw new UsageError('Give at least one --unit.');
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
          io.stdout(`kept     ${shown(path.dirname(f.path))}/ (has SOPs already; no example added)\n`);
          continue;
        }
        io.stdout(writeNewFile(abs, f.content) ? `created  ${shown(f.path)}\n` : `kept     ${shown(f.path)} (exists; not changed)\n`);
      }
      const cd = near(root);
      const tgz = sopkitTarball(version());
      io.stdout(
        [
          '',
          'Next:',
          ...(cd ? [`  cd ${cd.includes(' ') ? JSON.stringify(cd) : cd}`] : []),
          '  git init',
          // The standalone executable runs as it is; CI and pre-commit still install the package with npm.
          ...(isStandalone()
            ? [`  ${path.basename(process.execPath)} lint`, `  for CI and pre-commit: copy ${tgz} (npm pack in the sopkit checkout) into vendor/`]
            : [`  copy ${tgz} (npm pack in the sopkit checkout) into vendor/, then: npm install`, '  npx --no-install sop lint']),
          '',
        ].join('\n'),
      );
      state.exitCode = 0;
    });
}
