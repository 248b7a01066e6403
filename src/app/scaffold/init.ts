import path from 'node:path';
import type { Locale, Paper, Unit } from '../../config/types.js';
import { CONFIG_FILE } from '../../config/types.js';
import { type CiHost, githubWorkflow, gitlabPipeline } from './ci.js';
import { draftFileName, draftSopText, slug, yamlScalar } from './draft.js';
import { nextNumber } from './numbering.js';
import { INSTALLED_SCHEMAS, schemaRef } from './schema-ref.js';

/** The answers `sop init` works from. */
export interface InitOptions {
  /** Absolute folder of the new repository. */
  dir: string;
  /** Organisation name (printed in the header). */
  org: string;
  /** Units, one example SOP each. */
  units: Unit[];
  /** Locale of rendered documents. */
  locale: Locale;
  /** Paper size. */
  paper: Paper;
  /** CI host to write a pipeline for. */
  ci: CiHost;
  /** Tanggal Pembuatan of the examples, YYYY-MM-DD. */
  created: string;
  /** sopkit's version (package.json's devDependency). */
  version: string;
}

/** One file `sop init` writes. */
export interface InitFile {
  /** Path relative to the repository, with `/`. */
  path: string;
  /** Its content. */
  content: string;
}

/** `sop init`'s defaults: a KPU city office's secretariat. */
export const INIT_DEFAULTS = { org: 'KOMISI PEMILIHAN UMUM KOTA MALANG', locale: 'id', paper: 'F4', ci: 'github' } as const;

const MONTHS = '(I|II|III|IV|V|VI|VII|VIII|IX|X|XI|XII)';

/** The Nomor SOP pattern of a KPU office (`001/SOP/KUL/KPU-Kot/IV/2024`), after the organisation's level. */
export function numberPattern(org: string): string {
  const o = org.toUpperCase();
  const office = /KOMISI PEMILIHAN UMUM|\bKPU\b/.test(o)
    ? /\bKABUPATEN\b/.test(o)
      ? 'KPU-Kab/'
      : /\bKOTA\b/.test(o)
        ? 'KPU-Kot/'
        : /\bPROVINSI\b/.test(o)
          ? 'KPU-Prov/'
          : 'KPU/'
    : '';
  return `^\\d{3}/SOP/[A-Z]+/${office}${MONTHS}/\\d{4}$`;
}

function configText(o: InitOptions): string {
  const pattern = numberPattern(o.org);
  const example = pattern.replace('^\\d{3}', '001').replace('[A-Z]+', o.units[0]?.code ?? 'KUL').replace(MONTHS, 'I').replace('\\d{4}$', o.created.slice(0, 4));
  return [
    `# yaml-language-server: $schema=./${INSTALLED_SCHEMAS}/config.schema.json`,
    '# sopkit configuration: every key is described in the schema (`sop schema --config`).',
    'organization:',
    `  name: ${yamlScalar(o.org)}`,
    '  unitLines:',
    '    - SEKRETARIAT',
    '# Units that own SOPs: `sop new <id> --unit <code>` writes to sops/<code>/',
    'units:',
    ...o.units.flatMap((u) => [`  - code: ${u.code}`, `    name: ${yamlScalar(u.name)}`]),
    `locale: ${o.locale}`,
    `paper: ${o.paper}`,
    'orientation: landscape',
    'sops: "sops/**/*.{yaml,yml}"',
    'numbering:',
    `  # Nomor SOP: urut/SOP/unit/.../bulan (romawi)/tahun, e.g. ${example}`,
    `  pattern: '${pattern}'`,
    'review:',
    '  monitoringMonths: 6',
    '  evaluationMonths: 12',
    '',
  ].join('\n');
}

function exampleSop(o: InitOptions, u: Unit): InitFile {
  const dir = `sops/${u.code.toLowerCase()}`;
  const id = `${u.code}-001`;
  const title = `Contoh SOP ${u.name.replace(/^Sub\s*bagian\s+/i, '')}`;
  const [year, month] = o.created.split('-').map(Number) as [number, number];
  const number = nextNumber({ pattern: numberPattern(o.org), existing: [], unitCode: u.code, date: { year, month } });
  const content = draftSopText({ id, title, unit: u.name, number, created: o.created, schemaRef: schemaRef('sop', path.join(o.dir, dir), o.dir) });
  return { path: `${dir}/${draftFileName(id, title)}`, content };
}

/** The package file `npm pack` makes of this sopkit, which the repository keeps in vendor/. */
export const sopkitTarball = (version: string) => `sopkit-${version}.tgz`;

const json = (v: unknown) => `${JSON.stringify(v, null, 2)}\n`;

/** Every file of a new SOP repository (the caller writes those that do not exist yet). */
export function initFiles(o: InitOptions): InitFile[] {
  const files: InitFile[] = [
    { path: CONFIG_FILE, content: configText(o) },
    ...o.units.map((u) => exampleSop(o, u)),
    {
      path: 'package.json',
      content: json({
        name: slug(path.basename(o.dir)) || 'sop',
        private: true,
        description: `Standar Operasional Prosedur ${o.org}`,
        scripts: { lint: 'sop lint', render: 'sop render --format pdf', book: 'sop book -o dist/buku-sop.pdf' },
        // sopkit is not on the npm registry: the office keeps its package file in vendor/ (npm pack in sopkit).
        devDependencies: { sopkit: `file:vendor/${sopkitTarball(o.version)}` },
      }),
    },
    {
      path: '.vscode/settings.json',
      content: json({
        'yaml.schemas': {
          [`./${INSTALLED_SCHEMAS}/sop.schema.json`]: ['sops/**/*.yaml', 'sops/**/*.yml'],
          [`./${INSTALLED_SCHEMAS}/config.schema.json`]: CONFIG_FILE,
        },
        'files.eol': '\n',
      }),
    },
    { path: '.vscode/extensions.json', content: json({ recommendations: ['redhat.vscode-yaml'] }) },
    {
      path: '.gitattributes',
      content: '# SOPs, config and pages keep LF line endings on every machine (Windows too)\n*.yaml text eol=lf\n*.yml text eol=lf\n*.md text eol=lf\n*.json text eol=lf\n',
    },
    { path: '.gitignore', content: '# rendered documents, installed packages and the cache of `sop lint`\ndist/\nnode_modules/\n.sop-cache/\n' },
    {
      path: '.pre-commit-config.yaml',
      content: [
        '# pre-commit (https://pre-commit.com): run `pre-commit install` once; then `sop lint` checks the',
        '# staged SOP files before each commit, with the sopkit of package.json (`npm install` first).',
        'repos:',
        '  - repo: local',
        '    hooks:',
        '      - id: sop-lint',
        '        name: sop lint',
        '        entry: npx --no-install sop lint',
        '        language: system',
        '        files: ^sops/.*\\.ya?ml$',
        '',
      ].join('\n'),
    },
  ];
  if (o.ci === 'github') files.push({ path: '.github/workflows/sop.yml', content: githubWorkflow() });
  if (o.ci === 'gitlab') files.push({ path: '.gitlab-ci.yml', content: gitlabPipeline() });
  return files;
}
