import { ID_PATTERN, type Status } from '../model/types.js';
import { validDate } from '../model/day.js';
import { closest } from '../model/words.js';
import { isStatus } from '../model/stage.js';
import { checkTransition, TRANSITION_TEXT, type StagePoint } from './transitions.js';
import type { YamlEdit } from '../model/yaml-edit.js';

/** A promote verb: a target stage, or `revise` (back to draft with revision + 1). */
export type PromoteVerb = Status | 'revise';

/** Values given on the command line (or answered at the prompt). */
export interface PromoteValues {
  /** Nomor SOP. */
  number?: string;
  /** Tanggal Efektif (approve). */
  effective?: string;
  /** Date of the step: implemented, revised (default today). */
  date?: string;
  /** approval.position. */
  approverPosition?: string;
  /** approval.name. */
  approverName?: string;
  /** approval.nip (18 digits). */
  approverNip?: string;
  /** supersededBy (withdraw). */
  supersededBy?: string;
  /** Why the SOP is revised (revise): written to `revisionNote`. */
  reason?: string;
}

/** A value the target stage needs that is neither in the file nor given. */
export interface MissingValue {
  /** Key of PromoteValues. */
  key: keyof PromoteValues;
  /** Command-line flag. */
  flag: string;
  /** What it is, for prompts and messages. */
  label: string;
}

/** What the repository knows, so promote never writes what lint then rejects. */
export interface PromoteContext {
  /** `numbering.pattern` of the config. */
  numberPattern?: string;
  /** Ids of the repository's SOPs (`--superseded-by` must name one). */
  ids?: ReadonlySet<string>;
  /** Nomor SOP already taken, with the file that holds each (`--number` must be new). */
  numbers?: ReadonlyMap<string, string>;
}

/** What promoting will do. */
export type PromotePlan =
  | { ok: true; from: StagePoint; to: StagePoint; edits: YamlEdit[]; noop: boolean }
  | { ok: false; from?: StagePoint; missing: MissingValue[]; errors: string[] };

const NIP = /^\d{18}$/;

/** The flags that supply each value. */
export const VALUE_FLAGS: Record<keyof PromoteValues, MissingValue> = {
  number: { key: 'number', flag: '--number', label: 'Nomor SOP' },
  approverPosition: { key: 'approverPosition', flag: '--approver-position', label: 'position (jabatan) of the approving official' },
  approverName: { key: 'approverName', flag: '--approver-name', label: 'name of the approving official' },
  approverNip: { key: 'approverNip', flag: '--approver-nip', label: 'NIP of the approving official (18 digits)' },
  effective: { key: 'effective', flag: '--effective', label: 'effective date YYYY-MM-DD' },
  date: { key: 'date', flag: '--date', label: 'date YYYY-MM-DD' },
  supersededBy: { key: 'supersededBy', flag: '--superseded-by', label: 'id of the SOP that replaces it' },
  reason: { key: 'reason', flag: '--reason', label: 'why the SOP is revised' },
};

const str = (v: unknown) => (typeof v === 'string' && v.trim() ? v : undefined);

/** Given values that differ from the file's (a repeated command that would change nothing must not look like it did). */
function conflicts(data: Record<string, any>, values: PromoteValues): string[] {
  const a = (data.approval ?? {}) as Record<string, unknown>;
  const d = (data.dates ?? {}) as Record<string, unknown>;
  const inFile: Partial<Record<keyof PromoteValues, unknown>> = {
    number: data.number,
    effective: d.effective,
    approverPosition: a.position,
    approverName: a.name,
    approverNip: a.nip,
    supersededBy: data.supersededBy,
  };
  return (Object.keys(inFile) as Array<keyof PromoteValues>)
    .filter((k) => values[k] !== undefined && String(values[k]) !== String(inFile[k] ?? ''))
    .map((k) => `${VALUE_FLAGS[k].flag} \`${values[k]}\` (the file has ${inFile[k] === undefined ? 'none' : `\`${String(inFile[k])}\``})`);
}

/** Plan a promotion (pure): check the transition and the target stage's requirements, and list the YAML edits. */
export function planPromote(data: Record<string, any>, verb: PromoteVerb, values: PromoteValues, today: string, known: PromoteContext = {}): PromotePlan {
  if (!isStatus(data.status) || !Number.isInteger(data.revision)) return { ok: false, missing: [], errors: ['the file has no valid `status` and `revision`; run `sop lint` first'] };
  const from: StagePoint = { status: data.status, revision: data.revision as number };
  const revise = verb === 'revise' || (verb === 'draft' && from.status !== 'draft');
  const to: StagePoint = revise ? { status: 'draft', revision: from.revision + 1 } : { status: verb as Status, revision: from.revision };
  if (to.status === from.status && to.revision === from.revision) {
    const differ = conflicts(data, values);
    if (differ.length) return { ok: false, from, missing: [], errors: [`it is already ${to.status} (revision ${to.revision}) with other values: ${differ.join(', ')}; nothing was changed`] };
    return { ok: true, from, to, edits: [], noop: true };
  }
  const t = checkTransition(from, to);
  if (!t.ok) return { ok: false, from, missing: [], errors: [`${from.status} r${from.revision} → ${to.status} r${to.revision} is not allowed: ${TRANSITION_TEXT[t.problem]}`] };
  const missing: MissingValue[] = [];
  const errors: string[] = [];
  if (values.reason !== undefined && to.status !== 'draft') errors.push('--reason is for a revision (`sop revise`) only');
  const edits: YamlEdit[] = [{ path: ['status'], value: to.status }];
  const dates = (data.dates ?? {}) as Record<string, unknown>;
  /** Whether `v` is a real day; says so when not (a date that is not one is never compared). */
  const checkDate = (v: string, flag: string): boolean => {
    if (validDate(v)) return true;
    errors.push(`${flag} must be a real date YYYY-MM-DD, got \`${v}\``);
    return false;
  };
  if (to.status === 'approved') {
    const number = values.number ?? str(data.number);
    if (!number) missing.push(VALUE_FLAGS.number);
    else if (values.number) edits.push({ path: ['number'], value: number, after: 'id' });
    if (values.number && known.numberPattern && !new RegExp(known.numberPattern).test(values.number)) {
      errors.push(`--number \`${values.number}\` does not match numbering.pattern ${known.numberPattern}`);
    }
    const taken = values.number ? known.numbers?.get(values.number) : undefined;
    if (taken) errors.push(`--number \`${values.number}\` is already the number of ${taken}`);
    const a = (data.approval ?? {}) as Record<string, unknown>;
    const fields: Array<[keyof PromoteValues, string]> = [['approverPosition', 'position'], ['approverName', 'name'], ['approverNip', 'nip']];
    for (const [key, field] of fields) {
      const v = values[key] ?? str(a[field]);
      if (!v) missing.push(VALUE_FLAGS[key]);
      else if (values[key]) edits.push({ path: ['approval', field], value: v, after: 'dates' });
    }
    const nip = values.approverNip ?? str(a.nip);
    if (nip && !NIP.test(nip)) errors.push(`the NIP must be 18 digits, got \`${nip}\``);
    const effective = values.effective ?? today;
    if (checkDate(effective, '--effective') && typeof dates.created === 'string' && effective < dates.created) errors.push(`the effective date ${effective} is before dates.created ${dates.created}`);
    edits.push({ path: ['dates', 'effective'], value: effective });
  } else if (to.status === 'implemented') {
    const date = values.date ?? today;
    if (checkDate(date, '--date') && typeof dates.effective === 'string' && date < dates.effective) errors.push(`the implementation date ${date} is before dates.effective ${dates.effective}`);
    edits.push({ path: ['dates', 'implemented'], value: date });
  } else if (to.status === 'evaluated') {
    const eff = typeof dates.effective === 'string' ? dates.effective : '';
    const evals = Array.isArray(data.evaluations) ? (data.evaluations as Array<Record<string, unknown>>) : [];
    if (!evals.some((e) => typeof e?.date === 'string' && e.date >= eff)) errors.push(`an evaluated SOP needs an evaluation dated on or after dates.effective (${eff || 'not set'}): add one under \`evaluations\` first`);
  } else if (to.status === 'draft') {
    const date = values.date ?? today;
    checkDate(date, '--date');
    // The new revision is neither signed nor in force: what belonged to the approved revision goes (number,
    // `approval`, `dates.effective`, `dates.implemented`); git keeps the old values. The reason of the
    // previous revision goes too, replaced by this one's when given.
    const reason = values.reason?.trim();
    if (values.reason !== undefined && !reason) errors.push('--reason is empty; say why the SOP is revised, or leave the option out');
    edits.push(
      { path: ['revision'], value: to.revision },
      { path: ['dates', 'revised'], value: date },
      { path: ['dates', 'implemented'], value: '', remove: true },
      { path: ['dates', 'effective'], value: '', remove: true },
      { path: ['number'], value: '', remove: true },
      { path: ['approval'], value: '', remove: true },
      reason ? { path: ['revisionNote'], value: reason, after: 'revision' } : { path: ['revisionNote'], value: '', remove: true },
    );
  } else if (to.status === 'withdrawn' && values.supersededBy !== undefined) {
    const by = values.supersededBy;
    if (!ID_PATTERN.test(by)) errors.push(`--superseded-by must be an SOP id such as KUL-005, got \`${by}\``);
    else if (by === data.id) errors.push(`--superseded-by names this SOP itself; name the SOP that replaces it`);
    else if (known.ids && !known.ids.has(by)) {
      const hint = closest(by, [...known.ids].filter((i) => i !== data.id));
      errors.push(`--superseded-by names \`${by}\`, but no SOP of the repository has that id${hint ? ` (did you mean \`${hint}\`?)` : ''}`);
    }
    edits.push({ path: ['supersededBy'], value: values.supersededBy });
  }
  if (missing.length || errors.length) return { ok: false, from, missing, errors };
  return { ok: true, from, to, edits, noop: false };
}

/** The commit message of a promotion, with its trailers. */
export function promoteMessage(id: string, to: StagePoint, reason?: string): string {
  const why = reason?.trim() ? `SOP-Reason: ${reason.trim().replace(/\s+/g, ' ')}\n` : '';
  return `sop(${id}): ${to.status}\n\nSOP-Id: ${id}\nSOP-Stage: ${to.status}\nSOP-Revision: ${to.revision}\n${why}`;
}
