import { defineRule } from '../../rule.js';
import { isObj, validDate } from '../support.js';

/** Dates follow the lifecycle: created ≤ effective ≤ implemented; revised when revised; records after the effective date. */
export const dateOrder = defineRule({
  meta: {
    id: 'date-order',
    description: '`created` ≤ `effective` ≤ `implemented`; `revised` present when `revision` > 0 and not before `created`; socialisation, monitoring and evaluations not before `effective`, monitoring not before `implemented` (from revision 1 on, records need only follow `created`: records of earlier revisions stay in the file); an evaluation meeting not before its evaluation.',
    defaultSeverity: 'error',
    messages: {
      before: '`{{later}}` ({{laterValue}}) is before `{{earlier}}` ({{earlierValue}}); {{rule}}.',
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
    const pair = (laterKey: string, later: string | undefined, earlierKey: string, earlier: string | undefined, rule: string, path: Array<string | number>) => {
      if (later && earlier && later < earlier) {
        ctx.report({ path, messageId: 'before', data: { later: laterKey, laterValue: later, earlier: earlierKey, earlierValue: earlier, rule } });
      }
    };
    pair('dates.effective', effective, 'dates.created', created, 'an SOP takes effect after it is drafted', ['dates', 'effective']);
    pair('dates.implemented', implemented, 'dates.effective', effective, 'implementation starts on or after the effective date', ['dates', 'implemented']);
    pair('dates.revised', revised, 'dates.created', created, 'a revision cannot predate the SOP', ['dates', 'revised']);
    const revision: unknown = ctx.sop.revision;
    if (typeof revision === 'number' && Number.isInteger(revision) && revision > 0 && dates.revised === undefined) {
      ctx.report({ path: ['dates'], key: true, messageId: 'revisedMissing', data: { revision } });
    }
    // Records of earlier revisions stay in the file and predate the current effective date, so
    // from revision 1 on a record need only follow `created` (the first edition's drafting date).
    const firstEdition = revision === 0;
    const [floorKey, floor] = firstEdition ? ['dates.effective', effective] : ['dates.created', created];
    const WHAT = {
      socialization: 'an SOP is socialised once it is adopted',
      monitoring: 'an SOP is monitored only once it is in effect',
      evaluations: 'an SOP is evaluated only once it is in effect',
    } as const;
    for (const list of ['socialization', 'monitoring', 'evaluations'] as const) {
      const entries: unknown = ctx.sop[list];
      if (!Array.isArray(entries)) continue;
      entries.forEach((e, i) => {
        if (!isObj(e)) return;
        const what = firstEdition ? WHAT[list] : 'a record cannot predate the SOP';
        const date = validDate(e.date);
        const path = [list, i, 'date'];
        // Monitoring watches the implementation: in the first edition, not before it began.
        if (list === 'monitoring' && firstEdition && implemented && (!effective || implemented >= effective)) {
          pair(`monitoring[${i}].date`, date, 'dates.implemented', implemented, 'monitoring watches an SOP once its implementation has begun', path);
        } else pair(`${list}[${i}].date`, date, floorKey, floor, what, path);
        if (list === 'evaluations' && isObj(e.meeting)) {
          pair(`evaluations[${i}].meeting.date`, validDate(e.meeting.date), `evaluations[${i}].date`, date, 'the meeting discusses an evaluation already made', [list, i, 'meeting', 'date']);
        }
      });
    }
  },
});
