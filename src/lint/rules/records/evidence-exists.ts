import { evidenceRefs, isUrl, resolveEvidence } from '../../../model/evidence.js';
import { defineRule } from '../../rule.js';
import { formatPath } from '../../../model/words.js';

/** The message of each reason `resolveEvidence` gives. */
const WHY = { absolute: 'absolute', outside: 'outside', missing: 'missing', 'not-file': 'notFile' } as const;

/** Evidence of socialisation, monitoring and evaluation records names a file of the repository or a URL. */
export const evidenceExists = defineRule({
  meta: {
    id: 'evidence-exists',
    description: 'Evidence (`evidence` of records, the evaluation meeting\'s `minutes` and `attendance`) is an http(s) URL or an existing file inside the repository.',
    defaultSeverity: 'error',
    messages: {
      absolute: '`{{field}}` names "{{ref}}": an absolute path; write it relative to the repository root (the folder of sop.config.yaml).',
      outside: '`{{field}}` names "{{ref}}": it leads outside the repository (through `..` or a symlink); evidence must be a file of the repository.',
      missing: '`{{field}}` names "{{ref}}": no such file in the repository (paths are relative to the folder of sop.config.yaml).',
      notFile: '`{{field}}` names "{{ref}}": it is a folder, not a file.',
      scheme: '`{{field}}` names "{{ref}}": only http:// and https:// addresses are allowed as URLs.',
    },
  },
  check(ctx) {
    for (const { path, value } of evidenceRefs(ctx.sop)) {
      if (isUrl(value)) continue;
      if (/^[a-z][a-z0-9+.-]*:\/\//i.test(value)) {
        ctx.report({ path, messageId: 'scheme', data: { field: formatPath(path), ref: value } });
        continue;
      }
      const r = resolveEvidence(ctx.repo.config.root, value);
      if (!r.ok) ctx.report({ path, messageId: WHY[r.why], data: { field: formatPath(path), ref: value } });
    }
  },
});
