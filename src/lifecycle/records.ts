import { CRITERIA, DECISIONS, MONITORING_METHODS, type Criterion, type Status } from '../model/types.js';
import { validDate } from '../model/day.js';
import type { StagePoint } from './transitions.js';
import type { YamlValue } from '../model/yaml-edit.js';

/** What a record command records. */
export type RecordKind = 'socialization' | 'monitoring' | 'evaluation';

/** The top-level list each kind is appended to. */
export const RECORD_LIST = { socialization: 'socialization', monitoring: 'monitoring', evaluation: 'evaluations' } as const satisfies Record<RecordKind, string>;

/** Values given on the command line (or answered at the prompt), as text. */
export interface RecordValues {
  /** Date of the record (default today). */
  date?: string;
  /** Socialisation: tempat. */
  place?: string;
  /** Socialisation: peserta. */
  audience?: string;
  /** Socialisation: jumlah peserta (whole number). */
  attendees?: string;
  /** Evidence paths or URLs. */
  evidence?: string[];
  /** Catatan. */
  notes?: string;
  /** Monitoring: penilai. */
  assessor?: string;
  /** Monitoring: method. */
  method?: string;
  /** Monitoring: good | poor. */
  result?: string;
  /** Monitoring: tindakan. */
  action?: string;
  /** Evaluation: evaluator. */
  evaluator?: string;
  /** Evaluation: the seven answers (ya/tidak, yes/no, true/false). */
  criteria?: Partial<Record<Criterion, string>>;
  /** Evaluation: keep | revise | withdraw. */
  decision?: string;
  /** Evaluation meeting: date (default the evaluation's date when another meeting value is given). */
  meetingDate?: string;
  /** Evaluation meeting: place. */
  meetingPlace?: string;
  /** Evaluation meeting: minutes (path or URL). */
  minutes?: string;
  /** Evaluation meeting: attendance list (path or URL). */
  attendance?: string;
}

/** A value a record needs that was not given: its flag and what it is. */
export interface RecordField {
  /** Key of RecordValues, or `criteria.<name>`. */
  key: string;
  /** Command-line flag. */
  flag: string;
  /** What it is, for prompts and messages. */
  label: string;
}

/** Indonesian questions of the evaluation form, by criterion (also the prompts). */
export const CRITERION_LABELS: Record<Criterion, string> = {
  improvesPerformance: 'Mampu mendorong peningkatan kinerja',
  easyToUnderstand: 'Mudah dipahami',
  easyToApply: 'Mudah dilaksanakan',
  rolesClear: 'Semua orang dapat menjalankan perannya masing-masing',
  solvesProblems: 'Mampu mengatasi permasalahan yang berkaitan dengan proses',
  meetsNeeds: 'Mampu menjawab kebutuhan peningkatan kinerja organisasi',
  synergy: 'Sinergi satu dengan lainnya',
};

/** `improvesPerformance` → `--improves-performance`. */
export function criterionFlag(c: Criterion): string {
  return `--${c.replace(/[A-Z]/g, (m) => `-${m.toLowerCase()}`)}`;
}

const REQUIRED: Record<RecordKind, RecordField[]> = {
  socialization: [{ key: 'audience', flag: '--audience', label: 'audience (peserta), e.g. Pelaksana Subbagian Umum' }],
  monitoring: [
    { key: 'assessor', flag: '--assessor', label: 'assessor (penilai)' },
    { key: 'result', flag: '--result', label: 'result: good (berjalan dengan baik) or poor (tidak berjalan dengan baik)' },
  ],
  evaluation: [
    { key: 'evaluator', flag: '--evaluator', label: 'evaluator (name, position or team)' },
    ...CRITERIA.map((c) => ({ key: `criteria.${c}`, flag: criterionFlag(c), label: `${CRITERION_LABELS[c]}? (ya/tidak)` })),
    { key: 'decision', flag: '--decision', label: 'decision: keep, revise or withdraw' },
  ],
};

/** The stages whose SOPs take records: those in force. */
const IN_FORCE: readonly Status[] = ['approved', 'implemented', 'evaluated'];

/** What recording will do. */
export type RecordPlan =
  | { ok: true; list: (typeof RECORD_LIST)[RecordKind]; entry: Record<string, YamlValue | undefined>; from: StagePoint; to: StagePoint }
  | { ok: false; missing: RecordField[]; errors: string[] };

/** ya/tidak, yes/no, y/n, t, true/false, 1/0 → boolean; undefined when it is none of them. */
export function parseAnswer(v: string): boolean | undefined {
  const s = v.trim().toLowerCase();
  if (['ya', 'y', 'yes', 'true', '1'].includes(s)) return true;
  if (['tidak', 't', 'no', 'n', 'false', '0'].includes(s)) return false;
  return undefined;
}

const text = (v: string | undefined) => (v !== undefined && v.trim() ? v.trim() : undefined);

function valueOf(values: RecordValues, key: string): string | undefined {
  if (key.startsWith('criteria.')) return text(values.criteria?.[key.slice(9) as Criterion]);
  return text(values[key as keyof RecordValues] as string | undefined);
}

/** Plan a record (pure): check the stage and the values, and build the entry to append. */
export function planRecord(data: Record<string, any>, kind: RecordKind, values: RecordValues, today: string): RecordPlan {
  const errors: string[] = [];
  const status = data.status as Status;
  const revision = Number.isInteger(data.revision) ? (data.revision as number) : 0;
  if (!IN_FORCE.includes(status)) {
    const what = kind === 'socialization' ? 'socialised' : kind === 'monitoring' ? 'monitored' : 'evaluated';
    return { ok: false, missing: [], errors: [`it is ${String(status)}: only an SOP in force (approved, implemented or evaluated) is ${what}`] };
  }
  const missing = REQUIRED[kind].filter((f) => valueOf(values, f.key) === undefined);
  const date = text(values.date) ?? today;
  if (!validDate(date)) errors.push(`--date must be a real date YYYY-MM-DD, got \`${date}\``);
  const evidence = (values.evidence ?? []).map((e) => e.trim()).filter(Boolean);
  const from: StagePoint = { status, revision };
  let to = from;
  let entry: Record<string, YamlValue | undefined>;
  if (kind === 'socialization') {
    let attendees: number | undefined;
    if (text(values.attendees) !== undefined) {
      if (!/^\d+$/.test(values.attendees!.trim())) errors.push(`--attendees must be a whole number, got \`${values.attendees}\``);
      else attendees = Number(values.attendees);
    }
    entry = { date, place: text(values.place), audience: text(values.audience), attendees, evidence: evidence.length ? evidence : undefined, notes: text(values.notes) };
  } else if (kind === 'monitoring') {
    const method = text(values.method);
    if (method && !(MONITORING_METHODS as readonly string[]).includes(method)) errors.push(`--method must be one of ${MONITORING_METHODS.map((m) => `\`${m}\``).join(', ')}, got \`${method}\``);
    const result = text(values.result);
    if (result && result !== 'good' && result !== 'poor') errors.push(`--result must be \`good\` (berjalan dengan baik) or \`poor\` (tidak berjalan dengan baik), got \`${result}\``);
    entry = { date, assessor: text(values.assessor), method, result, notes: text(values.notes), action: text(values.action), evidence: evidence.length ? evidence : undefined };
  } else {
    const criteria: Record<string, boolean> = {};
    for (const c of CRITERIA) {
      const raw = valueOf(values, `criteria.${c}`);
      if (raw === undefined) continue;
      const b = parseAnswer(raw);
      if (b === undefined) errors.push(`${criterionFlag(c)} must be ya or tidak (yes/no), got \`${raw}\``);
      else criteria[c] = b;
    }
    const decision = text(values.decision);
    if (decision && !(DECISIONS as readonly string[]).includes(decision)) errors.push(`--decision must be \`keep\`, \`revise\` or \`withdraw\`, got \`${decision}\``);
    const anyMeeting = [values.meetingDate, values.meetingPlace, values.minutes, values.attendance].some((v) => text(v) !== undefined);
    const meetingDate = text(values.meetingDate) ?? date;
    if (anyMeeting && text(values.meetingDate) && !validDate(meetingDate)) errors.push(`--meeting-date must be a real date YYYY-MM-DD, got \`${meetingDate}\``);
    const meeting = anyMeeting ? { date: meetingDate, place: text(values.meetingPlace), minutes: text(values.minutes), attendance: text(values.attendance) } : undefined;
    entry = { date, evaluator: text(values.evaluator), criteria, notes: text(values.notes), decision, meeting, evidence: evidence.length ? evidence : undefined };
    // An implemented SOP with its evaluation reaches the last stage.
    if (status === 'implemented') to = { status: 'evaluated', revision };
  }
  if (missing.length || errors.length) return { ok: false, missing, errors };
  return { ok: true, list: RECORD_LIST[kind], entry, from, to };
}

/** The commit message of a record, with the promote trailers. */
export function recordMessage(id: string, kind: RecordKind, to: StagePoint): string {
  return `sop(${id}): ${kind}\n\nSOP-Id: ${id}\nSOP-Stage: ${to.status}\nSOP-Revision: ${to.revision}\n`;
}

/** Set a record value by key (`criteria.<name>` included), for answers at the prompt. */
export function setRecordValue(values: RecordValues, key: string, answer: string): void {
  if (key.startsWith('criteria.')) values.criteria = { ...values.criteria, [key.slice(9)]: answer };
  else (values as Record<string, unknown>)[key] = answer;
}
