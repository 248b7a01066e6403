import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { CliIO } from '../../src/cli/io.js';
import { minimalSop, ROOT, sop, tempTree, type CliResult } from '../helpers/cli.js';

/** One CLI scenario: files in a temp folder, arguments, and what must come out. */
interface Row {
  name: string;
  args: string[];
  files?: Record<string, string>;
  io?: Partial<CliIO>;
  exitCode: number;
  stdout?: string[];
  stderr?: string[];
  notStdout?: Array<string | RegExp>;
  check?: (dir: string, r: CliResult) => void;
}

const CLEAN = { 'sops/KUL-001.yaml': minimalSop('KUL-001') };
// `actr` at line 20, column 1 (minimalSop is 19 lines).
const BROKEN = { 'sops/KUL-002.yaml': minimalSop('KUL-002', 'actr: x\n') };
// The same unknown key, configured down to a warning.
const WARNED = { ...BROKEN, 'sop.config.yaml': 'rules:\n  schema: warn\n' };
const BOTH = { ...BROKEN, 'sops/KUL-003.yaml': minimalSop('KUL-003', 'x: 1\n') };
// eslint-disable-next-line no-control-regex
const ANSI = /\u001b\[\d+m/;
const STACK = /\n\s+at .+:\d+:\d+/;
const version = (JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string }).version;

const rows: Row[] = [
  // Help, version, usage.
  { name: 'bare `sop` is a usage error that shows the help', args: [], exitCode: 2, stderr: ['Usage: sop', 'lint'] },
  { name: '--help lists the commands', args: ['--help'], exitCode: 0, stdout: ['Usage: sop', 'lint [options] [paths...]', 'schema'] },
  { name: '`help lint` shows the lint options', args: ['help', 'lint'], exitCode: 0, stdout: ['--format <name>', '--max-warnings <n>', '--quiet', '--no-color', '--output <file>'] },
  { name: '--version prints the package version', args: ['--version'], exitCode: 0, check: (_d, r) => expect(r.stdout).toBe(`${version}\n`) },
  { name: 'an unknown command', args: ['frob'], exitCode: 2, stderr: ["unknown command 'frob'"] },
  { name: 'an unknown option', args: ['lint', '--bogus'], files: CLEAN, exitCode: 2, stderr: ["unknown option '--bogus'"] },
  { name: 'an unknown format', args: ['lint', '-f', 'xml'], files: CLEAN, exitCode: 2, stderr: ["argument 'xml' is invalid", 'stylish, json, sarif, github, gitlab, junit'] },
  { name: '--max-warnings needs a number', args: ['lint', '--max-warnings', 'many'], files: CLEAN, exitCode: 2, stderr: ['expected a whole number'] },
  { name: 'a missing path', args: ['lint', 'sops/nope.yaml'], files: CLEAN, exitCode: 2, stderr: ['sop: No such file or folder: sops/nope.yaml'] },
  { name: 'a glob that matches nothing', args: ['lint', 'sops/*.yml'], files: CLEAN, exitCode: 2, stderr: ['No files match'] },
  { name: 'no SOP files where the config says', args: ['lint'], files: { 'sop.config.yaml': 'sops: "procedures/**/*.yaml"\n', 'sops/KUL-001.yaml': CLEAN['sops/KUL-001.yaml']! }, exitCode: 2, stderr: ['No SOP files found: the SOP glob of sop.config.yaml (sops: procedures/**/*.yaml) matches nothing'] },
  { name: 'a folder without SOP files', args: ['lint', 'docs'], files: { ...CLEAN, 'docs/readme.txt': 'x' }, exitCode: 2, stderr: ['No SOP files (*.yaml, *.yml) in: docs'] },

  // Results and exit codes.
  { name: 'a clean file', args: ['lint', 'sops/KUL-001.yaml'], files: CLEAN, exitCode: 0, stdout: ['✓ 1 file checked, no problems'] },
  { name: 'the config glob by default', args: ['lint'], files: { ...CLEAN, 'sop.config.yaml': 'locale: id\n' }, exitCode: 0, stdout: ['✓ 1 file checked'] },
  { name: 'an error exits 1 with file:line:col', args: ['lint', 'sops'], files: BROKEN, exitCode: 1, stdout: ['sops/KUL-002.yaml:20:1', 'error', 'Unknown key `actr`', 'schema', '1 problem (1 error, 0 warnings)'] },
  { name: 'warnings alone exit 0', args: ['lint', 'sops'], files: WARNED, exitCode: 0, stdout: ['sops/KUL-002.yaml:20:1', 'warn', '(0 errors, 1 warning)'] },
  { name: '--max-warnings exceeded exits 1', args: ['lint', 'sops', '--max-warnings', '0'], files: WARNED, exitCode: 1, stderr: ['sop: 1 warning found; --max-warnings allows 0\n'] },
  { name: '--max-warnings not exceeded exits 0', args: ['lint', 'sops', '--max-warnings', '1'], files: WARNED, exitCode: 0, stdout: ['1 warning'] },
  { name: '--quiet hides warnings', args: ['lint', 'sops', '--quiet'], files: WARNED, exitCode: 0, notStdout: ['warn ', 'KUL-002.yaml:20', 'no problems'], stdout: ['✓ 1 file checked, no errors (1 warning hidden by --quiet)'] },
  { name: '--quiet does not change the exit code of --max-warnings', args: ['lint', 'sops', '-q', '--max-warnings', '0'], files: WARNED, exitCode: 1, notStdout: ['KUL-002.yaml:20'] },
  { name: '--quiet keeps errors', args: ['lint', 'sops', '--quiet'], files: { ...BOTH, 'sop.config.yaml': 'rules:\n  schema: error\n' }, exitCode: 1, stdout: ['KUL-002.yaml:20:1', 'KUL-003.yaml:20:1'] },

  // Formats.
  { name: 'json', args: ['lint', 'sops', '-f', 'json'], files: BROKEN, exitCode: 1, check: (_d, r) => expect(JSON.parse(r.stdout)).toMatchObject({ errorCount: 1, warningCount: 0, files: [{ file: 'sops/KUL-002.yaml', diagnostics: [{ ruleId: 'schema', range: { start: { line: 20, column: 1 } } }] }] }) },
  { name: 'github', args: ['lint', 'sops', '--format', 'github'], files: WARNED, exitCode: 0, stdout: ['::warning file=sops/KUL-002.yaml,line=20,col=1,endLine=20,endColumn=5,title=schema::Unknown key `actr`'] },
  { name: 'gitlab', args: ['lint', 'sops', '-f', 'gitlab'], files: BROKEN, exitCode: 1, stdout: ['"check_name": "schema"', '"severity": "major"', '"path": "sops/KUL-002.yaml"'] },
  { name: 'junit', args: ['lint', 'sops', '-f', 'junit'], files: BROKEN, exitCode: 1, stdout: ['<testsuite name="sops/KUL-002.yaml" tests="1" failures="1" errors="0">', '<testcase classname="sops/KUL-002.yaml" name="schema">'] },
  {
    name: 'sarif lists every rule and locates the result',
    args: ['lint', 'sops', '-f', 'sarif'],
    files: BROKEN,
    exitCode: 1,
    check: (dir, r) => {
      const run = JSON.parse(r.stdout).runs[0];
      const ids = run.tool.driver.rules.map((x: { id: string }) => x.id);
      expect(ids).toEqual(expect.arrayContaining(['yaml-syntax', 'disable-comment', 'schema']));
      expect(run.results[0]).toMatchObject({ ruleId: 'schema', ruleIndex: ids.indexOf('schema'), level: 'error' });
      expect(run.results[0].locations[0].physicalLocation).toEqual({
        artifactLocation: { uri: 'sops/KUL-002.yaml', uriBaseId: '%SRCROOT%' },
        region: { startLine: 20, startColumn: 1, endLine: 20, endColumn: 5 },
      });
      expect(run.originalUriBaseIds['%SRCROOT%'].uri).toBe(`file://${dir}/`);
    },
  },

  // Output file.
  {
    name: '-o writes the report and prints nothing',
    args: ['lint', 'sops', '-f', 'json', '-o', 'reports/lint.json'],
    files: BROKEN,
    exitCode: 1,
    check: (dir, r) => {
      expect(r.stdout).toBe('');
      expect(r.stderr).toBe('');
      expect(JSON.parse(readFileSync(path.join(dir, 'reports/lint.json'), 'utf8')).errorCount).toBe(1);
      expect(readdirSync(path.join(dir, 'reports'))).toEqual(['lint.json']);
    },
  },
  {
    name: '-o never writes colours, even when forced',
    args: ['lint', 'sops', '-o', 'out.txt'],
    files: BROKEN,
    io: { env: { FORCE_COLOR: '1' }, stdoutIsTTY: true },
    exitCode: 1,
    check: (dir) => expect(readFileSync(path.join(dir, 'out.txt'), 'utf8')).not.toMatch(ANSI),
  },
  { name: '-o into a path that cannot be written', args: ['lint', 'sops', '-o', 'sops/KUL-002.yaml/x.txt'], files: BROKEN, exitCode: 2, stderr: ['sop: Cannot write', 'x.txt: a file stands where a folder of that path is needed (EEXIST)'], check: (_d, r) => expect(r.stdout).toBe('') },
  { name: '-o naming a folder', args: ['lint', 'sops', '-o', 'sops'], files: BROKEN, exitCode: 2, stderr: ['sops: a folder of that name exists (EISDIR)'] },

  // Colours.
  { name: 'colours on a terminal', args: ['lint', 'sops'], files: BROKEN, io: { env: {}, stdoutIsTTY: true }, exitCode: 1, stdout: ['\u001b[31merror\u001b[39m'] },
  { name: 'no colours in a pipe', args: ['lint', 'sops'], files: BROKEN, io: { env: {}, stdoutIsTTY: false }, exitCode: 1, notStdout: [ANSI] },
  { name: 'FORCE_COLOR colours a pipe', args: ['lint', 'sops'], files: BROKEN, io: { env: { FORCE_COLOR: '1' }, stdoutIsTTY: false }, exitCode: 1, stdout: ['\u001b['] },
  { name: 'FORCE_COLOR=0 turns colours off on a terminal', args: ['lint', 'sops'], files: BROKEN, io: { env: { FORCE_COLOR: '0' }, stdoutIsTTY: true }, exitCode: 1, notStdout: [ANSI] },
  { name: 'NO_COLOR wins over a terminal', args: ['lint', 'sops'], files: BROKEN, io: { env: { NO_COLOR: '1' }, stdoutIsTTY: true }, exitCode: 1, notStdout: [ANSI] },
  { name: '--no-color wins over FORCE_COLOR', args: ['lint', 'sops', '--no-color'], files: BROKEN, io: { env: { FORCE_COLOR: '1' }, stdoutIsTTY: true }, exitCode: 1, notStdout: [ANSI] },

  // Configuration errors: exit 2 with file:line:col.
  { name: 'a config value of the wrong kind', args: ['lint'], files: { ...CLEAN, 'sop.config.yaml': 'paper: A4\nlocale: xx\n' }, exitCode: 2, stderr: ['sop.config.yaml:2:9', '`locale` must be one of'] },
  { name: 'a config with a YAML syntax error', args: ['lint'], files: { ...CLEAN, 'sop.config.yaml': 'locale: id\nrules: [a\n' }, exitCode: 2, stderr: ['sop.config.yaml:'] },
  { name: 'a config with an unknown key', args: ['lint'], files: { ...CLEAN, 'sop.config.yaml': 'locale: id\nlocal: en\n' }, exitCode: 2, stderr: ['sop.config.yaml:2:1', '`local`'] },
  { name: 'a config naming an unknown rule', args: ['lint'], files: { ...CLEAN, 'sop.config.yaml': 'rules:\n  shema: warn\n' }, exitCode: 2, stderr: ['unknown rule `shema`', 'did you mean `schema`'] },
  { name: 'an empty config means the defaults', args: ['lint'], files: { ...CLEAN, 'sop.config.yaml': '' }, exitCode: 0, stdout: ['✓ 1 file checked'] },
  { name: 'a config of comments only means the defaults', args: ['lint'], files: { ...CLEAN, 'sop.config.yaml': '# locale: en\n' }, exitCode: 0, stdout: ['✓ 1 file checked'] },
  { name: 'a config that is a list', args: ['lint'], files: { ...CLEAN, 'sop.config.yaml': '- locale: en\n' }, exitCode: 2, stderr: ['sop.config.yaml:1:1 The config must be a mapping'] },
  { name: 'a config that is a single value', args: ['lint'], files: { ...CLEAN, 'sop.config.yaml': 'en\n' }, exitCode: 2, stderr: ['sop.config.yaml:1:1 The config must be a mapping'] },
  { name: 'an explicit config that does not exist', args: ['lint', '-c', 'other.yaml'], files: CLEAN, exitCode: 2, stderr: ['Config file not found: other.yaml'] },
];

describe('sop lint (in-process)', () => {
  it.each(rows.map((r) => [r.name, r] as const))('%s', async (_name, row) => {
    const t = tempTree(row.files ?? {});
    try {
      const r = await sop(row.args, t.dir, row.io);
      expect({ code: r.code, stderr: r.stderr }).toMatchObject({ code: row.exitCode });
      for (const s of row.stdout ?? []) expect(r.stdout).toContain(s);
      for (const s of row.stderr ?? []) expect(r.stderr).toContain(s);
      for (const s of row.notStdout ?? []) typeof s === 'string' ? expect(r.stdout).not.toContain(s) : expect(r.stdout).not.toMatch(s);
      expect(r.stdout + r.stderr).not.toMatch(STACK);
      expect(r.stderr).not.toContain('sop: internal error');
      row.check?.(t.dir, r);
      if (!existsSync(t.dir)) throw new Error('temp folder vanished');
    } finally {
      t.cleanup();
    }
  });
});

describe('sop lint from a sub-folder of the repository', () => {
  it('gives github, sarif and json paths relative to the repository root (the folder holding .git)', async () => {
    const t = tempTree({ '.git/HEAD': 'ref: refs/heads/main\n', 'docs/sop/sop.config.yaml': 'locale: id\n', 'docs/sop/sops/kul/KUL-002.yaml': minimalSop('KUL-002', 'actr: x\n') });
    try {
      const cwd = path.join(t.dir, 'docs/sop/sops/kul');
      const gh = await sop(['lint', '-f', 'github'], cwd);
      expect(gh.stdout).toContain('::error file=docs/sop/sops/kul/KUL-002.yaml,line=20,col=1,');
      const run = JSON.parse((await sop(['lint', '-f', 'sarif'], cwd)).stdout).runs[0];
      expect(run.originalUriBaseIds['%SRCROOT%'].uri).toBe(`file://${t.dir}/`);
      expect(run.results[0].locations[0].physicalLocation.artifactLocation).toEqual({ uri: 'docs/sop/sops/kul/KUL-002.yaml', uriBaseId: '%SRCROOT%' });
      const js = JSON.parse((await sop(['lint', '-f', 'json', 'KUL-002.yaml'], cwd)).stdout);
      expect(js.files[0].file).toBe('docs/sop/sops/kul/KUL-002.yaml');
      expect(js.files[0].diagnostics[0].file).toBe('docs/sop/sops/kul/KUL-002.yaml');
      expect(js.root).toBeUndefined();
      // People still read paths from where they are.
      expect((await sop(['lint'], cwd)).stdout).toContain('KUL-002.yaml:20:1');
    } finally {
      t.cleanup();
    }
  });
});

describe('links to the rule pages', () => {
  const DOCS = 'https://git.example.go.id/tik/sopkit/-/blob/v0.1.0/docs/rules/';
  const sarifRules = (r: CliResult) => (JSON.parse(r.stdout) as { runs: Array<{ tool: { driver: { rules: Array<{ id: string; helpUri?: string; help?: { markdown: string } }> } } }> }).runs[0]!.tool.driver.rules;

  it('link to the page in the installed package by default; SARIF carries the page itself', async () => {
    const t = tempTree(BROKEN);
    try {
      const json = await sop(['lint', '-f', 'json'], t.dir);
      const [d] = (JSON.parse(json.stdout) as { files: Array<{ diagnostics: Array<{ docsUrl: string }> }> }).files[0]!.diagnostics;
      expect(d!.docsUrl).toBe(pathToFileURL(path.join(ROOT, 'docs/rules/schema.md')).href);
      const rules = sarifRules(await sop(['lint', '-f', 'sarif'], t.dir));
      expect(rules.find((r) => r.id === 'schema')).toMatchObject({ help: { markdown: expect.stringContaining('## Why') } });
      expect(rules.filter((r) => r.helpUri !== undefined)).toEqual([]);
    } finally {
      t.cleanup();
    }
  });

  it('link under config docsBase when the office hosts the pages: JSON, JUnit, SARIF helpUri, the GitHub step summary', async () => {
    const t = tempTree({ ...BROKEN, 'sop.config.yaml': `docsBase: ${DOCS}\n`, 'summary.md': '' });
    try {
      const json = await sop(['lint', '-f', 'json'], t.dir);
      expect((JSON.parse(json.stdout) as { files: Array<{ diagnostics: Array<{ docsUrl: string }> }> }).files[0]!.diagnostics[0]!.docsUrl).toBe(`${DOCS}schema.md`);
      expect((await sop(['lint', '-f', 'junit'], t.dir)).stdout).toContain(`${DOCS}schema.md</failure>`);
      const rules = sarifRules(await sop(['lint', '-f', 'sarif'], t.dir));
      expect(rules.find((r) => r.id === 'schema')!.helpUri).toBe(`${DOCS}schema.md`);
      expect(rules.every((r) => r.helpUri === `${DOCS}${r.id}.md` && r.help !== undefined)).toBe(true);
      await sop(['lint', '-f', 'github'], t.dir, { env: { GITHUB_STEP_SUMMARY: path.join(t.dir, 'summary.md') } });
      expect(readFileSync(path.join(t.dir, 'summary.md'), 'utf8')).toContain(`| [schema](${DOCS}schema.md) | 1 | 0 |`);
    } finally {
      t.cleanup();
    }
  });

  it('refuse a docsBase that is not a web folder, at its line', async () => {
    for (const bad of ['https://git.example.go.id/docs/rules', 'javascript:alert(1)//', 'file:///opt/docs/']) {
      const t = tempTree({ ...CLEAN, 'sop.config.yaml': `locale: id\ndocsBase: "${bad}"\n` });
      try {
        const r = await sop(['lint'], t.dir);
        expect(r.code, bad).toBe(2);
        expect(r.stderr, bad).toBe(`sop: sop.config.yaml:2:11 \`docsBase\` must be a web address (http:// or https://) of a folder, ending with "/" (got "${bad}").\n`);
      } finally {
        t.cleanup();
      }
    }
  });
});

describe('sop lint --format github in a GitHub Actions step', () => {
  it('appends a Markdown summary to $GITHUB_STEP_SUMMARY and prints the text report after the annotations', async () => {
    // 12 problems: more than the 10 annotations GitHub shows per step.
    const many = Object.fromEntries(Array.from({ length: 12 }, (_, i) => [`sops/KUL-1${String(i).padStart(2, '0')}.yaml`, minimalSop(`KUL-1${String(i).padStart(2, '0')}`, 'actr: "<b>x</b>"\n')]));
    const t = tempTree({ ...many, 'summary.md': '## earlier step\n\n' });
    try {
      const env = { NO_COLOR: '1', GITHUB_STEP_SUMMARY: path.join(t.dir, 'summary.md'), GITHUB_SERVER_URL: 'https://github.com', GITHUB_REPOSITORY: 'kpu/sop', GITHUB_SHA: 'a'.repeat(40) };
      const r = await sop(['lint', 'sops', '-f', 'github'], t.dir, { env, stdoutIsTTY: true });
      expect(r.code).toBe(1);
      const md = readFileSync(path.join(t.dir, 'summary.md'), 'utf8');
      expect(md.startsWith('## earlier step\n\n## sop lint\n\n❌ **12 problems** (12 errors, 0 warnings) in 12 files of 12 files checked.\n')).toBe(true);
      const rows = md.split('\n').filter((l) => /^\| \[sops\//.test(l));
      expect(rows).toHaveLength(12);
      // The rule's page is in the package on the runner (no config docsBase): named, not linked.
      expect(rows[0]).toBe('| [sops/KUL-100.yaml:20:1](https://github.com/kpu/sop/blob/aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa/sops/KUL-100.yaml#L20) | error | schema | Unknown key \\`actr\\`; did you mean \\`actors\\`? |');
      // The log: 12 annotations, then every problem as plain text, no colour even on a terminal.
      expect(r.stdout.match(/^::error /gm)).toHaveLength(12);
      const text = r.stdout.slice(r.stdout.indexOf('::stop-commands::'));
      expect(text.match(/^ {2}sops\/KUL-1\d\d\.yaml:20:1 {2}error {2}Unknown key `actr`/gm)).toHaveLength(12);
      expect(text).toContain('✖ 12 problems (12 errors, 0 warnings) in 12 files checked');
      expect(r.stdout).not.toMatch(ANSI);
      // A second run appends again; other formats leave the summary alone.
      await sop(['lint', 'sops', '-f', 'stylish'], t.dir, { env });
      expect(readFileSync(path.join(t.dir, 'summary.md'), 'utf8')).toBe(md);
      await sop(['lint', 'sops', '-f', 'github', '-q'], t.dir, { env: { GITHUB_STEP_SUMMARY: 'summary.md' } });
      expect(readFileSync(path.join(t.dir, 'summary.md'), 'utf8').split('## sop lint')).toHaveLength(3);
    } finally {
      t.cleanup();
    }
  });

  it('says plainly when the summary cannot be written', async () => {
    const t = tempTree({ ...CLEAN, 'summary/x': '' });
    try {
      const r = await sop(['lint', '-f', 'github'], t.dir, { env: { GITHUB_STEP_SUMMARY: path.join(t.dir, 'summary') } });
      expect(r.code).toBe(2);
      expect(r.stderr).toBe(`sop: Cannot write the step summary ${path.join(t.dir, 'summary')} (GITHUB_STEP_SUMMARY): a folder of that name exists (EISDIR)\n`);
      expect(r.stderr).not.toMatch(STACK);
    } finally {
      t.cleanup();
    }
  });
});
