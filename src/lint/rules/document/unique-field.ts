import type { RepoFile } from '../../../model/facts/facts.js';
import { defineRule, type Repository, type Rule } from '../../rule.js';
import { isText } from '../support.js';

/** A rule that a top-level text field (`id`, `number`) is unique across the repository; each file reports its own place. */
export function uniqueFieldRule(spec: {
  id: string;
  key: 'id' | 'number';
  index: (repo: Repository<RepoFile>) => Map<string, RepoFile[]>;
  description: string;
  message: string;
}): Rule {
  return defineRule({
    meta: {
      id: spec.id,
      description: spec.description,
      defaultSeverity: 'error',
      messages: { duplicate: spec.message },
    },
    check(ctx) {
      const value: unknown = ctx.sop[spec.key];
      if (!isText(value)) return;
      const others = (spec.index(ctx.repo).get(value) ?? []).filter((f) => f !== ctx.file).map((f) => f.file);
      if (others.length === 0) return;
      ctx.report({ path: [spec.key], messageId: 'duplicate', data: { value, others: others.join(', ') } });
    },
  });
}
