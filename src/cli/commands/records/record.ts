import { Command, Option } from 'commander';
import { CRITERIA, DECISIONS, MONITORING_METHODS, type Criterion } from '../../../model/types.js';
import { CRITERION_LABELS, criterionFlag, type RecordKind, type RecordValues } from '../../../lifecycle/records.js';
import { sopRecord } from '../../../app/lifecycle/record.js';
import { editWiring } from '../../sop-file.js';
import type { RunState } from '../../state.js';
import { dayOption } from './status.js';

interface RecordFlags extends Omit<RecordValues, 'criteria'> {
  commit?: boolean;
  config?: string;
  today?: string;
  [criterion: string]: unknown;
}

const collect = (v: string, prev: string[] = []) => [...prev, v];

/** Flags every record command has. */
function common(cmd: Command): Command {
  return cmd
    .argument('<sop>', 'SOP id or file path')
    .option('--date <date>', 'date of the record, YYYY-MM-DD (default today)')
    .option('--evidence <path-or-url>', 'evidence: a file of the repository (path from its root) or an http(s) URL; repeat for several', collect)
    .option('--notes <text>', 'notes (catatan)')
    .option('--commit', 'commit the file with the message `sop(<id>): <kind>` and SOP-* trailers')
    .option('-c, --config <file>', 'use this sop.config.yaml')
    .addOption(new Option('--today <date>', 'treat this day as today').argParser(dayOption).hideHelp());
}

function valuesOf(f: RecordFlags): RecordValues {
  const criteria: Partial<Record<Criterion, string>> = {};
  for (const c of CRITERIA) if (typeof f[c] === 'string') criteria[c] = f[c] as string;
  const { commit: _c, config: _g, today: _t, ...rest } = f;
  const values: RecordValues = { criteria };
  for (const k of ['date', 'place', 'audience', 'attendees', 'evidence', 'notes', 'assessor', 'method', 'result', 'action', 'evaluator', 'decision', 'meetingDate', 'meetingPlace', 'minutes', 'attendance'] as const) {
    if (rest[k] !== undefined) (values as Record<string, unknown>)[k] = rest[k];
  }
  return values;
}

const NEXT: Record<string, (id: string) => string> = {
  revise: (id) => `Decision: revise. Next: \`sop revise ${id}\`, edit the SOP, then \`sop approve ${id}\` for the revised edition.\n`,
  withdraw: (id) => `Decision: withdraw. Next: \`sop withdraw ${id}\` (with --superseded-by when another SOP replaces it).\n`,
  keep: () => 'Decision: keep.\n',
};

async function act(state: RunState, target: string, kind: RecordKind, f: RecordFlags): Promise<void> {
  const { io } = state;
  const r = await sopRecord({
    cwd: io.cwd,
    target,
    kind,
    values: valuesOf(f),
    ...editWiring(io, f),
  });
  const list = kind === 'evaluation' ? 'evaluations' : kind;
  const stage = r.to.status !== r.from.status ? `; ${r.from.status} → ${r.to.status}` : '';
  io.stdout(`${r.id}: ${kind} recorded as ${list}[${r.index}] (${r.file})${stage}${r.commit ? `, committed ${r.commit.slice(0, 7)}` : ''}\n`);
  if (r.decision) io.stdout(NEXT[r.decision]?.(r.id) ?? '');
  for (const e of r.earlier) {
    const f = e.followUp;
    io.stdout(`Earlier decision to revise (${e.date}): ${f ? `followed up by revision ${f.revision} on ${f.date}${f.commit ? ` (commit ${f.commit.slice(0, 7)})` : ''}` : 'not followed up by a revision yet'}.\n`);
  }
  state.exitCode = 0;
}

/** `sop socialize`, `sop monitor`, `sop evaluate`: append penerapan and evaluasi records to an SOP. */
export function registerRecords(program: Command, state: RunState): void {
  common(program.command('socialize').description('record a socialisation meeting (sosialisasi) of an SOP'))
    .option('--place <text>', 'where (tempat)')
    .option('--audience <text>', 'who was addressed (peserta)')
    .option('--attendees <n>', 'how many attended (jumlah peserta)')
    .action((target: string, f: RecordFlags) => act(state, target, 'socialization', f));
  common(program.command('monitor').description('record a monitoring of an SOP (Permenpan RB 35/2012 monitoring form)'))
    .option('--assessor <text>', 'who assessed (penilai)')
    .addOption(new Option('--method <method>', 'how (metode monitoring)').choices([...MONITORING_METHODS]))
    .addOption(new Option('--result <result>', 'good = berjalan dengan baik, poor = tidak berjalan dengan baik').choices(['good', 'poor']))
    .option('--action <text>', 'action to take (tindakan yang harus diambil)')
    .action((target: string, f: RecordFlags) => act(state, target, 'monitoring', f));
  const evaluate = common(program.command('evaluate').description('record an evaluation (evaluasi penerapan SOP AP: seven Ya/Tidak questions and a decision); an implemented SOP becomes evaluated'))
    .option('--evaluator <text>', 'who evaluated (name, position or team)');
  for (const c of CRITERIA) evaluate.option(`${criterionFlag(c)} <ya|tidak>`, `${CRITERION_LABELS[c]}?`);
  evaluate
    .addOption(new Option('--decision <decision>', 'keep, revise or withdraw').choices([...DECISIONS]))
    .option('--meeting-date <date>', 'date of the evaluation meeting (default the evaluation date when another meeting flag is given)')
    .option('--meeting-place <text>', 'where the meeting was held')
    .option('--minutes <path-or-url>', 'minutes of the meeting (notulen): repository path or URL')
    .option('--attendance <path-or-url>', 'attendance list of the meeting (daftar hadir): repository path or URL')
    .action((target: string, f: RecordFlags) => act(state, target, 'evaluation', f));
}
