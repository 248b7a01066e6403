import path from 'node:path';
import { ID_PATTERN } from '../../../model/types.js';
import { defineRule } from '../../rule.js';

/** Files are named after the SOP they hold. */
export const filenameId = defineRule({
  meta: {
    id: 'filename-id',
    description: 'The file name starts with the SOP id, e.g. `KUL-004-surat-masuk.yaml` for `KUL-004`.',
    defaultSeverity: 'warn',
    messages: {
      mismatch: 'The file name "{{name}}" does not start with the SOP id "{{id}}": name it `{{id}}.yaml` or `{{id}}-<short-title>.yaml` so the SOP is easy to find.',
    },
  },
  check(ctx) {
    const id: unknown = ctx.sop.id;
    if (typeof id !== 'string' || !ID_PATTERN.test(id)) return;
    const name = path.basename(ctx.file.file);
    const stem = name.replace(/\.ya?ml$/i, '');
    const head = stem.slice(0, id.length);
    const after = stem.charAt(id.length);
    if (head.toUpperCase() === id && (after === '' || /[^A-Za-z0-9]/.test(after))) return;
    ctx.report({ path: ['id'], messageId: 'mismatch', data: { name, id } });
  },
});
