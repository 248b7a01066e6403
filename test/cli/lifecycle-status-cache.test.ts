import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { gitProcessCount } from '../../src/git/git.js';
import { STATUS_CACHE_FILE, STATUS_HISTORY_FILE } from '../../src/git/status-cache.js';
import { minimalSop, sop } from '../helpers/cli.js';
import { life, scriptLife } from '../lifecycle/life.js';
import { testRepo, type TestRepo } from '../lifecycle/repo-helper.js';

const repos: TestRepo[] = [];
afterEach(() => repos.splice(0).forEach((r) => r.cleanup()));

/** A repository with a config file (the cache lives next to it), KUL-001's scripted life and a draft KUL-002. */
function lived(): { r: TestRepo; hashes: string[] } {
  const r = testRepo({ 'sop.config.yaml': 'locale: id\n', 'sops/kul-002.yaml': minimalSop('KUL-002') });
  repos.push(r);
  const hashes = scriptLife(r);
  return { r, hashes };
}

type Row = Record<string, unknown>;

/**
 * `sop status -f json` with the cache, checked against a run without it (same rows, same warnings);
 * returns the rows and the git processes the cached run started.
 */
async function status(r: TestRepo, args: string[] = []): Promise<{ rows: Row[]; processes: number }> {
  const before = gitProcessCount();
  const cached = await sop(['status', '-f', 'json', '--today', '2025-07-01', ...args], r.dir);
  const processes = gitProcessCount() - before;
  expect(cached.code, cached.stderr).toBe(0);
  const fresh = await sop(['status', '-f', 'json', '--today', '2025-07-01', '--no-cache', ...args], r.dir);
  expect(fresh.code, fresh.stderr).toBe(0);
  expect(cached.stdout).toBe(fresh.stdout);
  expect(cached.stderr).toBe(fresh.stderr);
  return { rows: (JSON.parse(cached.stdout) as { sops: Row[] }).sops, processes };
}

const cacheFile = (r: TestRepo) => path.join(r.dir, STATUS_CACHE_FILE);
const historyFile = (r: TestRepo) => path.join(r.dir, STATUS_HISTORY_FILE);
const short = (h: string) => h.slice(0, 7);

describe('sop status cache', () => {
  it('is written next to the config, kept out of git, and read back without git log or cat-file', async () => {
    const { r, hashes } = lived();
    const first = await status(r);
    expect(existsSync(cacheFile(r))).toBe(true);
    expect(r.git(['status', '--porcelain'])).toBe(''); // .sop-cache/.gitignore ignores the folder
    expect(first.rows.map((s) => [s.id, s.stage, s.since, s.approvalCommit])).toEqual([
      ['KUL-001', 'approved', '2025-06-02', short(hashes[5]!)],
      ['KUL-002', 'draft', '2024-03-11', undefined],
    ]);
    expect(existsSync(historyFile(r))).toBe(true);
    const warm = await status(r);
    expect(warm.rows).toEqual(first.rows);
    // rev-parse, the filter drivers and git status: the rows come from the cache
    expect(warm.processes).toBe(3);
    expect(first.processes).toBeGreaterThan(warm.processes);
    // an uncommitted edit: its row is worked out from the cached history and blobs, still without git log or cat-file
    r.write('sops/kul-001.yaml', life.approved1.replace('status: approved', 'status: implemented').replace('implemented: 2024-05-02', 'implemented: 2025-06-30'));
    const edited = await status(r);
    expect(edited.rows[0]).toMatchObject({ stage: 'implemented', uncommitted: 'modified', changedAfterApproval: false });
    expect(edited.rows[0]!.since).toBeUndefined();
    expect(edited.processes).toBe(3);
  });

  it('continues the cached history over new commits, and reads it again when HEAD goes elsewhere', async () => {
    const { r, hashes } = lived();
    await status(r);
    // an edit without a revision, committed: one rev-list and one log of the new commit, one cat-file for its blob
    r.write('sops/kul-001.yaml', life.approved1.replace('title: Contoh', 'title: Contoh baru'));
    r.commit('Fix title', '2025-06-20');
    let run = await status(r);
    expect(run.rows[0]).toMatchObject({ since: '2025-06-02', approvalCommit: short(hashes[5]!), changedAfterApproval: true });
    expect(run.processes).toBe(6);
    // a rename and a stage change, two commits at once
    r.rename('sops/kul-001.yaml', 'sops/umum/kul-001.yaml');
    r.commit('Move KUL-001', '2025-06-21');
    r.write('sops/kul-002.yaml', minimalSop('KUL-002').replace('title: Contoh', 'title: Dua'));
    const edit2 = r.commit('Edit KUL-002', '2025-06-22');
    run = await status(r);
    expect(run.rows.map((s) => [s.file, s.since])).toEqual([
      ['sops/kul-002.yaml', '2024-03-11'],
      ['sops/umum/kul-001.yaml', '2025-06-02'],
    ]);
    expect(JSON.parse(readFileSync(cacheFile(r), 'utf8')).at.head).toBe(edit2);
    expect(JSON.parse(readFileSync(historyFile(r), 'utf8')).history.head).toBe(edit2);
    // an uncommitted promote, then the same text committed: the row changes though the text does not
    r.write('sops/umum/kul-001.yaml', life.approved1.replace('title: Contoh', 'title: Contoh baru').replace('status: approved', 'status: implemented').replace('implemented: 2024-05-02', 'implemented: 2025-06-30'));
    const uncommitted = (await status(r)).rows[1]!;
    expect(uncommitted).toMatchObject({ stage: 'implemented', uncommitted: 'modified' });
    expect(uncommitted.since).toBeUndefined();
    const promoted = r.commit('sop(KUL-001): implemented', '2025-06-30');
    expect((await status(r)).rows[1]).toMatchObject({ stage: 'implemented', since: '2025-06-30', sinceCommit: short(promoted), approvalCommit: short(hashes[5]!) });
    // back in time (HEAD is an ancestor of the cached commit), then forward again
    for (const h of [hashes[1]!, hashes[4]!, 'main']) {
      r.git(['checkout', '-q', h]);
      await status(r);
    }
  });

  it('reads a rewritten history again (amend, reset and a new commit)', async () => {
    const { r, hashes } = lived();
    await status(r);
    r.git(['commit', '-q', '--amend', '--date', '2025-06-03T12:00:00+07:00', '-m', 'approved, amended']);
    const amended = r.git(['rev-parse', 'HEAD']).trim();
    let run = await status(r);
    expect(run.rows[0]).toMatchObject({ since: '2025-06-03', sinceCommit: short(amended), approvalCommit: short(amended) });
    r.git(['reset', '-q', '--hard', hashes[4]!]);
    r.write('sops/kul-001.yaml', life.approved1.replace('name: Siti Aminah', 'name: Budi Santoso'));
    const other = r.commit('approved by another', '2025-06-05');
    run = await status(r);
    expect(run.rows[0]).toMatchObject({ since: '2025-06-05', approvalCommit: short(other), approvedBy: 'Sekretaris, Budi Santoso' });
  });

  it('reads the whole history again after a merge whose commits are older than the cached one', async () => {
    // main: draft (03-11) → approved (04-01, cached); side, from the draft: an x- note (03-20), merged on 04-03.
    // A date-ordered walk puts the side commit between the two: continuing the cached walk would put it last.
    const r = testRepo({ 'sop.config.yaml': 'locale: id\n', 'sops/kul-001.yaml': life.draft0 });
    repos.push(r);
    r.commit('draft', '2024-03-11');
    r.git(['checkout', '-q', '-b', 'side']);
    r.write('sops/kul-001.yaml', `${life.draft0}x-note: side\n`);
    r.commit('note', '2024-03-20');
    r.git(['checkout', '-q', 'main']);
    r.write('sops/kul-001.yaml', life.approved0);
    const approved = r.commit('approved', '2024-04-01');
    expect((await status(r)).rows[0]).toMatchObject({ stage: 'approved', since: '2024-04-01', approvalCommit: short(approved) });
    r.git(['merge', '-q', '--no-ff', '-m', 'Merge side', 'side'], { GIT_AUTHOR_DATE: '2024-04-03T10:00:00+07:00', GIT_COMMITTER_DATE: '2024-04-03T10:00:00+07:00' });
    expect(readFileSync(path.join(r.dir, 'sops/kul-001.yaml'), 'utf8')).toContain('x-note: side');
    const run = await status(r);
    expect(run.rows[0]).toMatchObject({ stage: 'approved', since: '2024-04-01', approvalCommit: short(approved), changedAfterApproval: true });
    expect(run.processes).toBe(7); // the rev-list saw the merge: a whole log after the short one
  });

  it('ignores a damaged cache (each part of it), replaces it, and never fails on a cache it cannot write', async () => {
    const { r } = lived();
    r.write('sops/kul-001.yaml', life.approved1.replace('title: Contoh', 'title: Diubah')); // uncommitted, changed after approval
    const good = (await status(r)).rows;
    expect(good[0]).toMatchObject({ changedAfterApproval: true, uncommitted: 'modified' });
    const valid = { cache: readFileSync(cacheFile(r), 'utf8'), history: readFileSync(historyFile(r), 'utf8') };
    const each = (o: Record<string, any>, f: (v: any) => void) => Object.values(o).forEach(f);
    // history.json is read when a row is not in cache.json: those variants drop the rows too
    const inCache = (f: (c: any) => void) => ({ cache: f, history: undefined });
    const inHistory = (f: (c: any) => void) => ({ cache: (c: any) => (c.rows = {}), history: f });
    const variants: Array<{ cache?: ((c: any) => void) | string; history?: ((c: any) => void) | string }> = [
      { cache: '' },
      { cache: 'not json {' },
      { cache: valid.cache.slice(0, valid.cache.length / 2) },
      { cache: '[]' },
      { history: 'not json {', cache: (c: any) => (c.rows = {}) },
      inCache((c) => (c.format = 0)),
      inCache((c) => (c.sopkit = '0.0.0-other')),
      inCache((c) => (c.at.head = '--output=/tmp/sopkit-never')),
      inCache((c) => each(c.rows, (row) => (row.since = ['x', 'y']))),
      inCache((c) => each(c.rows, (row) => (row.changed = 'yes'))),
      inCache((c) => each(c.texts, (t) => (t.data = 'x'))),
      inCache((c) => each(c.texts, (t) => delete t.fp)),
      inHistory((h) => (h.sopkit = '0.0.0-other')),
      inHistory((h) => (h.history.head = '0'.repeat(40))),
      inHistory((h) => (h.history.commits[0] = 'x')),
      inHistory((h) => (h.history.live[0][1][0][0] = 99)),
      inHistory((h) => (h.history.live = [h.history.live[0], h.history.live[0]])),
      inHistory((h) => each(h.blobs, (b) => (b.stage = { status: 5 }))),
      inHistory((h) => each(h.blobs, (b) => (b.fp = 7))),
    ];
    const damage = (text: string, f: ((c: any) => void) | string | undefined) => {
      if (typeof f === 'string' || f === undefined) return f ?? text;
      const c = JSON.parse(text);
      f(c);
      return JSON.stringify(c);
    };
    for (const v of variants) {
      writeFileSync(cacheFile(r), damage(valid.cache, v.cache));
      writeFileSync(historyFile(r), damage(valid.history, v.history));
      expect((await status(r)).rows).toEqual(good);
      // written anew
      expect(JSON.parse(readFileSync(cacheFile(r), 'utf8')).format).toBe(1);
      expect(JSON.parse(readFileSync(historyFile(r), 'utf8')).format).toBe(1);
    }
    expect(existsSync('/tmp/sopkit-never')).toBe(false);
    // a file where the cache folder should be: nothing is written, nothing fails
    rmSync(path.join(r.dir, '.sop-cache'), { recursive: true });
    writeFileSync(path.join(r.dir, '.sop-cache'), 'not a folder\n');
    expect((await status(r)).rows).toEqual(good);
    expect(readFileSync(path.join(r.dir, '.sop-cache'), 'utf8')).toBe('not a folder\n');
  });

  it('is never read or written through a .sop-cache that is a symbolic link', async () => {
    const { r } = lived();
    const outside = mkdtempSync(path.join(tmpdir(), 'sopkit-outside-'));
    try {
      symlinkSync(outside, path.join(r.dir, '.sop-cache'));
      await status(r);
      await status(r);
      expect(readdirSync(outside)).toEqual([]);
    } finally {
      rmSync(outside, { recursive: true, force: true });
    }
  });

  it('--no-cache neither reads nor writes it; no config file, no cache', async () => {
    const { r } = lived();
    const res = await sop(['status', '--no-cache'], r.dir);
    expect(res.code, res.stderr).toBe(0);
    expect(existsSync(path.join(r.dir, '.sop-cache'))).toBe(false);
    // a cache that says otherwise than the files (by hand: a digest collision never happens) is read, unless --no-cache
    expect((await sop(['status'], r.dir)).code).toBe(0);
    const c = JSON.parse(readFileSync(cacheFile(r), 'utf8'));
    for (const t of Object.values(c.texts) as Array<{ data: Row }>) t.data.title = 'From the cache';
    writeFileSync(cacheFile(r), JSON.stringify(c));
    const titles = async (args: string[]) => (JSON.parse((await sop(['status', '-f', 'json', ...args], r.dir)).stdout).sops as Row[]).map((s) => s.title);
    expect(await titles([])).toEqual(['From the cache', 'From the cache']);
    expect(await titles(['--no-cache'])).toEqual(['Contoh', 'Contoh']);
    const plain = testRepo({ 'sops/kul-001.yaml': life.draft0 });
    repos.push(plain);
    plain.commit('draft', '2024-03-11');
    expect((await sop(['status'], plain.dir)).code).toBe(0);
    expect(existsSync(path.join(plain.dir, '.sop-cache'))).toBe(false);
  });
});
