import { Command, Option } from 'commander';
import { STAGES } from '../../../model/types.js';
import type { PromoteValues, PromoteVerb } from '../../../lifecycle/promote.js';
import { sopPromote } from '../../../app/lifecycle/promote.js';
import { editWiring } from '../../sop-file.js';
import type { RunState } from '../../state.js';
import { dayOption } from './status.js';

interface PromoteFlags extends PromoteValues {
  commit?: boolean;
  config?: string;
  today?: string;
}

type Flag = keyof PromoteValues;

/** The value options, each with the verbs it belongs to. */
const VALUE_OPTIONS: Array<[Flag, string, string]> = [
  ['number', '--number <text>', 'Nomor SOP (approve)'],
  ['effective', '--effective <date>', 'Tanggal Efektif, YYYY-MM-DD (approve; default today)'],
  ['date', '--date <date>', 'date of the step, YYYY-MM-DD (implement, revise; default today)'],
  ['approverPosition', '--approver-position <text>', 'position (jabatan) of the approving official (approve)'],
  ['approverName', '--approver-name <text>', 'name of the approving official (approve)'],
  ['approverNip', '--approver-nip <digits>', '18-digit NIP of the approving official (approve)'],
  ['supersededBy', '--superseded-by <id>', 'the SOP that replaces this one (withdraw)'],
  ['reason', '--reason <text>', 'why the SOP is revised: written to `revisionNote`, printed in Riwayat Revisi (revise)'],
];

/** Add the value options in `only` (all of them for `sop promote`) and the common ones. */
function addOptions(cmd: Command, only?: readonly Flag[]): Command {
  for (const [key, flags, description] of VALUE_OPTIONS) {
    // A shortcut's own help needs no "(approve)" telling which verb takes the option.
    if (!only) cmd.option(flags, description);
    else if (only.includes(key)) cmd.option(flags, description.replace(/ \((?:approve|implement|revise|withdraw)(?:, (?:implement|revise))*(?:; ([^)]*))?\)$/, (_m, note?: string) => (note ? ` (${note})` : '')));
  }
  return cmd
    .option('--commit', 'commit the file with the message `sop(<id>): <stage>` and SOP-* trailers')
    .option('-c, --config <file>', 'use this sop.config.yaml')
    .addOption(new Option('--today <date>', 'treat this day as today').argParser(dayOption).hideHelp());
}

async function act(state: RunState, target: string, verb: PromoteVerb, f: PromoteFlags): Promise<void> {
  const { io } = state;
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
    ...editWiring(io, f),
  });
  if (r.noop) io.stdout(`${r.id} is already ${r.to.status} (revision ${r.to.revision}); nothing to do.\n`);
  else io.stdout(`${r.id}: ${r.from.status} r${r.from.revision} → ${r.to.status} r${r.to.revision} (${r.file})${r.commit ? `, committed ${r.commit.slice(0, 7)}` : ''}\n`);
  state.exitCode = 0;
}

/** `sop promote <id> <stage>` and the shortcuts approve, implement, revise, withdraw. */
export function registerPromote(program: Command, state: RunState): void {
  addOptions(
    program
      .command('promote')
      .description('move an SOP to another lifecycle stage, checking the transition and the stage\'s requirements')
      .argument('<sop>', 'SOP id or file path')
      .addArgument(new Command().createArgument('<stage>', 'target stage').choices([...STAGES, 'withdrawn'])),
  ).action((target: string, stage: PromoteVerb, f: PromoteFlags) => act(state, target, stage, f));
  const shortcuts: Array<[string, PromoteVerb, string, Flag[]]> = [
    ['approve', 'approved', 'approve (tetapkan) an SOP: number, approver and effective date', ['number', 'effective', 'approverPosition', 'approverName', 'approverNip']],
    ['implement', 'implemented', 'record the start of implementation (penerapan)', ['date']],
    ['revise', 'revise', 'start a revision: revision + 1, dates.revised, back to draft (number, approval and dates.effective cleared)', ['date', 'reason']],
    ['withdraw', 'withdrawn', 'withdraw (cabut) an SOP', ['supersededBy']],
  ];
  for (const [name, verb, description, only] of shortcuts) {
    addOptions(program.command(name).description(description).argument('<sop>', 'SOP id or file path'), only).action((target: string, f: PromoteFlags) => act(state, target, verb, f));
  }
}
