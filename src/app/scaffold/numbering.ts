/** The parts of an SOP number that `sop new` knows how to fill. */
type Slot =
  | { kind: 'text'; text: string }
  | { kind: 'seq'; width?: number }
  | { kind: 'unit' }
  | { kind: 'roman' }
  | { kind: 'month' }
  | { kind: 'year' };

const ROMAN = ['I', 'II', 'III', 'IV', 'V', 'VI', 'VII', 'VIII', 'IX', 'X', 'XI', 'XII'];
const ROMAN_GROUP = /^\(\?:?(I\|II\|III\|IV\|V\|VI\|VII\|VIII\|IX\|X\|XI\|XII)\)|^\((I\|II\|III\|IV\|V\|VI\|VII\|VIII\|IX\|X\|XI\|XII)\)/;
const MONTH_GROUP = /^\((\?:)?0\[1-9\]\|1\[0-2\]\)/;

/**
 * Read a numbering pattern as a sequence of slots, when it is written in the plain shape offices use
 * (`^\d{3}/SOP/[A-Z]+/KPU-Kot/(I|II|…|XII)/\d{4}$`): literal text, a sequence number (`\d{3}`, `\d+`), a unit
 * code (`[A-Z]+`), a month in Roman numerals (`(I|…|XII)`, `[IVX]+`) or digits (`(0[1-9]|1[0-2])`) and a year
 * (`\d{4}` after the sequence). Anything else: undefined (the number is then not derived from the pattern).
 */
export function patternSlots(pattern: string): Slot[] | undefined {
  let src = pattern;
  if (src.startsWith('^')) src = src.slice(1);
  if (src.endsWith('$') && !src.endsWith('\\$')) src = src.slice(0, -1);
  const slots: Slot[] = [];
  const push = (s: Slot) => {
    const last = slots[slots.length - 1];
    if (s.kind === 'text' && last?.kind === 'text') last.text += s.text;
    else slots.push(s);
  };
  const hasSeq = () => slots.some((s) => s.kind === 'seq');
  while (src) {
    let m: RegExpExecArray | null;
    if ((m = /^(?:\\d|\[0-9\])\{(\d+)\}/.exec(src))) {
      const n = Number(m[1]);
      if (!hasSeq()) push({ kind: 'seq', width: n });
      else if (n === 4) push({ kind: 'year' });
      else if (n === 2) push({ kind: 'month' });
      else return undefined;
    } else if ((m = /^(?:\\d|\[0-9\])\+/.exec(src))) {
      if (hasSeq()) return undefined;
      push({ kind: 'seq' });
    } else if ((m = ROMAN_GROUP.exec(src)) || (m = /^\[IVX\]\+/.exec(src)) || (m = /^\[IVXL\]\+/.exec(src))) {
      push({ kind: 'roman' });
    } else if ((m = MONTH_GROUP.exec(src))) {
      push({ kind: 'month' });
    } else if ((m = /^\[A-Z\](?:\+|\{\d+(?:,\d*)?\})/.exec(src)) || (m = /^\[A-Z0-9\]\+/.exec(src))) {
      push({ kind: 'unit' });
    } else if ((m = /^\\([./\-_ ])/.exec(src))) {
      push({ kind: 'text', text: m[1]! });
    } else if ((m = /^[A-Za-z0-9/\- _,:]/.exec(src))) {
      push({ kind: 'text', text: m[0] });
    } else return undefined;
    src = src.slice(m[0].length);
  }
  return slots.some((s) => s.kind === 'seq') ? slots : undefined;
}

/** A regex reading a number written by `slots`: group 1 is the sequence, group 2 the unit code (when there is one). */
function reader(slots: Slot[]): RegExp {
  const esc = (t: string) => t.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
  const body = slots
    .map((s) => {
      switch (s.kind) {
        case 'text':
          return esc(s.text);
        case 'seq':
          return '(\\d+)';
        case 'unit':
          return '([A-Z0-9]+)';
        case 'roman':
          return '[IVXL]+';
        case 'month':
          return '\\d{2}';
        case 'year':
          return '\\d{4}';
      }
    })
    .join('');
  return new RegExp(`^${body}$`);
}

/** What {@link nextNumber} needs. */
export interface NumberRequest {
  /** `numbering.pattern` of the config. */
  pattern: string;
  /** The numbers already used in the repository. */
  existing: readonly string[];
  /** The new SOP's unit code (fills a unit slot; sequences count per unit when the pattern has one). */
  unitCode: string;
  /** The day the number is for (month and year slots). */
  date: { year: number; month: number };
}

/**
 * The next free SOP number that follows `numbering.pattern`: one more than the highest sequence already used
 * (per unit when the pattern has a unit slot), with this month and year. Derived from the pattern when it has a
 * plain shape (see {@link patternSlots}), else from the highest existing number matching the pattern. Undefined
 * when neither works: a draft then has no number (it needs none until approval).
 */
export function nextNumber(req: NumberRequest): string | undefined {
  let re: RegExp;
  try {
    re = new RegExp(req.pattern);
  } catch {
    return undefined;
  }
  const used = new Set(req.existing);
  const matching = req.existing.filter((n) => re.test(n));
  const ok = (n: string | undefined) => (n !== undefined && re.test(n) && !used.has(n) ? n : undefined);
  const slots = patternSlots(req.pattern);
  if (slots) {
    const read = reader(slots);
    const hasUnit = slots.some((s) => s.kind === 'unit');
    let max = 0;
    let width = 0;
    for (const n of matching) {
      const m = read.exec(n);
      if (!m || (hasUnit && m[2] !== req.unitCode)) continue;
      max = Math.max(max, Number(m[1]));
      width = Math.max(width, m[1]!.length);
    }
    for (let seq = max + 1; seq < max + 1000; seq++) {
      const text = slots
        .map((s) => {
          switch (s.kind) {
            case 'text':
              return s.text;
            case 'seq':
              return String(seq).padStart(s.width ?? (width || 3), '0');
            case 'unit':
              return req.unitCode;
            case 'roman':
              return ROMAN[req.date.month - 1]!;
            case 'month':
              return String(req.date.month).padStart(2, '0');
            case 'year':
              return String(req.date.year);
          }
        })
        .join('');
      if (!re.test(text)) break;
      if (!used.has(text)) return text;
    }
  }
  // Another shape: follow the number with the highest sequence (its first run of digits).
  const seqOf = (n: string) => Number(/\d+/.exec(n)?.[0] ?? NaN);
  const model = matching.filter((n) => !Number.isNaN(seqOf(n))).sort((a, b) => seqOf(b) - seqOf(a))[0];
  if (!model) return undefined;
  const digits = /\d+/.exec(model)![0];
  const max = Math.max(...matching.map(seqOf).filter((n) => !Number.isNaN(n)));
  return ok(model.replace(digits, String(max + 1).padStart(digits.length, '0')));
}
