import { yearOf } from '../../../model/day.js';
import { defineRule } from '../../rule.js';
import { isObj, isRealDay } from '../support.js';

/** Problems with the parts of an 18-digit NIP (birth date, appointment, sex digit). */
export function nipProblems(nip: string, thisYear: number): string[] {
  const out: string[] = [];
  const by = Number(nip.slice(0, 4));
  const bm = Number(nip.slice(4, 6));
  const bd = Number(nip.slice(6, 8));
  const ay = Number(nip.slice(8, 12));
  const am = Number(nip.slice(12, 14));
  const sex = nip[14];
  const birthOk = isRealDay(by, bm, bd);
  if (!birthOk) out.push(`digits 1–8 (birth date, YYYYMMDD) "${nip.slice(0, 8)}" are not a real day`);
  else if (by < 1940 || by > thisYear - 17) out.push(`digits 1–4 (birth year) ${by} are outside 1940–${thisYear - 17}`);
  if (am < 1 || am > 12) out.push(`digits 13–14 (appointment month) "${nip.slice(12, 14)}" are not a month (01–12)`);
  if (birthOk && ay < by + 17) out.push(`digits 9–12 (appointment year) ${ay} are less than 17 years after the birth year ${by}`);
  else if (ay > thisYear) out.push(`digits 9–12 (appointment year) ${ay} are in the future`);
  if (sex !== '1' && sex !== '2') out.push(`digit 15 (sex) "${sex}" must be 1 (male) or 2 (female)`);
  return out;
}

/** The signer's NIP is structurally plausible. */
export const nip = defineRule({
  meta: {
    id: 'nip',
    description: '`approval.nip` is a well-formed NIP: birth date, appointment year and month, and sex digit make sense.',
    defaultSeverity: 'error',
    messages: {
      invalid: '`approval.nip` "{{nip}}" is not a valid NIP: {{problems}}. A NIP is birth date (8 digits) + appointment year and month (6) + sex (1: 1 or 2) + sequence (3).',
    },
  },
  check(ctx) {
    const value: unknown = isObj(ctx.sop.approval) ? ctx.sop.approval.nip : undefined;
    if (typeof value !== 'string' || !/^\d{18}$/.test(value)) return; // the schema reports the 18-digit shape
    const problems = nipProblems(value, yearOf(ctx.repo.today ?? new Date(), ctx.repo.config.timeZone));
    if (problems.length) ctx.report({ path: ['approval', 'nip'], messageId: 'invalid', data: { nip: value, problems: problems.join('; ') } });
  },
});
