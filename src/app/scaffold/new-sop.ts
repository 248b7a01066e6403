import { existsSync } from 'node:fs';
import path from 'node:path';
import { resolveConfig } from '../../config/load.js';
import { dayOf, type Now } from '../../model/day.js';
import type { Config, Unit } from '../../config/types.js';
import { UsageError } from '../../util/errors.js';
import { loadFile } from '../../model/load.js';
import { ID_PATTERN } from '../../model/types.js';
import { repositoryFiles } from '../../config/files.js';
import { draftFileName, draftSopText } from './draft.js';
import { nextNumber } from './numbering.js';
import { schemaRef } from './schema-ref.js';

/** What `sop new` was asked for. */
export interface NewSopOptions {
  /** Working folder (the config is found from here). */
  cwd: string;
  /** The new SOP's id. */
  id: string;
  /** Nama SOP. */
  title: string;
  /** A unit code or name; default: the configured unit whose code starts the id. */
  unit?: string;
  /** Business-process code. */
  process?: string;
  /** Explicit config file. */
  configPath?: string;
  /** Tanggal Pembuatan: a day YYYY-MM-DD, or the clock whose day (in the config's time zone) it is. */
  created: Now;
}

/** The draft `sop new` writes. */
export interface NewSopPlan {
  /** Absolute path of the new file. */
  file: string;
  /** The file's text. */
  text: string;
  /** The unit it belongs to (code and name). */
  unit: Unit;
  /** The proposed number, when one was derived. */
  number?: string;
  /** Why there is no number, when there is none. */
  noNumber?: string;
}

interface Existing {
  id: string;
  number?: string;
  unit?: string;
  dir: string;
  file: string;
}

function existingSops(config: Config): Existing[] {
  const out: Existing[] = [];
  for (const abs of repositoryFiles(config)) {
    const data = loadFile(abs).data as Record<string, unknown> | undefined;
    if (!data || typeof data !== 'object') continue;
    const str = (v: unknown) => (typeof v === 'string' ? v : undefined);
    const id = str(data.id);
    if (id) out.push({ id, number: str(data.number), unit: str(data.unit), dir: path.dirname(abs), file: abs });
  }
  return out;
}

/** The static folder in front of the SOP glob (`sops/**` → `<root>/sops`). */
function sopsBase(config: Config): string {
  const parts = config.sops.split('/');
  const fixed: string[] = [];
  for (const p of parts) {
    if (/[*?{[\]!]/.test(p)) break;
    fixed.push(p);
  }
  if (fixed.length === parts.length) fixed.pop(); // a glob naming one file
  return path.join(config.root, ...fixed);
}

function mostCommon(values: string[]): string | undefined {
  const counts = new Map<string, number>();
  for (const v of values) counts.set(v, (counts.get(v) ?? 0) + 1);
  return [...counts].sort((a, b) => b[1] - a[1])[0]?.[0];
}

/** Resolve `--unit` (a code or a name) to a unit and its folder. */
function resolveUnit(config: Config, existing: Existing[], id: string, given: string | undefined): { unit: Unit; dir: string } {
  const base = sopsBase(config);
  const prefix = id.split('-')[0]!;
  const lower = given?.trim().toLowerCase();
  const configured = lower === undefined ? config.units.find((u) => u.code === prefix) : config.units.find((u) => u.code.toLowerCase() === lower || u.name.toLowerCase() === lower);
  if (configured) return { unit: configured, dir: path.join(base, configured.code.toLowerCase()) };
  if (given === undefined) {
    const codes = config.units.map((u) => u.code).join(', ');
    throw new UsageError(`Name the unit with --unit <code or name>${codes ? ` (the config's units: ${codes})` : ''}; no configured unit has the code ${prefix}.`, codes ? { id: 'new.unitMissingCodes', data: { codes, prefix } } : { id: 'new.unitMissing', data: { prefix } });
  }
  if (config.units.length > 0) {
    const list = config.units.map((u) => `${u.code} (${u.name})`).join(', ');
    throw new UsageError(`Unknown unit "${given}". The units of ${config.file ? path.basename(config.file) : 'the config'} are: ${list}. Add the unit to \`units\` there, or use one of these.`, config.file ? { id: 'new.unitUnknown', data: { unit: given, config: path.basename(config.file), units: list } } : { id: 'new.unitUnknownNoFile', data: { unit: given, units: list } });
  }
  // No units configured: learn from the SOPs already there (by unit name, or by folder name).
  const byName = existing.filter((e) => e.unit?.toLowerCase() === lower);
  if (byName.length > 0) return { unit: { code: prefix, name: byName[0]!.unit! }, dir: mostCommon(byName.map((e) => e.dir))! };
  const byFolder = existing.filter((e) => path.basename(e.dir).toLowerCase() === lower);
  if (byFolder.length > 0) {
    const name = mostCommon(byFolder.map((e) => e.unit).filter((u): u is string => Boolean(u)));
    if (name) return { unit: { code: given.trim().toUpperCase(), name }, dir: byFolder[0]!.dir };
  }
  return { unit: { code: prefix, name: given.trim() }, dir: path.join(base, prefix.toLowerCase()) };
}

/** Plan a draft SOP: checks the id is new, finds the unit's folder and the next number. Writes nothing. */
export function planNewSop(opts: NewSopOptions): NewSopPlan {
  const { id } = opts;
  if (!ID_PATTERN.test(id)) throw new UsageError(`"${id}" is not an SOP id: upper-case letters and digits in parts joined by "-", e.g. KUL-016.`, { id: 'new.badId', data: { id } });
  if (!opts.title.trim()) throw new UsageError('--title must not be empty.', { id: 'new.titleEmpty', data: {} });
  if (typeof opts.created === 'string' && !/^\d{4}-\d{2}-\d{2}$/.test(opts.created)) throw new UsageError(`--date must be YYYY-MM-DD, got "${opts.created}".`, { id: 'new.badDate', data: { date: opts.created } });
  const config = resolveConfig(opts.cwd, undefined, opts.configPath);
  const created = dayOf(opts.created, config.timeZone);
  const existing = existingSops(config);
  const taken = existing.find((e) => e.id === id);
  if (taken) throw new UsageError(`${id} exists already: ${path.relative(opts.cwd, taken.file) || taken.file}. Choose another id (nothing was written).`, { id: 'new.idTaken', data: { id, file: path.relative(opts.cwd, taken.file) || taken.file } });
  const { unit, dir } = resolveUnit(config, existing, id, opts.unit);
  const file = path.join(dir, draftFileName(id, opts.title));
  if (existsSync(file)) throw new UsageError(`${path.relative(opts.cwd, file)} exists already; nothing was written.`, { id: 'new.fileExists', data: { file: path.relative(opts.cwd, file) } });
  let number: string | undefined;
  let noNumber: string | undefined;
  if (config.numbering.pattern) {
    const [year, month] = created.split('-').map(Number) as [number, number];
    number = nextNumber({
      pattern: config.numbering.pattern,
      existing: existing.map((e) => e.number).filter((n): n is string => Boolean(n)),
      unitCode: unit.code,
      date: { year, month },
    });
    if (!number) noNumber = 'no number follows from numbering.pattern; a draft needs none until approval';
  } else noNumber = 'no numbering.pattern in the config; a draft needs no number until approval';
  const text = draftSopText({
    id,
    title: opts.title.trim(),
    unit: unit.name,
    process: opts.process,
    number,
    created,
    schemaRef: schemaRef('sop', dir, config.root),
  });
  return { file, text, unit, number, noNumber };
}
