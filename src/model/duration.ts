/** A parsed Mutu Baku time. */
export interface Duration {
  /** Lower bound in working minutes. */
  min: number;
  /** Upper bound in working minutes (equals min unless a range was written). */
  max: number;
}

/** Working minutes per unit: a working day is 8 hours, a week 5 working days, a month 22 working days. */
export const UNIT_MINUTES = { second: 1 / 60, minute: 1, hour: 60, day: 480, week: 2400, month: 10560 } as const;
type Unit = keyof typeof UNIT_MINUTES;

const UNITS: Array<[RegExp, Unit]> = [
  [/^(detik|seconds?|secs?|s)$/, 'second'],
  [/^(menit|mnt|minutes?|mins?|m)$/, 'minute'],
  [/^(jam|hours?|hrs?|h)$/, 'hour'],
  [/^(hari( kerja)?|hk|days?|working days?|business days?|workdays?|d)$/, 'day'],
  [/^(minggu|pekan|weeks?|w)$/, 'week'],
  [/^(bulan|months?)$/, 'month'],
];

const TIME_RE = /^(\d+(?:[.,]\d+)?)(?:\s*(?:-|–|s\.?d\.?|sampai|to)\s*(\d+(?:[.,]\d+)?))?\s*([a-z][a-z .]*?)\.?$/i;

/** The unit words documented for authors (others, e.g. `mnt`, `hk`, are tolerated). */
export const UNIT_WORDS = ['menit', 'jam', 'hari', 'hari kerja', 'minggu', 'bulan', 'minutes', 'hours', 'days', 'working days', 'weeks', 'months'] as const;

const PART_RE = /(\d+(?:[.,]\d+)?)\s*([a-z]+(?: kerja| days?)?)/gi;

/** `1 jam 30 menit`: several number–unit parts, summed (no ranges). */
function parseCompound(text: string): Duration | undefined {
  let total = 0;
  let rest = text;
  let parts = 0;
  for (const m of text.matchAll(PART_RE)) {
    const unit = UNITS.find(([re]) => re.test(m[2]!.toLowerCase()))?.[1];
    if (!unit) return undefined;
    total += Number(m[1]!.replace(',', '.')) * UNIT_MINUTES[unit];
    rest = rest.replace(m[0], '');
    parts++;
  }
  if (parts < 2 || !/^[\s,]*(?:(?:dan|and)[\s,]*)*$/i.test(rest)) return undefined;
  return { min: total, max: total };
}

/** Parse `15 menit`, `2 jam`, `3 hari kerja`, `1-2 minggu`, `30 minutes`, `1 jam 30 menit`; undefined when it does not parse. */
export function parseDuration(text: string): Duration | undefined {
  const clean = text.trim().replace(/\s+/g, ' ');
  const m = TIME_RE.exec(clean);
  if (!m) return parseCompound(clean);
  const unitText = m[3]!.toLowerCase().trim();
  const unit = UNITS.find(([re]) => re.test(unitText))?.[1];
  if (!unit) return undefined;
  const a = Number(m[1]!.replace(',', '.'));
  const b = m[2] ? Number(m[2].replace(',', '.')) : a;
  if (!(a > 0 || a === 0) || b < a) return undefined;
  return { min: a * UNIT_MINUTES[unit], max: b * UNIT_MINUTES[unit] };
}
