import type { HistoryEntry } from './history.js';

/** The revision that followed an evaluation's `revise` decision. */
export interface FollowUp {
  /** The revision number it started. */
  revision: number;
  /** Day it started (the commit's day, or `dates.revised` when uncommitted or without git). */
  date: string;
  /** Commit that started it (absent when uncommitted or without git). */
  commit?: string;
}

/**
 * For each evaluation (by index) that decided `revise`: the first revision started on or after its date,
 * read from the SOP's history (commits, then the uncommitted working tree); where history does not show
 * the current revision starting, the file's own `revision` and `dates.revised`.
 */
export function followUps(data: Record<string, any>, history?: readonly HistoryEntry[]): Map<number, FollowUp | undefined> {
  const out = new Map<number, FollowUp | undefined>();
  const evals: unknown[] = Array.isArray(data.evaluations) ? data.evaluations : [];
  const starts: FollowUp[] = [];
  if (history) {
    for (const e of history) {
      const t = e.transition;
      if (!t || !t.verdict.ok || t.verdict.kind !== 'revision' || t.to.revision === undefined) continue;
      const revisedOn = (e.change === 'W' ? (data.dates?.revised as string | undefined) : e.commit?.date.slice(0, 10)) ?? '';
      starts.push({ revision: t.to.revision, date: revisedOn, commit: e.commit?.hash });
    }
  }
  // The file's own revision, when history does not show it starting (no git, or committed already revised).
  if (Number.isInteger(data.revision) && data.revision > 0 && typeof data.dates?.revised === 'string' && !starts.some((s) => s.revision === data.revision)) {
    starts.push({ revision: data.revision as number, date: data.dates.revised as string });
  }
  starts.sort((a, b) => a.date.localeCompare(b.date));
  evals.forEach((e, i) => {
    const ev = e as { date?: unknown; decision?: unknown } | null;
    if (!ev || ev.decision !== 'revise' || typeof ev.date !== 'string') return;
    out.set(i, starts.find((s) => s.date >= (ev.date as string)));
  });
  return out;
}
