import { Command } from 'commander';
import { STAGES } from '../../../model/types.js';
import type { PromoteValues, PromoteVerb } from '../../../lifecycle/promote.js';
import { sopPromote } from '../../../app/lifecycle/promote.js';
import { editWiring } from '../../sop-file.js';
import type { RunState } from '../../state.js';
import { todayOption } from '../../options.js';
import type { MessageKey, Translate } from '../../i18n/index.js';

interface PromoteFlags extends PromoteValues {
  commit?: boolean;
  config?: string;
  today?: string;
}

type Flag = keyof PromoteValues;

/** The value options (their descriptions name the verbs they belong to). */
const VALUE_OPTIONS: Array<[Flag, string]> = [
  ['number', '--number <text>'],
  ['effective', '--effective <date>'],
  ['date', '--date <date>'],
  ['approverPosition', '--approver-position <text>'],
  ['approverName', '--approver-name <text>'],
  ['approverNip', '--approver-nip <digits>'],
  ['supersededBy', '--superseded-by <id>'],
  ['reason', '--reason <text>'],
];

/** Add the value options in `only` (all of them for `sop promote`) and the common ones. */
function addOptions(t: Translate, cmd: Command, only?: readonly Flag[]): Command {
  for (const [key, flags] of VALUE_OPTIONS) {
    const description = t(`promote.opt.${key}` as MessageKey);
    // A shortcut's own help needs no "(approve)" telling which verb takes the option.
    if (!only) cmd.option(flags, description);
    else if (only.includes(key)) cmd.option(flags, description.replace(/ \((?:approve|implement|revise|withdraw)(?:, (?:implement|revise))*(?:; ([^)]*))?\)$/, (_m, note?: string) => (note ? ` (${note})` : '')));
  }
  return cmd
    .option('--commit', t('promote.commit'))
    .option('-c, --config <file>', t('opt.config'))
    .addOption(todayOption(t));
}

async function act(state: RunState, target: string, verb: PromoteVerb, f: PromoteFlags): Promise<void> {
  const { io, t } = state;
  const values: PromoteValues = {
    number: f.number,
    effective: f.effective,
    date: f.date,
    approverPosition: f.approverPosition,
    approverName: f.approverName,
    approverNip: f.approverNip,
    supersededBy: f.supersededBy,
    reason: f.reason,
  };
  const r = await sopPromote({
    cwd: io.cwd,
    target,
    verb,
    values,
    ...editWiring(state, f),
  });
  if (r.noop) io.stdout(`${t('promote.noop', { id: r.id, status: r.to.status, revision: r.to.revision })}\n`);
  else io.stdout(`${t('promote.done', { id: r.id, from: `${r.from.status} r${r.from.revision}`, to: `${r.to.status} r${r.to.revision}`, file: r.file })}${r.commit ? t('promote.committed', { commit: r.commit.slice(0, 7) }) : ''}\n`);
  state.exitCode = 0;
}

/** `sop promote <id> <stage>` and the shortcuts approve, implement, revise, withdraw. */
export function registerPromote(program: Command, state: RunState): void {
  const { t } = state;
  addOptions(
    t,
    program
      .command('promote')
      .description(t('promote.desc'))
      .argument('<sop>', t('opt.sop'))
      .addArgument(new Command().createArgument('<stage>', t('promote.stage')).choices([...STAGES, 'withdrawn'])),
  ).action((target: string, stage: PromoteVerb, f: PromoteFlags) => act(state, target, stage, f));
  const shortcuts: Array<[string, PromoteVerb, string, Flag[]]> = [
    ['approve', 'approved', t('promote.approve'), ['number', 'effective', 'approverPosition', 'approverName', 'approverNip']],
    ['implement', 'implemented', t('promote.implement'), ['date']],
    ['revise', 'revise', t('promote.revise'), ['date', 'reason']],
    ['withdraw', 'withdrawn', t('promote.withdraw'), ['supersededBy']],
  ];
  for (const [name, verb, description, only] of shortcuts) {
    addOptions(t, program.command(name).description(description).argument('<sop>', t('opt.sop')), only).action((target: string, f: PromoteFlags) => act(state, target, verb, f));
  }
}
