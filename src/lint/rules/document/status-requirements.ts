import { defineRule } from '../../rule.js';
import { isObj, isText, listWords, validDate } from '../support.js';

const ORDER = ['draft', 'approved', 'implemented', 'evaluated'];

/** What each lifecycle status needs in the file (sop-format.md, "Lifecycle"). */
function missingFor(status: string, sop: Record<string, any>): string[] {
  const rank = ORDER.indexOf(status);
  if (rank < 1) return []; // draft, withdrawn and unknown statuses need nothing extra
  const missing: string[] = [];
  const dates = isObj(sop.dates) ? sop.dates : {};
  if (sop.number === undefined) missing.push('`number`');
  if (sop.approval === undefined) missing.push('`approval` (position, name, nip)');
  else if (isObj(sop.approval) && sop.approval.nip === undefined) missing.push('`approval.nip`');
  if (dates.effective === undefined) missing.push('`dates.effective`');
  if (rank >= 2 && dates.implemented === undefined) missing.push('`dates.implemented`');
  if (rank >= 3) {
    const effective = validDate(dates.effective);
    const evals: unknown[] = Array.isArray(sop.evaluations) ? sop.evaluations : [];
    const dated = evals.map((e) => (isObj(e) ? e.date : undefined));
    // With no usable effective date the evaluation dates cannot be judged; only a missing list counts then.
    const ok = effective ? dated.some((d) => validDate(d) !== undefined && d >= effective) : evals.length > 0;
    if (!ok) missing.push(effective ? `an \`evaluations\` entry dated on or after \`dates.effective\` (${effective})` : 'an `evaluations` entry');
  }
  return missing;
}

/** Each status has the fields it requires. */
export const statusRequirements = defineRule({
  meta: {
    id: 'status-requirements',
    description: 'Each status has what it requires: from `approved` on `number`, `approval` and `dates.effective`; from `implemented` on `dates.implemented`; `evaluated` an evaluation on or after the effective date.',
    defaultSeverity: 'error',
    messages: {
      missingOne: 'Status `{{status}}` requires {{missing}}, which is missing. Add it, or set the status the SOP has really reached.',
      missingMany: 'Status `{{status}}` requires {{missing}}, which are missing. Add them, or set the status the SOP has really reached.',
    },
  },
  check(ctx) {
    const status: unknown = ctx.sop.status;
    if (!isText(status)) return;
    const missing = missingFor(status, ctx.sop);
    if (missing.length === 0) return;
    ctx.report({
      path: ['status'],
      key: true,
      messageId: missing.length === 1 ? 'missingOne' : 'missingMany',
      data: { status, missing: listWords(missing) },
    });
  },
});
