import path from 'node:path';
import type { Config, Locale } from '../../config/types.js';
import { isUserError, type MessageRef } from '../../util/errors.js';
import type { Diagnostic } from '../../lint/diagnostic.js';
import { lintRepository, lintTargets } from '../../lint/engine.js';
import type { LoadedFile } from '../../model/load.js';
import type { Sop } from '../../model/types.js';
import { openProject } from '../project.js';
import type { RevisionRow } from '../../lifecycle/revision-row.js';
import { dayOf } from '../../model/day.js';
import { logoDataUri } from '../../render/assets.js';
import { outputBase } from '../render/project.js';
import { sopIndex, unrenderable } from '../render/select.js';
import type { IndexEntry } from '../../render/view.js';

/** What the preview shows: the repository (or the named paths) and how to render. */
export interface PreviewOptions {
  /** Folder paths are relative to. */
  cwd: string;
  /** Files, folders or globs; empty for the config's SOP glob. */
  paths: readonly string[];
  /** Explicit config file. */
  configPath?: string;
  /** Overrides the config's locale. */
  locale?: Locale;
  /** User template folder (absolute). */
  templates?: string;
  /** "Riwayat Revisi" rows from git, when wanted. */
  histories?: (root: string, absFiles: readonly string[]) => Promise<Map<string, RevisionRow[] | undefined>>;
}

/** One SOP file of the preview. */
export interface PreviewEntry {
  /** Its route key (`/sop/<key>`): the SOP id when it has one, kept for the file while the server runs. */
  key: string;
  /** The file as shown to the user. */
  file: string;
  /** Absolute path. */
  abs: string;
  /** The loaded file. */
  loaded: LoadedFile;
  /** Field values for the index (text, empty when missing). */
  id: string;
  title: string;
  unit: string;
  status: string;
  /** Its lint diagnostics, in order. */
  diagnostics: Diagnostic[];
  /** Why it cannot be rendered even with force, or undefined. */
  unrenderable?: string;
}

/** The repository as linted at one moment. */
export interface PreviewSnapshot {
  /** Changes whenever the files do (the page polls it). */
  version: string;
  /** A problem that stops the whole project from opening (a broken config), else undefined. */
  fatal?: string;
  /** The id and data of the fatal error, when it has them. */
  fatalRef?: MessageRef;
  /** The configuration (absent when fatal). */
  config?: Config;
  /** The SOP files, in order. */
  entries: PreviewEntry[];
  /** Other linted files (the process map): their diagnostics and text. */
  others: Array<{ file: string; diagnostics: Diagnostic[]; text: string }>;
  /** Keterkaitan links of the documents. */
  index: Map<string, IndexEntry>;
  /** The logo as a data URI. */
  logo?: string;
}

/** Route keys, stable for a file while the server runs (an edit that breaks the id keeps the page). */
export class RouteKeys {
  private readonly byAbs = new Map<string, string>();
  private readonly used = new Set<string>();

  /** The key of `abs`, first given from `base` (made unique). */
  keyOf(abs: string, base: string): string {
    let key = this.byAbs.get(abs);
    if (key !== undefined) return key;
    key = base;
    for (let n = 2; this.used.has(key); n++) key = `${base}-${n}`;
    this.byAbs.set(abs, key);
    this.used.add(key);
    return key;
  }

  /** The key already given to `abs`, if any. */
  existing(abs: string): string | undefined {
    return this.byAbs.get(abs);
  }
}

const text = (v: unknown): string => (typeof v === 'string' ? v : typeof v === 'number' ? String(v) : '');

/** Open and lint the project (synchronous: files and config are read again each time). */
export function takeSnapshot(opts: PreviewOptions, keys: RouteKeys, version: string, now: Date): PreviewSnapshot {
  let project;
  try {
    project = openProject({ cwd: opts.cwd, paths: opts.paths, configPath: opts.configPath });
  } catch (e) {
    if (!isUserError(e)) throw e;
    return { version, fatal: e.message, fatalRef: e.id ? { id: e.id, data: e.data ?? {} } : undefined, entries: [], others: [], index: new Map() };
  }
  project.repo.today = dayOf(now, project.config.timeZone);
  const report = lintRepository(lintTargets(project), project.repo);
  const byFile = new Map(report.files.map((f) => [f.file, f.diagnostics]));
  const entries: PreviewEntry[] = project.targets.map((f) => {
    const abs = project.absPaths.get(f.file) ?? path.resolve(opts.cwd, f.file);
    const data = (f.data && typeof f.data === 'object' ? f.data : {}) as Record<string, unknown>;
    return {
      key: keys.keyOf(abs, outputBase(f)),
      file: f.file,
      abs,
      loaded: f,
      id: text(data.id),
      title: text(data.title),
      unit: text(data.unit),
      status: text(data.status),
      diagnostics: byFile.get(f.file) ?? [],
      unrenderable: unrenderable(f),
    };
  });
  const keyOfId = new Map<string, string>();
  for (const e of entries) if (e.id && !keyOfId.has(e.id)) keyOfId.set(e.id, e.key);
  const index = sopIndex(project.repo, (id) => `/doc/${encodeURIComponent(keyOfId.get(id) ?? id)}`);
  const others = report.files
    .filter((f) => !entries.some((e) => e.file === f.file))
    .map((f) => ({ ...f, text: project.mapTarget?.file === f.file ? project.mapTarget.text : '' }));
  let logo: string | undefined;
  try {
    logo = logoDataUri(project.config);
  } catch (e) {
    if (!isUserError(e)) throw e;
  }
  return { version, config: project.config, entries, others, index, logo };
}

/** Render the document of an entry as `sop render` would (with force); undefined when it cannot be. */
export async function renderEntry(snap: PreviewSnapshot, entry: PreviewEntry, opts: PreviewOptions, now: Date): Promise<string | undefined> {
  const config = snap.config;
  if (!config || entry.unrenderable) return undefined;
  const { renderHtml } = await import('../../render/index.js');
  const history = opts.histories && config.history ? (await opts.histories(config.root, [entry.abs])).get(entry.abs) : undefined;
  return renderHtml(entry.loaded.data as Sop, { config, locale: opts.locale, now, index: snap.index, logo: snap.logo, history, templates: opts.templates });
}
