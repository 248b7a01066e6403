import { asProcessMapProblems, type LoadedFile } from '../load.js';
import type { DocPath } from '../types.js';
import { CATEGORIES, type Category, type Process, type ProcessMap } from './types.js';

const text = (v: unknown): string | undefined => (typeof v === 'string' && v.trim() ? v.trim() : undefined);
const texts = (v: unknown): string[] => (Array.isArray(v) ? v.map(text).filter((s): s is string => s !== undefined) : []);
const category = (v: unknown): Category | undefined => (CATEGORIES as readonly unknown[]).includes(v) ? (v as Category) : undefined;

/** Collect the process entries of a list (and their `children`), depth-first in file order. */
function collect(list: unknown, at: DocPath, container: Process | undefined, out: Process[]): void {
  if (!Array.isArray(list)) return;
  list.forEach((raw, i) => {
    if (!raw || typeof raw !== 'object' || Array.isArray(raw)) return;
    const r = raw as Record<string, unknown>;
    const code = text(r.code);
    if (code === undefined) return; // the schema rule reports it
    const p: Process = {
      code,
      name: text(r.name) ?? code,
      declared: { category: category(r.category), unit: text(r.unit), parent: text(r.parent) },
      inputs: texts(r.inputs),
      outputs: texts(r.outputs),
      description: text(r.description),
      path: [...at, i],
      container,
      children: [],
    };
    out.push(p);
    collect(r.children, [...at, i, 'children'], p, out);
  });
}

/** Whether following `parent` links from `p` comes back to `p`. */
export function inCycle(p: Process): boolean {
  const seen = new Set<Process>();
  for (let q = p.parent; q; q = q.parent) {
    if (q === p) return true;
    if (seen.has(q)) return false;
    seen.add(q);
  }
  return false;
}

/** Build the process tree from a loaded map file; never throws (malformed parts are left out, the rules report them). */
export function readProcessMap(file: LoadedFile): ProcessMap {
  // The loader's wordings speak of an SOP file; say them of the map.
  asProcessMapProblems(file.problems);
  const data = (file.data && typeof file.data === 'object' && !Array.isArray(file.data) ? file.data : {}) as Record<string, unknown>;
  const entries: Process[] = [];
  collect(data.processes, ['processes'], undefined, entries);
  const byCode = new Map<string, Process>();
  for (const p of entries) if (!byCode.has(p.code)) byCode.set(p.code, p);
  for (const p of entries) {
    const named = p.declared.parent !== undefined ? byCode.get(p.declared.parent) : undefined;
    p.parent = p.declared.parent !== undefined ? named ?? p.container : p.container;
  }
  const roots = entries.filter((p) => p.parent === undefined);
  for (const p of entries) if (p.parent && !inCycle(p)) p.parent.children.push(p);
  const place = (p: Process, level: number, category: Category | undefined, owner: string | undefined) => {
    p.level = level;
    p.category = level === 0 ? p.declared.category : category;
    p.owner = p.declared.unit ?? owner;
    for (const c of p.children) place(c, level + 1, p.category, p.owner);
  };
  for (const r of roots) place(r, 0, undefined, undefined);
  return { file, title: text(data.title), entries, roots, byCode };
}

/** Every process of the tree, depth-first in drawing order (processes caught in a cycle are not in the tree). */
export function treeOrder(map: ProcessMap): Process[] {
  const out: Process[] = [];
  const visit = (p: Process) => {
    out.push(p);
    p.children.forEach(visit);
  };
  map.roots.forEach(visit);
  return out;
}

/** The processes under `root` (itself first), depth-first, with their depth below it. */
export function subtree(root: Process): Array<{ p: Process; depth: number }> {
  const out: Array<{ p: Process; depth: number }> = [];
  const visit = (p: Process, depth: number) => {
    out.push({ p, depth });
    p.children.forEach((c) => visit(c, depth + 1));
  };
  visit(root, 0);
  return out;
}

/** The leaf processes of the tree (no children), in drawing order. */
export function leaves(map: ProcessMap): Process[] {
  return treeOrder(map).filter((p) => p.children.length === 0);
}
