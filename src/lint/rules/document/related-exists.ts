import { ID_PATTERN } from '../../../model/types.js';
import { defineRule } from '../../rule.js';
import { closest } from '../../../model/words.js';

/** Cross-references name SOPs of the repository; `supersededBy` only on withdrawn SOPs. */
export const relatedExists = defineRule({
  meta: {
    id: 'related-exists',
    description: '`related` entries shaped like an id and `supersededBy` name an SOP of the repository; `supersededBy` only with status `withdrawn`.',
    defaultSeverity: 'error',
    messages: {
      missing: '`{{field}}` names "{{ref}}", but no SOP of the repository has that id. An entry shaped like an id must name an SOP of this repository; describe an SOP of another office in words instead.',
      missingHint: '`{{field}}` names "{{ref}}", but no SOP of the repository has that id; did you mean `{{hint}}`? An entry shaped like an id must name an SOP of this repository; describe an SOP of another office in words instead.',
      self: '`{{field}}` names this SOP itself ("{{ref}}"); name another SOP.',
      notWithdrawn: '`supersededBy` is only allowed with status `withdrawn` (got status "{{status}}"). Remove it, or set `status: withdrawn`.',
    },
  },
  check(ctx) {
    const self: unknown = ctx.sop.id;
    const ids = [...ctx.repo.byId.keys()];
    const checkRef = (path: Array<string | number>, field: string, ref: string) => {
      if (ref === self) return ctx.report({ path, messageId: 'self', data: { field, ref } });
      if (ctx.repo.byId.has(ref)) return;
      const hint = closest(ref, ids.filter((i) => i !== self));
      if (hint) ctx.report({ path, messageId: 'missingHint', data: { field, ref, hint } });
      else ctx.report({ path, messageId: 'missing', data: { field, ref } });
    };
    const related: unknown = ctx.sop.related;
    if (Array.isArray(related)) {
      related.forEach((r, i) => {
        if (typeof r === 'string' && ID_PATTERN.test(r)) checkRef(['related', i], `related[${i}]`, r);
      });
    }
    const by: unknown = ctx.sop.supersededBy;
    if (by === undefined) return;
    const status: unknown = ctx.sop.status;
    if (typeof status === 'string' && status !== 'withdrawn') ctx.report({ path: ['supersededBy'], key: true, messageId: 'notWithdrawn', data: { status } });
    if (typeof by === 'string' && ID_PATTERN.test(by)) checkRef(['supersededBy'], 'supersededBy', by);
  },
});
