import { Command, Option } from 'commander';
import { CRITERIA, DECISIONS, MONITORING_METHODS, type Criterion } from '../../../model/types.js';
import { CRITERION_LABELS, criterionFlag, type RecordKind, type RecordValues } from '../../../lifecycle/records.js';
import { sopRecord } from '../../../app/lifecycle/record.js';
import { editWiring } from '../../sop-file.js';
import type { RunState } from '../../state.js';
import { todayOption } from '../../options.js';
import type { Translate } from '../../i18n/index.js';

interface RecordFlags extends Omit<RecordValues, 'criteria'> {
  commit?: boolean;
  config?: string;
  today?: string;
  [criterion: string]: unknown;
}

const collect = (v: string, prev: string[] = []) => [...prev, v];

/** Flags every record command has. */
function common(t: Translate, cmd: Command): Command {
  return cmd
    .argument('<sop>', t('opt.sop'))
    .option('--date <date>', t('record.date'))
    .option('--evidence <path-or-url>', t('record.evidence'), collect)
    .option('--notes <text>', t('record.notes'))
    .option('--commit', t('record.commit'))
    .option('-c, --config <file>', t('opt.config'))
    .addOption(todayOption(t));
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

const NEXT = { revise: 'record.next.revise', withdraw: 'record.next.withdraw', keep: 'record.next.keep' } as const;

async function act(state: RunState, target: string, kind: RecordKind, f: RecordFlags): Promise<void> {
  const { io, t } = state;
  const r = await sopRecord({
    cwd: io.cwd,
    target,
    kind,
    values: valuesOf(f),
    ...editWiring(state, f),
  });
  const list = kind === 'evaluation' ? 'evaluations' : kind;
  const stage = r.to.status !== r.from.status ? t('record.stage', { from: r.from.status, to: r.to.status }) : '';
  const committed = r.commit ? t('promote.committed', { commit: r.commit.slice(0, 7) }) : '';
  io.stdout(`${t('record.done', { id: r.id, kind: t(`record.kind.${kind}`), list, index: r.index, file: r.file })}${stage}${committed}\n`);
  const next = r.decision ? NEXT[r.decision as keyof typeof NEXT] : undefined;
  if (next) io.stdout(`${t(next, { id: r.id })}\n`);
  for (const e of r.earlier) {
    const f = e.followUp;
    const what = f ? t('record.followedUp', { revision: f.revision, date: f.date }) + (f.commit ? t('record.followedUpCommit', { commit: f.commit.slice(0, 7) }) : '') : t('record.notFollowedUp');
    io.stdout(`${t('record.earlier', { date: e.date, what })}\n`);
  }
  state.exitCode = 0;
}

/** `sop socialize`, `sop monitor`, `sop evaluate`: append penerapan and evaluasi records to an SOP. */
export function registerRecords(program: Command, state: RunState): void {
  const { t } = state;
  common(t, program.command('socialize').description(t('record.socialize')))
    .option('--place <text>', t('record.place'))
    .option('--audience <text>', t('record.audience'))
    .option('--attendees <n>', t('record.attendees'))
    .action((target: string, f: RecordFlags) => act(state, target, 'socialization', f));
  common(t, program.command('monitor').description(t('record.monitor')))
    .option('--assessor <text>', t('record.assessor'))
    .addOption(new Option('--method <method>', t('record.method')).choices([...MONITORING_METHODS]))
    .addOption(new Option('--result <result>', t('record.result')).choices(['good', 'poor']))
    .option('--action <text>', t('record.action'))
    .action((target: string, f: RecordFlags) => act(state, target, 'monitoring', f));
  const evaluate = common(t, program.command('evaluate').description(t('record.evaluate')))
    .option('--evaluator <text>', t('record.evaluator'));
  for (const c of CRITERIA) evaluate.option(`${criterionFlag(c)} <ya|tidak>`, `${CRITERION_LABELS[c]}?`);
  evaluate
    .addOption(new Option('--decision <decision>', t('record.decision')).choices([...DECISIONS]))
    .option('--meeting-date <date>', t('record.meetingDate'))
    .option('--meeting-place <text>', t('record.meetingPlace'))
    .option('--minutes <path-or-url>', t('record.minutes'))
    .option('--attendance <path-or-url>', t('record.attendance'))
    .action((target: string, f: RecordFlags) => act(state, target, 'evaluation', f));
}
