import type { DocPath } from '../model/types.js';
import { formatPath } from '../model/words.js';

/** A value of the wrong kind where a rendered document needs text, a list or a mapping. */
export interface ShapeIssue {
  /** Where it is. */
  path: DocPath;
  /** What the document needs there and what it got. */
  message: string;
}

type Want = 'text' | 'texts' | 'map';

// Every field the view, the flowchart, the book and the PDF footer read, and what each must be. Text may be
// written as a number or true/false (shown as written); a missing value is shown as empty.
const TOP: Record<string, Want> = { id: 'text', number: 'text', title: 'text', unit: 'text', status: 'text', dates: 'map', approval: 'map', legalBasis: 'texts', qualifications: 'texts', related: 'texts', equipment: 'texts', warnings: 'texts', records: 'texts' };
const DATES: Record<string, Want> = { created: 'text', revised: 'text', effective: 'text' };
const APPROVAL: Record<string, Want> = { position: 'text', name: 'text', nip: 'text' };
const ACTOR: Record<string, Want> = { id: 'text', name: 'text' };
const STEP: Record<string, Want> = { id: 'text', activity: 'text', actor: 'text', type: 'text', time: 'text', output: 'text', notes: 'text', next: 'text', ifYes: 'text', ifNo: 'text', requirements: 'texts', labels: 'texts' };

const isText = (v: unknown) => v === undefined || v === null || typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean';
const isMap = (v: unknown) => v === undefined || v === null || (typeof v === 'object' && !Array.isArray(v));
const kind = (v: unknown) => (Array.isArray(v) ? 'a list' : typeof v === 'object' && v !== null ? 'a mapping' : typeof v);

function check(obj: Record<string, unknown>, fields: Record<string, Want>, at: DocPath, out: ShapeIssue[]): void {
  for (const [key, want] of Object.entries(fields)) {
    const v = obj[key];
    const p = [...at, key];
    if (want === 'text' && !isText(v)) out.push({ path: p, message: `\`${formatPath(p)}\` is ${kind(v)}, where the document needs text` });
    else if (want === 'map' && !isMap(v)) out.push({ path: p, message: `\`${formatPath(p)}\` is ${kind(v)}, where the document needs a mapping` });
    else if (want === 'texts' && v !== undefined && v !== null) {
      if (!Array.isArray(v)) out.push({ path: p, message: `\`${formatPath(p)}\` is ${kind(v)}, where the document needs a list of texts` });
      else v.forEach((item, i) => {
        if (!isText(item)) out.push({ path: [...p, i], message: `\`${formatPath([...p, i])}\` is ${kind(item)}, where the document needs text` });
      });
    }
  }
}

/**
 * What keeps an SOP from being rendered even with `--force`: a field the document reads holding a value of
 * the wrong kind (a mapping where a title goes, say). Lint errors of other kinds still render with --force.
 */
export function shapeIssues(sop: Record<string, unknown>): ShapeIssue[] {
  const out: ShapeIssue[] = [];
  check(sop, TOP, [], out);
  const sub = (key: string, fields: Record<string, Want>) => {
    const v = sop[key];
    if (v && typeof v === 'object' && !Array.isArray(v)) check(v as Record<string, unknown>, fields, [key], out);
  };
  sub('dates', DATES);
  sub('approval', APPROVAL);
  for (const [key, fields] of [['actors', ACTOR], ['steps', STEP]] as const) {
    const items = sop[key];
    if (!Array.isArray(items)) out.push({ path: [key], message: `\`${key}\` is ${kind(items)}, where the document needs a list` });
    else items.forEach((item, i) => {
      if (item && typeof item === 'object' && !Array.isArray(item)) check(item as Record<string, unknown>, fields, [key, i], out);
      else out.push({ path: [key, i], message: `\`${key}[${i}]\` is ${kind(item)}, where the document needs a mapping` });
    });
  }
  return out;
}
