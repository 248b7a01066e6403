import { Command, Option } from 'commander';
import { STAGES } from '../../model/types.js';
import type { PromoteValues, PromoteVerb } from '../../lifecycle/promote.js';
import { sopPromote } from '../../lifecycle/sop-promote.js';
import { writeFileAtomic } from '../output.js';
import type { RunState } from '../state.js';
import { dayOption } from './status.js';

interface PromoteFlags extends PromoteValues {
  commit?: boolean;
  config?: string;
  today?: Date;
}

function addOptions(cmd: Command): Command {
  return cmd
    .option('--number <text>', 'Nomor SOP (approve)')
    .option('--effective <date>', 'Tanggal Efektif, YYYY-MM-DD (approve; default today)')
    .option('--date <date>', 'date of the step, YYYY-MM-DD (implement, revise; default today)')
    .option('--approver-position <text>', 'position (jabatan) of the approving official (approve)')
    .option('--approver-name <text>', 'name of the approving official (approve)')
    .option('--approver-nip <digits>', '18-digit NIP of the approving official (approve)')
    .option('--superseded-by <id>', 'the SOP that replaces this one (withdraw)')
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
  };
  const prompt = io.stdinIsTTY && io.prompt ? io.prompt.bind(io) : undefined;
  const r = await sopPromote({
    cwd: io.cwd,
    target,
    verb,
    values,
    now: f.today ?? new Date(),
    commit: f.commit,
    configPath: f.config,
    ask: prompt ? (m) => prompt(`${m.label} (${m.flag}): `) : undefined,
    write: writeFileAtomic,
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
  const shortcuts: Array<[string, PromoteVerb, string]> = [
    ['approve', 'approved', 'approve (tetapkan) an SOP: number, approver and effective date'],
    ['implement', 'implemented', 'record the start of implementation (penerapan)'],
    ['revise', 'revise', 'start a revision: revision + 1, dates.revised, back to draft'],
    ['withdraw', 'withdrawn', 'withdraw (cabut) an SOP'],
  ];
  for (const [name, verb, description] of shortcuts) {
    addOptions(program.command(name).description(description).argument('<sop>', 'SOP id or file path')).action((target: string, f: PromoteFlags) => act(state, target, verb, f));
  }
}
