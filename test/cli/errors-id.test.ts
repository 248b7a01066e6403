import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import ts from 'typescript';
import { afterAll, describe, expect, it } from 'vitest';
import { ERRORS_ID } from '../../src/cli/i18n/errors-id.js';
import { placeholders, worded } from '../../src/cli/i18n/index.js';
import { minimalSop, sop, tempTree } from '../helpers/cli.js';
import { testRepo } from '../lifecycle/repo-helper.js';

const SRC = path.resolve(__dirname, '../../src');

/** Every .ts file under a folder. */
function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? sources(path.join(dir, e.name)) : e.name.endsWith('.ts') ? [path.join(dir, e.name)] : []));
}

/**
 * Ids made from values: the source text of the id expression → the ids it can make (an empty list: it passes on
 * an id made elsewhere, which this scan checks where it is made). A new computed id fails the test until listed.
 */
const COMPUTED: Record<string, string[]> = {
  'notGit.id': ['history.notGit', 'diff.notGit'],
  '`${notGit.id}Submodule`': ['history.notGitSubmodule', 'diff.notGitSubmodule'],
  '`output.${what.id}`': ['output.config', 'output.sop', 'output.bookPage', 'output.logo', 'output.template', 'output.sopFolderYaml'],
  '`record.refused.${opts.kind}`': ['socialization', 'monitoring', 'evaluation'].map((k) => `record.refused.${k}`),
  '`record.lintRejects.${opts.kind}`': ['socialization', 'monitoring', 'evaluation'].map((k) => `record.lintRejects.${k}`),
  '`promote.refused.${opts.verb}`': ['draft', 'approved', 'implemented', 'evaluated', 'withdrawn', 'revise'].map((v) => `promote.refused.${v}`),
  "`browser.cannotStart${hint ? 'Sandbox' : ''}${f.stderr ? 'Output' : ''}`": ['', 'Sandbox', 'Output', 'SandboxOutput'].map((s) => `browser.cannotStart${s}`),
  'why.id': [],
  'e.id': [],
};

interface Use {
  where: string;
  ids: string[];
  /** Keys of the data when written out as an object literal. */
  keys?: string[];
}

/** The ids given in src/ (`{ id, data }` objects and `said(text, id, data)` calls) with their data keys. */
function messageUses(): { uses: Use[]; unknown: string[]; bare: string[] } {
  const uses: Use[] = [];
  const unknown: string[] = [];
  const bare: string[] = [];
  for (const file of sources(SRC)) {
    const rel = path.relative(SRC, file);
    const sf = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true);
    const where = (n: ts.Node) => `${rel}:${sf.getLineAndCharacterOfPosition(n.getStart()).line + 1}`;
    const idsOf = (e: ts.Expression, at: string): string[] => {
      if (ts.isStringLiteral(e) || ts.isNoSubstitutionTemplateLiteral(e)) return [e.text];
      if (ts.isConditionalExpression(e)) return [...idsOf(e.whenTrue, at), ...idsOf(e.whenFalse, at)];
      const known = COMPUTED[e.getText(sf)];
      if (!known) unknown.push(`${at}: ${e.getText(sf)}`);
      return known ?? [];
    };
    const keysOf = (e: ts.Expression | undefined): string[] | undefined =>
      e === undefined ? [] : ts.isObjectLiteralExpression(e) ? e.properties.map((p) => p.name!.getText(sf)).sort() : undefined;
    const visit = (n: ts.Node): void => {
      if (ts.isObjectLiteralExpression(n) && n.properties.length === 2) {
        const [a, b] = n.properties.map((p) => (ts.isPropertyAssignment(p) ? p : undefined));
        if (a && b && a.name.getText(sf) === 'id' && b.name.getText(sf) === 'data') uses.push({ where: where(n), ids: idsOf(a.initializer, where(n)), keys: keysOf(b.initializer) });
      }
      if (ts.isCallExpression(n) && n.expression.getText(sf) === 'said' && n.arguments.length >= 2) uses.push({ where: where(n), ids: idsOf(n.arguments[1]!, where(n)), keys: keysOf(n.arguments[2]) });
      // A user error thrown below the CLI without an id is worded in English only: these few are on purpose.
      if (ts.isNewExpression(n) && /^(Usage|Config|Io)Error$/.test(n.expression.getText(sf)) && !rel.startsWith('cli/') && (n.arguments?.length ?? 0) < 2) bare.push(`${path.basename(rel)}: ${n.arguments?.[0]?.getText(sf).slice(0, 48)}`);
      ts.forEachChild(n, visit);
    };
    visit(sf);
  }
  return { uses, unknown, bare };
}

describe('the Indonesian wording of errors and warnings raised below the CLI', () => {
  const { uses, unknown, bare } = messageUses();

  it('finds the ids given in src/ (a computed id is listed in COMPUTED)', () => {
    expect(unknown).toEqual([]);
    expect(uses.length).toBeGreaterThan(60);
  });

  it('has an Indonesian wording for every id, with the placeholders the data gives', () => {
    const wrong: string[] = [];
    for (const u of uses) {
      for (const id of u.ids) {
        const text = ERRORS_ID[id];
        if (text === undefined) wrong.push(`${u.where}: ${id} has no Indonesian wording`);
        else if (u.keys && JSON.stringify(placeholders(text)) !== JSON.stringify(u.keys)) wrong.push(`${u.where}: ${id} has {${placeholders(text).join('}, {')}}, data {${u.keys.join('}, {')}}`);
      }
    }
    expect(wrong).toEqual([]);
  });

  it('has no wording that no source gives', () => {
    const given = new Set(uses.flatMap((u) => u.ids));
    expect(Object.keys(ERRORS_ID).filter((k) => !given.has(k))).toEqual([]);
  });

  it('gives an id to every user error thrown below the CLI but the sentences made by the YAML and schema wording and the lint engine', () => {
    expect(bare.sort()).toEqual([
      // An unknown rule under `rules` (src/lint words its own messages).
      expect.stringMatching(/^engine\.ts: .*unknown rule/),
      // The YAML loader's and the schema's sentences, after the config's file:line:col.
      expect.stringMatching(/^load\.ts: `\$\{shown\}:\$\{first\.range/),
      expect.stringMatching(/^load\.ts: issues\.map/),
    ]);
  });

  it('keeps the English without --lang id or without a known id', () => {
    const ref = { id: 'files.notFound', data: { path: 'x/' } };
    expect(worded('en', 'No such file or folder: x/', ref)).toBe('No such file or folder: x/');
    expect(worded('id', 'No such file or folder: x/', ref)).toBe('Berkas atau folder tidak ditemukan: x/');
    expect(worded('id', 'Something new', { id: 'no.such.id', data: {} })).toBe('Something new');
    expect(worded('id', 'Something plain')).toBe('Something plain');
  });
});

describe('sop --lang id words errors and warnings from below the CLI', () => {
  const dirs: Array<{ cleanup: () => void }> = [];
  afterAll(() => dirs.forEach((d) => d.cleanup()));
  const tree = (files: Record<string, string>) => {
    const t = tempTree(files);
    dirs.push(t);
    return t.dir;
  };

  it('no SOP files: a missing folder, a glob that matches nothing, the config glob', async () => {
    const dir = tree({ 'sop.config.yaml': 'sops: prosedur/**/*.yaml\n' });
    expect(await sop(['lint', '--lang', 'id', 'hilang/'], dir)).toMatchObject({ code: 2, stderr: 'sop: Berkas atau folder tidak ditemukan: hilang/\n' });
    expect(await sop(['lint', 'hilang/'], dir)).toMatchObject({ code: 2, stderr: 'sop: No such file or folder: hilang/\n' });
    expect(await sop(['lint', '--lang', 'id', 'x/*.yaml'], dir)).toMatchObject({ code: 2, stderr: 'sop: Tidak ada berkas yang cocok dengan pola `x/*.yaml`.\n' });
    const all = await sop(['lint', '--lang', 'id'], dir);
    expect(all).toMatchObject({ code: 2, stderr: 'sop: Berkas SOP tidak ditemukan: glob SOP pada sop.config.yaml (sops: prosedur/**/*.yaml) tidak cocok dengan berkas apa pun. Jalankan sop di dalam repositori, atur `sops` di sop.config.yaml, atau sebutkan berkasnya.\n' });
    const env = await sop(['lint'], dir, { env: { NO_COLOR: '1', LANG: 'id_ID.UTF-8' } });
    expect(env.stderr).toBe(all.stderr);
    expect((await sop(['lint'], dir)).stderr).toBe('sop: No SOP files found: the SOP glob of sop.config.yaml (sops: prosedur/**/*.yaml) matches nothing. Run sop in the repository, set `sops` in sop.config.yaml, or name the files.\n');
  });

  it('a config error keeps its file:line:col', async () => {
    const dir = tree({ 'sop.config.yaml': 'locale: id\ntimeZone: Mars/Base\n', 'sops/KUL-001.yaml': minimalSop('KUL-001') });
    expect(await sop(['lint', '--lang', 'id'], dir)).toMatchObject({
      code: 2,
      stderr: 'sop: sop.config.yaml:2:11 timeZone "Mars/Base" bukan zona waktu yang dikenal sistem ini; gunakan nama IANA seperti Asia/Jakarta, Asia/Makassar, atau Asia/Jayapura.\n',
    });
    expect((await sop(['lint'], dir)).stderr).toBe('sop: sop.config.yaml:2:11 timeZone "Mars/Base" is not a time zone this system knows; use an IANA name such as Asia/Jakarta, Asia/Makassar or Asia/Jayapura.\n');
  });

  it('sop diff: an unknown SOP id and an unknown git revision; a shallow clone\'s note', async () => {
    const r = testRepo({ 'sops/KUL-001.yaml': minimalSop('KUL-001') });
    dirs.push(r);
    r.commit('one', '2025-01-02');
    r.write('sops/KUL-001.yaml', minimalSop('KUL-001').replace('title:', 'title: Baru\n_old_title:'));
    r.commit('two', '2025-01-03');
    expect(await sop(['diff', '--lang', 'id', 'KUL-999'], r.dir)).toMatchObject({ code: 2, stderr: 'sop: Tidak ada SOP dengan id atau path `KUL-999`.\n' });
    expect(await sop(['diff', '--lang', 'id', 'KUL-001', 'nowhere'], r.dir)).toMatchObject({ code: 2, stderr: `sop: Revisi git \`nowhere\` tidak dikenal: tidak ada commit dengan nama itu di ${r.dir}.\n` });
    expect((await sop(['diff', 'KUL-001', 'nowhere'], r.dir)).stderr).toBe(`sop: Unknown git revision \`nowhere\`: no commit by that name in ${r.dir}.\n`);
    const clone = tree({});
    r.git(['clone', '-q', '--depth', '1', `file://${r.dir}`, path.join(clone, 'c')]);
    const h = await sop(['history', '--lang', 'id', 'KUL-001'], path.join(clone, 'c'));
    expect(h.code, h.stderr).toBe(0);
    expect(h.stderr).toBe('sop: riwayat git dangkal (shallow): jalankan `git fetch --unshallow`, atau lakukan checkout dengan fetch-depth 0\n');
    expect((await sop(['history', 'KUL-001'], path.join(clone, 'c'))).stderr).toBe('sop: history is shallow: run `git fetch --unshallow`, or check out with fetch-depth 0\n');
  });

  it('the reasons after "not rendered"', async () => {
    const dir = tree({ 'sops/KUL-001.yaml': minimalSop('KUL-001'), 'sops/KUL-002.yaml': 'id: KUL-002\ntitle: Tanpa langkah\n' });
    const id = await sop(['render', '--lang', 'id', '--format', 'md', '--out', 'out'], dir);
    expect(id.code).toBe(1);
    expect(id.stderr).toContain('sop: tidak dicetak: sops/KUL-002.yaml: berkas ini memiliki kesalahan lint (gunakan --force untuk tetap memprosesnya)\n');
    const forced = await sop(['render', '--lang', 'id', '--force', '--format', 'md', '--out', 'out'], dir);
    expect(forced.stderr).toContain('sop: tidak dicetak: sops/KUL-002.yaml: berkas ini bukan dokumen SOP dengan daftar `actors` dan `steps`\n');
    const en = await sop(['render', '--format', 'md', '--out', 'out'], dir);
    expect(en.stderr).toContain('sop: not rendered: sops/KUL-002.yaml: it has lint errors (use --force to render it anyway)\n');
  });
});
