import path from 'node:path';
import { watch, type FSWatcher } from 'chokidar';
import { isDynamicPattern } from 'tinyglobby';
import { globFolder } from '../../util/inside.js';
import { CONFIG_FILE, type Config } from '../../config/types.js';
import { DEFAULT_PROCESS_MAP } from '../../config/process-map.js';
import type { PreviewOptions } from './snapshot.js';

/** What a change of the repository can come from: the config, the process map, the SOP glob's folder, named paths, templates. */
export function watchedPaths(config: Config | undefined, opts: PreviewOptions): string[] {
  const out: string[] = [];
  if (opts.configPath) out.push(path.resolve(opts.cwd, opts.configPath));
  if (config) {
    out.push(config.file ?? path.join(config.root, CONFIG_FILE));
    out.push(path.resolve(config.root, config.processes ?? DEFAULT_PROCESS_MAP));
    out.push(path.resolve(config.root, globFolder(config.sops)));
    if (config.templates) out.push(path.resolve(config.root, config.templates));
  }
  for (const p of opts.paths) out.push(path.resolve(opts.cwd, isDynamicPattern(p) ? globFolder(p) : p));
  if (opts.templates) out.push(opts.templates);
  return [...new Set(out)];
}

const SKIP = /(^|[/\\])(node_modules|\.git)([/\\]|$)/;

/** A file watcher that calls `onChange` once per burst of changes (debounced). */
export interface Watcher {
  /** Watch more paths (already watched ones are ignored). */
  add(paths: readonly string[]): void;
  /** Stop watching. */
  close(): Promise<void>;
}

/** Watch `paths` (files or folders, recursively; node_modules and .git left out); resolves once the watch is ready. */
export async function startWatcher(paths: readonly string[], onChange: () => void, onError: (e: Error) => void, debounceMs = 120): Promise<Watcher> {
  const seen = new Set(paths);
  let timer: NodeJS.Timeout | undefined;
  const watcher: FSWatcher = watch([...paths], { ignoreInitial: true, ignored: (p) => SKIP.test(p), atomic: true });
  watcher.on('all', () => {
    clearTimeout(timer);
    timer = setTimeout(onChange, debounceMs);
  });
  watcher.on('error', (e) => onError(e instanceof Error ? e : new Error(String(e))));
  await new Promise<void>((resolve) => watcher.once('ready', () => resolve()));
  return {
    add(more) {
      const fresh = more.filter((p) => !seen.has(p));
      for (const p of fresh) seen.add(p);
      if (fresh.length) watcher.add(fresh);
    },
    async close() {
      clearTimeout(timer);
      await watcher.close();
    },
  };
}
