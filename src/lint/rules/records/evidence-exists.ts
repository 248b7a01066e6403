import { evidenceRefs, isUrl, resolveEvidence } from '../../../model/evidence.js';
import { defineRule } from '../../rule.js';
import { formatPath } from '../../../model/words.js';

const WHY = {
  absolute: 'an absolute path; write it relative to the repository root (the folder of sop.config.yaml)',
  outside: 'it leads outside the repository (through `..` or a symlink); evidence must be a file of the repository',
  missing: 'no such file in the repository (paths are relative to the folder of sop.config.yaml)',
  'not-file': 'it is a folder, not a file',
} as const;

/** Evidence of socialisation, monitoring and evaluation records names a file of the repository or a URL. */
export const evidenceExists = defineRule({
  meta: {
    id: 'evidence-exists',
    description: 'Evidence (`evidence` of records, the evaluation meeting\'s `minutes` and `attendance`) is an http(s) URL or an existing file inside the repository.',
    defaultSeverity: 'error',
    messages: {
      bad: '`{{where}}` names "{{ref}}": {{why}}.',
    },
  },
  check(ctx) {
    for (const { path, value } of evidenceRefs(ctx.sop)) {
      if (isUrl(value)) continue;
      if (/^[a-z][a-z0-9+.-]*:\/\//i.test(value)) {
        ctx.report({ path, messageId: 'bad', data: { where: formatPath(path), ref: value, why: 'only http:// and https:// addresses are allowed as URLs' } });
        continue;
      }
      const r = resolveEvidence(ctx.repo.config.root, value);
      if (!r.ok) ctx.report({ path, messageId: 'bad', data: { where: formatPath(path), ref: value, why: WHY[r.why] } });
    }
  },
});
