import { defineRule } from '../../rule.js';
import { isObj, isText, validDate } from '../support.js';

const ORDER = ['draft', 'approved', 'implemented', 'evaluated'];

/** What a status lacks: fields (worded as keys), and for `evaluated` an evaluation (on or after `after`, the effective date, when usable). */
interface Missing {
  fields: string[];
  evaluation?: { after?: string };
}

/** What each lifecycle status needs in the file (sop-format.md, "Lifecycle"). */
function missingFor(status: string, sop: Record<string, any>): Missing {
  const rank = ORDER.indexOf(status);
  const out: Missing = { fields: [] };
  if (rank < 1) return out; // draft, withdrawn and unknown statuses need nothing extra
  const missing = out.fields;
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
    if (!ok) out.evaluation = effective ? { after: effective } : {};
  }
  return out;
}

const TAIL_ONE = 'which is missing. Add it, or set the status the SOP has really reached.';
const TAIL_MANY = 'which are missing. Add them, or set the status the SOP has really reached.';
const AFTER = 'an `evaluations` entry dated on or after `dates.effective` ({{effective}})';

/** Each status has the fields it requires. */
export const statusRequirements = defineRule({
  meta: {
    id: 'status-requirements',
    description: 'Each status has what it requires: from `approved` on `number`, `approval` and `dates.effective`; from `implemented` on `dates.implemented`; `evaluated` an evaluation on or after the effective date.',
    defaultSeverity: 'error',
    messages: {
      missingOne: `Status \`{{status}}\` requires {{missing}}, ${TAIL_ONE}`,
      missingMany: `Status \`{{status}}\` requires {{missing}} and {{last}}, ${TAIL_MANY}`,
      evaluationAfter: `Status \`{{status}}\` requires ${AFTER}, ${TAIL_ONE}`,
      evaluationAfterAnd: `Status \`{{status}}\` requires {{missing}} and ${AFTER}, ${TAIL_MANY}`,
      evaluation: `Status \`{{status}}\` requires an \`evaluations\` entry, ${TAIL_ONE}`,
      evaluationAnd: `Status \`{{status}}\` requires {{missing}} and an \`evaluations\` entry, ${TAIL_MANY}`,
    },
  },
  check(ctx) {
    const status: unknown = ctx.sop.status;
    if (!isText(status)) return;
    const { fields, evaluation } = missingFor(status, ctx.sop);
    const at = { path: ['status'], key: true };
    // Lists are worded `a, b and c`: the items before the last, and the last, are separate values.
    if (evaluation) {
      const after: Record<string, string> = evaluation.after === undefined ? {} : { effective: evaluation.after };
      const base = evaluation.after === undefined ? ('evaluation' as const) : ('evaluationAfter' as const);
      if (fields.length === 0) ctx.report({ ...at, messageId: base, data: { status, ...after } });
      else ctx.report({ ...at, messageId: `${base}And`, data: { status, missing: fields.join(', '), ...after } });
    } else if (fields.length === 1) ctx.report({ ...at, messageId: 'missingOne', data: { status, missing: fields[0]! } });
    else if (fields.length > 1) ctx.report({ ...at, messageId: 'missingMany', data: { status, missing: fields.slice(0, -1).join(', '), last: fields.at(-1)! } });
  },
});
