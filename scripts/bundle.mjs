// Build step after `tsc` (`npm run build`): precompile the JSON Schemas and bundle the CLI into dist/cli/
// so that start-up resolves a handful of files instead of hundreds of ES modules (a pre-commit hook runs
// `sop lint` on one file). Heavy renderers stay external and are imported lazily. A build script, not
// part of the shipped package (dist/src).
import { rmSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { precompileSchemas } from '../dist/src/model/schema/build.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
precompileSchemas();
rmSync(path.join(root, 'dist', 'cli'), { recursive: true, force: true }); // no stale chunks from earlier builds
rmSync(path.join(root, 'dist', 'src', 'build'), { recursive: true, force: true }); // where older versions built this script
await build({
  entryPoints: [path.join(root, 'dist', 'src', 'cli', 'bin.js')],
  outdir: path.join(root, 'dist', 'cli'),
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  external: ['puppeteer-core', 'handlebars', 'markdown-it', 'exceljs'],
  banner: { js: "import { createRequire as __sopkitCreateRequire } from 'node:module'; const require = __sopkitCreateRequire(import.meta.url);" },
  logLevel: 'warning',
});
