import { rmSync } from 'node:fs';
import path from 'node:path';
import { build } from 'esbuild';
import { packageRoot } from '../paths.js';
import { precompileSchemas } from '../lint/schema-build.js';

/**
 * Build step after `tsc`: precompile the JSON Schemas and bundle the CLI into dist/cli/ so that
 * start-up resolves a handful of files instead of hundreds of ES modules (a pre-commit hook runs
 * `sop lint` on one file). Heavy renderers stay external and are imported lazily.
 */
export async function bundle(): Promise<void> {
  const root = packageRoot();
  precompileSchemas();
  rmSync(path.join(root, 'dist', 'cli'), { recursive: true, force: true }); // no stale chunks from earlier builds
  await build({
    entryPoints: [path.join(root, 'dist', 'src', 'cli', 'bin.js')],
    outdir: path.join(root, 'dist', 'cli'),
    bundle: true,
    splitting: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    external: ['puppeteer-core', 'handlebars', 'markdown-it', 'simple-git', 'exceljs'],
    banner: { js: "import { createRequire as __sopkitCreateRequire } from 'node:module'; const require = __sopkitCreateRequire(import.meta.url);" },
    logLevel: 'warning',
  });
}

await bundle();
