import { defineRule } from '../../rule.js';
import { isObj, validDate } from '../support.js';

/** Which order a pair of dates breaks (each its own message). */
type Why =
  | 'effectiveBeforeCreated'
  | 'implementedBeforeEffective'
  | 'revisedBeforeCreated'
  | 'socializedBeforeEffective'
  | 'monitoredBeforeEffective'
  | 'evaluatedBeforeEffective'
  | 'monitoredBeforeImplemented'
  | 'recordBeforeCreated'
  | 'meetingBeforeEvaluation';

/** Dates follow the lifecycle: created ≤ effective ≤ implemented; revised when revised; records after the effective date. */
export const dateOrder = defineRule({
  meta: {
    id: 'date-order',
    description: '`created` ≤ `effective` ≤ `implemented`; `revised` present when `revision` > 0 and not before `created`; socialisation, monitoring and evaluations not before `effective`, monitoring not before `implemented` (from revision 1 on, records need only follow `created`: records of earlier revisions stay in the file); an evaluation meeting not before its evaluation.',
    defaultSeverity: 'error',
    messages: {
      effectiveBeforeCreated: '`{{later}}` ({{laterValue}}) is before `{{earlier}}` ({{earlierValue}}); an SOP takes effect after it is drafted.',
      implementedBeforeEffective: '`{{later}}` ({{laterValue}}) is before `{{earlier}}` ({{earlierValue}}); implementation starts on or after the effective date.',
      revisedBeforeCreated: '`{{later}}` ({{laterValue}}) is before `{{earlier}}` ({{earlierValue}}); a revision cannot predate the SOP.',
      socializedBeforeEffective: '`{{later}}` ({{laterValue}}) is before `{{earlier}}` ({{earlierValue}}); an SOP is socialised once it is adopted.',
      monitoredBeforeEffective: '`{{later}}` ({{laterValue}}) is before `{{earlier}}` ({{earlierValue}}); an SOP is monitored only once it is in effect.',
      evaluatedBeforeEffective: '`{{later}}` ({{laterValue}}) is before `{{earlier}}` ({{earlierValue}}); an SOP is evaluated only once it is in effect.',
      monitoredBeforeImplemented: '`{{later}}` ({{laterValue}}) is before `{{earlier}}` ({{earlierValue}}); monitoring watches an SOP once its implementation has begun.',
      recordBeforeCreated: '`{{later}}` ({{laterValue}}) is before `{{earlier}}` ({{earlierValue}}); a record cannot predate the SOP.',
      meetingBeforeEvaluation: '`{{later}}` ({{laterValue}}) is before `{{earlier}}` ({{earlierValue}}); the meeting discusses an evaluation already made.',
      revisedMissing: '`dates.revised` is required when `revision` is {{revision}} (greater than 0): add the date of the latest revision under `dates`.',
    },
  },
  check(ctx) {
    const dates = ctx.sop.dates;
    if (!isObj(dates)) return;
    const created = validDate(dates.created);
    const effective = validDate(dates.effective);
    const implemented = validDate(dates.implemented);
    const revised = validDate(dates.revised);
    const pair = (laterKey: string, later: string | undefined, earlierKey: string, earlier: string | undefined, messageId: Why, path: Array<string | number>) => {
      if (later && earlier && later < earlier) {
        ctx.report({ path, messageId, data: { later: laterKey, laterValue: later, earlier: earlierKey, earlierValue: earlier } });
      }
    };
    pair('dates.effective', effective, 'dates.created', created, 'effectiveBeforeCreated', ['dates', 'effective']);
    pair('dates.implemented', implemented, 'dates.effective', effective, 'implementedBeforeEffective', ['dates', 'implemented']);
    pair('dates.revised', revised, 'dates.created', created, 'revisedBeforeCreated', ['dates', 'revised']);
    const revision: unknown = ctx.sop.revision;
    if (typeof revision === 'number' && Number.isInteger(revision) && revision > 0 && dates.revised === undefined) {
      ctx.report({ path: ['dates'], key: true, messageId: 'revisedMissing', data: { revision } });
    }
    // Records of earlier revisions stay in the file and predate the current effective date, so
    // from revision 1 on a record need only follow `created` (the first edition's drafting date).
    const firstEdition = revision === 0;
    const [floorKey, floor] = firstEdition ? ['dates.effective', effective] : ['dates.created', created];
    const WHAT = { socialization: 'socializedBeforeEffective', monitoring: 'monitoredBeforeEffective', evaluations: 'evaluatedBeforeEffective' } as const;
    for (const list of ['socialization', 'monitoring', 'evaluations'] as const) {
      const entries: unknown = ctx.sop[list];
      if (!Array.isArray(entries)) continue;
      entries.forEach((e, i) => {
        if (!isObj(e)) return;
        const what = firstEdition ? WHAT[list] : 'recordBeforeCreated';
        const date = validDate(e.date);
        const path = [list, i, 'date'];
        // Monitoring watches the implementation: in the first edition, not before it began.
        if (list === 'monitoring' && firstEdition && implemented && (!effective || implemented >= effective)) {
          pair(`monitoring[${i}].date`, date, 'dates.implemented', implemented, 'monitoredBeforeImplemented', path);
        } else pair(`${list}[${i}].date`, date, floorKey, floor, what, path);
        if (list === 'evaluations' && isObj(e.meeting)) {
          pair(`evaluations[${i}].meeting.date`, validDate(e.meeting.date), `evaluations[${i}].date`, date, 'meetingBeforeEvaluation', [list, i, 'meeting', 'date']);
        }
      });
    }
  },
});
