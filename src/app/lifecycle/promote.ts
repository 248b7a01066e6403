import { UsageError } from '../../util/errors.js';
import { openSopToEdit } from '../find-sop.js';
import { planPromote, promoteMessage, type MissingValue, type PromoteValues, type PromoteVerb } from '../../lifecycle/promote.js';
import type { Now } from '../../model/day.js';
import type { StagePoint } from '../../lifecycle/transitions.js';
import { editYaml } from '../../model/yaml-edit.js';
import { writeSopEdit, type SopCommandOptions } from './write.js';

/** Options of `sop promote`. */
export interface PromoteOptions extends SopCommandOptions {
  /** Target stage or `revise`. */
  verb: PromoteVerb;
  /** Given values. */
  values: PromoteValues;
  /** Asks for a missing value (only when stdin is a terminal); undefined answers leave it missing. */
  ask?: (m: MissingValue) => Promise<string | undefined>;
}

/** What a promotion did. */
export interface PromoteResult {
  /** File as shown. */
  file: string;
  /** SOP id. */
  id: string;
  /** Before. */
  from: StagePoint;
  /** After. */
  to: StagePoint;
  /** Nothing to do (already there). */
  noop: boolean;
  /** Commit id when committed. */
  commit?: string;
}

/** `sop promote`: check the transition and requirements, edit the YAML in place, optionally commit. */
export async function sopPromote(opts: PromoteOptions): Promise<PromoteResult> {
  const { project, file, abs, data, id, today } = openSopToEdit(opts);
  const values: PromoteValues = { ...opts.values };
  const numbers = new Map([...project.repo.byNumber].flatMap(([n, fs]) => fs.filter((f) => f !== file).slice(0, 1).map((f) => [n, f.file] as const)));
  const known = { numberPattern: project.config.numbering.pattern, ids: new Set(project.repo.byId.keys()), numbers };
  let plan = planPromote(data, opts.verb, values, today, known);
  if (!plan.ok && plan.errors.length === 0 && plan.missing.length && opts.ask) {
    for (const m of plan.missing) {
      const answer = (await opts.ask(m))?.trim();
      if (answer) values[m.key] = answer;
    }
    plan = planPromote(data, opts.verb, values, today, known);
  }
  if (!plan.ok) {
    const target = opts.verb === 'revise' ? 'revised' : `moved to ${opts.verb}`;
    const parts = [...plan.errors, ...(plan.missing.length ? [`missing ${plan.missing.map((m) => `${m.flag} (${m.label})`).join(', ')}`] : [])];
    throw new UsageError(`${id} cannot be ${target}: ${parts.join('; ')}.`, { id: `promote.refused.${opts.verb}`, data: { id, reasons: parts.join('; ') } });
  }
  if (plan.noop) return { file: file.file, id, from: plan.from, to: plan.to, noop: true };
  const edits = plan.edits;
  const message = promoteMessage(id, plan.to, plan.to.status === 'draft' ? values.reason : undefined);
  const commit = await writeSopEdit({ project, file, abs, edit: (text) => editYaml(text, edits), message, commit: opts.commit, write: opts.write, lock: opts.lock });
  return { file: file.file, id, from: plan.from, to: plan.to, noop: false, commit };
}
