import { diffLines, type DiffLine } from './diff.js';
import type { HistoryEntry, HistoryReport } from '../../app/lifecycle/history.js';
import { TRANSITION_TEXT } from '../../lifecycle/transitions.js';
import { translator, type Translate } from '../i18n/index.js';

/** Output formats of `sop history`. */
export type HistoryFormat = 'text' | 'json' | 'md';

/** Colours for the terminal (identity when colour is off). */
export interface HistoryPaint {
  /** Highlights a stage transition. */
  transition?: (t: string) => string;
  /** Marks an invalid transition. */
  bad?: (t: string) => string;
  /** Dims commit ids. */
  dim?: (t: string) => string;
}

const stageText = (s: { status?: string; revision?: number }) => `${s.status ?? '?'} r${s.revision ?? '?'}`;

function transitionText(e: HistoryEntry, t: Translate): string | undefined {
  const tr = e.transition;
  if (!tr) return undefined;
  const base = `${stageText(tr.from)} → ${stageText(tr.to)}`;
  return tr.verdict.ok ? base : `${base} (${t('history.invalid', { why: TRANSITION_TEXT[tr.verdict.problem] })})`;
}

/** Who: the person the SOP names for a stage change, and the git author who committed it. */
function whoOf(e: HistoryEntry, t: Translate): string {
  const author = e.commit?.author ?? '';
  if (!e.actor) return author;
  const person = `${t('history.by', { did: e.actor.did, name: e.actor.name })}${e.actor.position ? ` (${e.actor.position})` : ''}`;
  return author ? t('history.committedBy', { person, author }) : person;
}

function head(e: HistoryEntry, t: Translate): { date: string; commit: string; who: string; subject: string } {
  if (!e.commit) return { date: t('history.uncommitted'), commit: '', who: whoOf(e, t), subject: t('history.workingTree') };
  return { date: e.commit.date.slice(0, 10), commit: e.commit.hash.slice(0, 7), who: whoOf(e, t), subject: e.commit.subject };
}

/** The changed values of an entry, as `sop diff` words them (stage and revision are on the transition line). */
function details(e: HistoryEntry, first: boolean): DiffLine[] {
  if (first || e.change === 'D') return [];
  return diffLines({ ...e.diff, fields: e.diff.fields.filter((f) => f.path !== 'status' && f.path !== 'revision') });
}

const detailText = (l: DiffLine): string[] => (l.detail.length === 1 ? [`${l.sign} ${l.what}: ${l.detail[0]}`] : [`${l.sign} ${l.what}`, ...l.detail.map((d) => `    ${d}`)]);

function text(rep: HistoryReport, p: HistoryPaint, t: Translate): string {
  const dim = p.dim ?? ((t: string) => t);
  const hl = p.transition ?? ((t: string) => t);
  const bad = p.bad ?? ((t: string) => t);
  const out = [`${rep.id} (${rep.file})`];
  if (!rep.entries.length) out.push(t('history.noCommits'));
  for (const e of rep.entries) {
    const h = head(e, t);
    const tr = transitionText(e, t);
    out.push(`${h.date}  ${dim(h.commit.padEnd(7))}  ${stageText(e.stage).padEnd(15)} ${h.subject}${h.who ? dim(` — ${h.who}`) : ''}`);
    if (tr) out.push(`    ${e.transition!.verdict.ok ? hl(`★ ${tr}`) : bad(`✗ ${tr}`)}`);
    out.push(`    ${e.summary}`);
    for (const l of details(e, e === rep.entries[0])) for (const t of detailText(l)) out.push(`      ${t}`);
  }
  return `${out.join('\n')}\n`;
}

const mdEsc = (s: string) => s.replace(/\\/g, '\\\\').replace(/([|*_`[\]<>#])/g, '\\$1').replace(/\r?\n/g, ' ');

function md(rep: HistoryReport, t: Translate): string {
  const cols = (['date', 'commit', 'who', 'stage', 'change', 'subject'] as const).map((k) => t(`history.head.${k}`));
  const out = [`# ${mdEsc(t('history.mdTitle', { id: rep.id }))}`, '', `${t('history.mdFile')}: \`${rep.file.replace(/`/g, '')}\``, '', `| ${cols.join(' | ')} |`, '|---|---|---|---|---|---|'];
  for (const e of rep.entries) {
    const h = head(e, t);
    const tr = transitionText(e, t);
    const values = details(e, e === rep.entries[0]).flatMap(detailText).map(mdEsc);
    const change = [tr ? `**${mdEsc(tr)}**` : '', mdEsc(e.summary), ...values].filter(Boolean).join('<br>');
    out.push(`| ${h.date} | ${h.commit ? `\`${h.commit}\`` : ''} | ${mdEsc(h.who)} | ${stageText(e.stage)} | ${change} | ${mdEsc(h.subject)} |`);
  }
  return `${out.join('\n')}\n`;
}

/** Format a history report. */
export function formatHistory(rep: HistoryReport, format: HistoryFormat, paint: HistoryPaint = {}, t: Translate = translator('en')): string {
  if (format === 'json') return `${JSON.stringify(rep, null, 2)}\n`;
  if (format === 'md') return md(rep, t);
  return text(rep, paint, t);
}
