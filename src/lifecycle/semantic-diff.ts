import { stableJson } from './content.js';

/** A changed field outside steps and actors (dotted path, e.g. `dates.effective`). */
export interface FieldChange {
  /** Dotted path. */
  path: string;
  /** Value before (undefined when added). */
  before?: unknown;
  /** Value after (undefined when removed). */
  after?: unknown;
}

/** A step added, removed or changed. */
export interface StepChange {
  /** What happened. */
  kind: 'added' | 'removed' | 'changed';
  /** Step number in the new version (added, changed) or the old one (removed). */
  number: number;
  /** Number in the old version, when a changed step moved. */
  oldNumber?: number;
  /** Keys that differ (changed steps). */
  keys: string[];
  /** The step before. */
  before?: Record<string, unknown>;
  /** The step after. */
  after?: Record<string, unknown>;
}

/** An actor (lane) added, removed or renamed, by id. */
export interface ActorChange {
  /** What happened. */
  kind: 'added' | 'removed' | 'changed';
  /** Actor id. */
  id: string;
  /** Name before. */
  before?: string;
  /** Name after. */
  after?: string;
}

/** The meaningful differences between two versions of an SOP. */
export interface SemanticDiff {
  /** Top-level and nested fields (not steps, not actors). */
  fields: FieldChange[];
  /** Lanes. */
  actors: ActorChange[];
  /** Steps, by number. */
  steps: StepChange[];
}

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => !!v && typeof v === 'object' && !Array.isArray(v);
const same = (a: unknown, b: unknown) => stableJson(a) === stableJson(b);
const NESTED = new Set(['dates', 'approval']);

function diffFields(a: Obj, b: Obj): FieldChange[] {
  const out: FieldChange[] = [];
  const keys = [...new Set([...Object.keys(a), ...Object.keys(b)])].filter((k) => k !== 'steps' && k !== 'actors');
  for (const k of keys) {
    const x = a[k];
    const y = b[k];
    if (same(x, y)) continue;
    if (NESTED.has(k) && (isObj(x) || x === undefined) && (isObj(y) || y === undefined)) {
      const xo = (x ?? {}) as Obj;
      const yo = (y ?? {}) as Obj;
      for (const sub of [...new Set([...Object.keys(xo), ...Object.keys(yo)])]) {
        if (!same(xo[sub], yo[sub])) out.push({ path: `${k}.${sub}`, before: xo[sub], after: yo[sub] });
      }
    } else out.push({ path: k, before: x, after: y });
  }
  return out;
}

function diffActors(a: unknown, b: unknown): ActorChange[] {
  const map = (v: unknown) => new Map((Array.isArray(v) ? v : []).filter(isObj).map((o) => [String(o.id), String(o.name ?? '')] as const));
  const x = map(a);
  const y = map(b);
  const out: ActorChange[] = [];
  for (const [id, name] of x) {
    if (!y.has(id)) out.push({ kind: 'removed', id, before: name });
    else if (y.get(id) !== name) out.push({ kind: 'changed', id, before: name, after: y.get(id) });
  }
  for (const [id, name] of y) if (!x.has(id)) out.push({ kind: 'added', id, after: name });
  return out;
}

/** Longest common subsequence of two key lists: matched index pairs. */
function lcs(a: string[], b: string[]): Array<[number, number]> {
  const n = a.length;
  const m = b.length;
  const t: number[][] = Array.from({ length: n + 1 }, () => new Array<number>(m + 1).fill(0));
  for (let i = n - 1; i >= 0; i--) for (let j = m - 1; j >= 0; j--) t[i]![j] = a[i] === b[j] ? t[i + 1]![j + 1]! + 1 : Math.max(t[i + 1]![j]!, t[i]![j + 1]!);
  const pairs: Array<[number, number]> = [];
  let i = 0;
  let j = 0;
  while (i < n && j < m) {
    if (a[i] === b[j]) {
      pairs.push([i, j]);
      i++;
      j++;
    } else if (t[i + 1]![j]! >= t[i]![j + 1]!) i++;
    else j++;
  }
  return pairs;
}

function diffSteps(a: unknown, b: unknown): StepChange[] {
  const xs = (Array.isArray(a) ? a : []).map((s) => (isObj(s) ? s : ({ activity: s } as Obj)));
  const ys = (Array.isArray(b) ? b : []).map((s) => (isObj(s) ? s : ({ activity: s } as Obj)));
  const pairs = lcs(xs.map(stableJson), ys.map(stableJson));
  const out: StepChange[] = [];
  let pi = 0;
  let pj = 0;
  const gap = (i1: number, j1: number) => {
    const removed = xs.slice(pi, i1).map((s, k) => ({ s, n: pi + k + 1 }));
    const added = ys.slice(pj, j1).map((s, k) => ({ s, n: pj + k + 1 }));
    const paired = Math.min(removed.length, added.length);
    for (let k = 0; k < paired; k++) {
      const before = removed[k]!;
      const after = added[k]!;
      const keys = [...new Set([...Object.keys(before.s), ...Object.keys(after.s)])].filter((key) => !same(before.s[key], after.s[key]));
      out.push({ kind: 'changed', number: after.n, oldNumber: before.n !== after.n ? before.n : undefined, keys, before: before.s, after: after.s });
    }
    for (const r of removed.slice(paired)) out.push({ kind: 'removed', number: r.n, keys: [], before: r.s });
    for (const d of added.slice(paired)) out.push({ kind: 'added', number: d.n, keys: [], after: d.s });
  };
  for (const [i, j] of pairs) {
    gap(i, j);
    pi = i + 1;
    pj = j + 1;
  }
  gap(xs.length, ys.length);
  return out;
}

/** Compare two parsed versions (either may be missing). */
export function semanticDiff(a: Obj | undefined, b: Obj | undefined): SemanticDiff {
  const x = a ?? {};
  const y = b ?? {};
  return { fields: diffFields(x, y), actors: diffActors(x.actors, y.actors), steps: diffSteps(x.steps, y.steps) };
}

/** Whether nothing changed. */
export function isEmptyDiff(d: SemanticDiff): boolean {
  return d.fields.length === 0 && d.actors.length === 0 && d.steps.length === 0;
}

/** One line: "title, dates.effective; actors +verifikator; steps +3, −5, ~2 (time)". */
export function summarizeDiff(d: SemanticDiff): string {
  const parts: string[] = [];
  if (d.fields.length) parts.push(d.fields.map((f) => f.path).join(', '));
  if (d.actors.length) parts.push(`actors ${d.actors.map((a) => `${a.kind === 'added' ? '+' : a.kind === 'removed' ? '−' : '~'}${a.id}`).join(', ')}`);
  if (d.steps.length) {
    const s = d.steps.map((c) => (c.kind === 'added' ? `+${c.number}` : c.kind === 'removed' ? `−${c.number}` : `~${c.number}${c.keys.length ? ` (${c.keys.join(', ')})` : ''}`));
    parts.push(`steps ${s.join(', ')}`);
  }
  return parts.length ? parts.join('; ') : 'no change in content';
}
