import path from 'node:path';
import { UsageError } from '../../util/errors.js';
import { isUrl, resolveEvidence } from '../../model/evidence.js';
import { buildRepository, lintFile } from '../../lint/engine.js';
import { loadText } from '../../model/load.js';
import { openSopToEdit } from '../find-sop.js';
import { planRecord, recordMessage, setRecordValue, type RecordField, type RecordKind, type RecordValues } from '../../lifecycle/records.js';
import { writeSopEdit, type SopCommandOptions } from './write.js';
import type { StagePoint } from '../../lifecycle/transitions.js';
import { appendToList, editYaml } from '../../model/yaml-edit.js';
import { followUps, type FollowUp } from '../../lifecycle/follow-up.js';
import { closeSopGit, openSopGit, repoRel } from '../../git/repo.js';
import { timeline } from './history.js';

/** Options of `sop socialize|monitor|evaluate`. */
export interface RecordOptions extends SopCommandOptions {
  /** What to record. */
  kind: RecordKind;
  /** Given values. */
  values: RecordValues;
  /** Asks for a missing value (only when stdin is a terminal). */
  ask?: (f: RecordField) => Promise<string | undefined>;
}

/** What a record command did. */
export interface RecordResult {
  /** File as shown. */
  file: string;
  /** SOP id. */
  id: string;
  /** What was recorded. */
  kind: RecordKind;
  /** Position of the new entry in its list (0-based). */
  index: number;
  /** Stage before. */
  from: StagePoint;
  /** Stage after (evaluated when an implemented SOP was evaluated). */
  to: StagePoint;
  /** The evaluation's decision. */
  decision?: string;
  /** Commit id when committed. */
  commit?: string;
  /** Earlier evaluations that decided `revise`, with the revision that followed (null: none yet), from git history. */
  earlier: Array<{ date: string; followUp: FollowUp | null }>;
}

/** Where a new list goes: before the record lists that follow it in the format's order. */
const FOLLOWING: Record<string, string[]> = { socialization: ['monitoring', 'evaluations', 'supersededBy'], monitoring: ['evaluations', 'supersededBy'], evaluations: ['supersededBy'] };

const key = (d: { ruleId: string; message: string }) => `${d.ruleId}\u0000${d.message.replace(/\[\d+\]/g, '[]')}`;

/**
 * Evidence is written relative to the repository root; a path given relative to the working folder
 * (`sop monitor … --evidence ../evidence/x.pdf` from `sops/`) is rewritten so when it names a file inside the repository.
 */
export function rootRelative(root: string, cwd: string, ref: string): string {
  if (isUrl(ref) || resolveEvidence(root, ref).ok) return ref;
  const abs = path.resolve(cwd, ref);
  const rel = path.relative(root, abs);
  if (!rel || rel.startsWith('..') || path.isAbsolute(rel)) return ref;
  const posix = rel.split(path.sep).join('/');
  return resolveEvidence(root, posix).ok ? posix : ref;
}

/** Record socialisation, monitoring or an evaluation: validated like `sop lint` before anything is written. */
export async function sopRecord(opts: RecordOptions): Promise<RecordResult> {
  const { project, file, abs, data, id, today } = openSopToEdit(opts);
  const values: RecordValues = { ...opts.values, criteria: { ...opts.values.criteria } };
  const fromRoot = (ref: string | undefined) => (ref === undefined ? undefined : rootRelative(project.config.root, opts.cwd, ref));
  values.evidence = values.evidence?.map((e) => fromRoot(e)!);
  values.minutes = fromRoot(values.minutes);
  values.attendance = fromRoot(values.attendance);
  let plan = planRecord(data, opts.kind, values, today);
  if (!plan.ok && plan.missing.length && opts.ask) {
    for (const f of plan.missing) {
      const answer = (await opts.ask(f))?.trim();
      if (answer) setRecordValue(values, f.key, answer);
    }
    plan = planRecord(data, opts.kind, values, today);
  }
  const what = opts.kind === 'evaluation' ? 'evaluation' : `${opts.kind} record`;
  if (!plan.ok) {
    const parts = [...plan.errors, ...(plan.missing.length ? [`missing ${plan.missing.map((m) => `${m.flag} (${m.label})`).join(', ')}`] : [])];
    throw new UsageError(`${id}: the ${what} was not written: ${parts.join('; ')}.`, { id: `record.refused.${opts.kind}`, data: { id, reasons: parts.join('; ') } });
  }
  const { list, entry, from, to } = plan;
  const index = Array.isArray(data[list]) ? (data[list] as unknown[]).length : 0;
  const edit = (text: string) => {
    const added = appendToList(text, list, entry, FOLLOWING[list]);
    return to.status !== from.status ? editYaml(added, [{ path: ['status'], value: to.status }]) : added;
  };
  // A record that lint would reject is refused: errors the file did not have before.
  const check = (edited: string) => {
    const after = loadText(file.file, edited);
    const files = project.repo.files.map((f) => (f === file ? after : f));
    const repo = buildRepository(files, project.config);
    const before = new Set(lintFile(file, project.repo).filter((d) => d.severity === 'error').map(key));
    const fresh = lintFile(after, repo).filter((d) => d.severity === 'error' && !before.has(key(d)));
    if (fresh.length) {
      const lines = fresh.map((d) => `  ${d.file}:${d.range.start.line}:${d.range.start.column} ${d.message} (${d.ruleId})`);
      throw new UsageError(`${id}: the ${what} was not written, lint would reject it (positions in the file as it would be):\n${lines.join('\n')}`, {
        id: `record.lintRejects.${opts.kind}`,
        data: { id, problems: lines.join('\n') },
      });
    }
  };
  const commit = await writeSopEdit({ project, file, abs, edit, check, message: recordMessage(id, opts.kind, to), commit: opts.commit, write: opts.write, lock: opts.lock });
  const earlier = opts.kind === 'evaluation' ? await earlierRevisions(project.config, abs, data) : [];
  return { file: file.file, id, kind: opts.kind, index, from, to, decision: typeof entry.decision === 'string' ? entry.decision : undefined, commit, earlier };
}

/** The follow-up of each earlier `revise` decision, read from git history (from the file alone outside git). */
async function earlierRevisions(config: Parameters<typeof openSopGit>[0], abs: string, data: Record<string, any>): Promise<RecordResult['earlier']> {
  const evals: Array<{ date?: unknown; decision?: unknown }> = Array.isArray(data.evaluations) ? data.evaluations : [];
  if (!evals.some((e) => e?.decision === 'revise')) return [];
  const g = await openSopGit(config).catch(() => undefined);
  try {
    let history;
    if (g) {
      const rel = repoRel(g.info.root, abs);
      history = await timeline(g, g.lineages.live.get(rel), { data, path: rel, state: g.worktree.get(rel) });
    }
    const found = followUps(data, history);
    return [...found].map(([i, f]) => ({ date: String(evals[i]?.date), followUp: f ?? null }));
  } finally {
    await closeSopGit(g);
  }
}
