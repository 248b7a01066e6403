import type { Config, Locale } from '../config/types.js';
import { dayOf, type Now } from '../model/day.js';
import type { RevisionRow } from '../lifecycle/revision-row.js';
import { buildFlow, endSteps } from '../model/graph.js';
import { ID_PATTERN, type Sop } from '../model/types.js';
import { formatDate, formatRange } from './format.js';
import { labelsFor } from './locale/index.js';
import type { Labels } from './locale/types.js';
import { mainPathTime } from './main-path.js';
import { pageSize } from './page.js';
import type { ItemView, ListView, SopView, StepView } from './view-types.js';

export type { SopView, StepView, ListView, ItemView, HistoryView } from './view-types.js';

/** An SOP of the repository that Keterkaitan entries may link to. */
export interface IndexEntry {
  /** Nama SOP. */
  title: string;
  /** Link target (e.g. `KUL-005.html`). */
  href: string;
  /** Nomor SOP, printed in Keterkaitan instead of the internal id (absent when the SOP has none yet). */
  number?: string;
}

/** Everything outside the SOP that a rendered document depends on (injected: no clock or disk reads here). */
export interface ViewContext {
  /** The repository's configuration. */
  config: Config;
  /** Output language; defaults to the config's. */
  locale?: Locale;
  /** The clock (for `generated`). */
  now: Now;
  /** SOPs of the repository by id, for Keterkaitan links. */
  index?: ReadonlyMap<string, IndexEntry>;
  /** The logo as a data URI. */
  logo?: string;
  /** Revision history rows (from git); a table is shown when non-empty. */
  history?: readonly RevisionRow[];
  /** Rows (0-based step indexes) after which a printed page breaks (as the flowchart's `breaks`). */
  breaks?: readonly number[];
}

// Text as written; anything else (selectForRendering refuses it first) is never converted, so it cannot throw.
const str = (v: unknown): string => (typeof v === 'string' ? v : typeof v === 'number' || typeof v === 'boolean' ? String(v) : '');
const list = (v: unknown): string[] => (Array.isArray(v) ? v.map(str).filter((s) => s.trim() !== '') : []);
const orEmpty = (v: unknown, labels: Labels): string => (str(v).trim() === '' ? labels.empty : str(v));

function listView(label: string, items: string[], index?: ReadonlyMap<string, IndexEntry>): ListView {
  return {
    label,
    items: items.map((text): ItemView => {
      const hit = ID_PATTERN.test(text.trim()) ? index?.get(text.trim()) : undefined;
      // Keterkaitan prints the related SOP's number and title, not the repository's internal id.
      return hit ? { text: hit.number?.trim() || text.trim(), href: hit.href, linkTitle: hit.title } : { text };
    }),
  };
}

function stepViews(sop: Sop, labels: Labels, breaks: ReadonlySet<number>): StepView[] {
  const steps = Array.isArray(sop.steps) ? sop.steps : [];
  const actors = Array.isArray(sop.actors) ? sop.actors : [];
  const ends = endSteps(buildFlow(steps).edges);
  return steps.map((s, i): StepView => {
    const lane = actors.findIndex((a) => a?.id === s?.actor);
    const decision = s?.type === 'decision';
    const labelsOf = Array.isArray(s?.labels) && s.labels.length === 2 ? ([str(s.labels[0]), str(s.labels[1])] as [string, string]) : undefined;
    return {
      no: i + 1,
      activity: str(s?.activity),
      lane,
      actorName: lane >= 0 ? str(actors[lane]?.name) : str(s?.actor),
      kind: decision ? 'decision' : i === 0 ? 'start' : ends.has(i) ? 'end' : 'process',
      requirements: list(s?.requirements),
      time: orEmpty(s?.time, labels),
      output: orEmpty(s?.output, labels),
      notes: str(s?.notes),
      labels: decision ? labelsOf ?? [labels.yes, labels.no_] : undefined,
      breakAfter: breaks.has(i),
    };
  });
}

/** Build the plain view model of one SOP. */
export function buildView(sop: Sop, ctx: ViewContext): SopView {
  const locale = ctx.locale ?? ctx.config.locale;
  const labels = labelsFor(locale);
  const org = ctx.config.organization;
  const lists = {
    legalBasis: listView(labels.legalBasis, list(sop.legalBasis)),
    qualifications: listView(labels.qualifications, list(sop.qualifications)),
    related: listView(labels.related, list(sop.related), ctx.index),
    equipment: listView(labels.equipment, list(sop.equipment)),
    warnings: listView(labels.warnings, list(sop.warnings)),
    records: listView(labels.records, list(sop.records)),
  };
  const steps = stepViews(sop, labels, new Set(ctx.breaks ?? []));
  const time = mainPathTime(Array.isArray(sop.steps) ? sop.steps : []);
  const approval = sop.approval && typeof sop.approval === 'object' ? sop.approval : undefined;
  const history = (ctx.history ?? []).map((r) => ({
    revision: r.revision,
    date: formatDate(r.date, labels),
    stage: labels.stages[r.stage] ?? r.stage,
    approvedBy: orEmpty(r.approvedBy, labels),
    commit: r.commit,
    commitDate: formatDate(r.commitDate, labels),
    subject: r.reason ?? r.subject,
  }));
  const dates = sop.dates && typeof sop.dates === 'object' ? sop.dates : { created: '' };
  return {
    locale,
    labels,
    id: str(sop.id),
    title: str(sop.title),
    number: str(sop.number).trim() || labels.unnumbered,
    unit: str(sop.unit),
    status: str(sop.status),
    watermark: sop.status === 'draft' ? labels.draft : sop.status === 'withdrawn' ? labels.withdrawn : undefined,
    org: { name: str(org.name), unitLines: list(org.unitLines), logo: ctx.logo, address: org.address },
    dates: {
      created: formatDate(dates.created, labels),
      revised: formatDate(dates.revised, labels),
      effective: formatDate(dates.effective, labels),
    },
    approval: {
      position: orEmpty(approval?.position, labels),
      name: orEmpty(approval?.name, labels),
      nip: approval?.nip ? `${labels.nip} ${str(approval.nip)}` : labels.empty,
      present: approval !== undefined,
    },
    grid: [
      { left: lists.legalBasis, right: lists.qualifications },
      { left: lists.related, right: lists.equipment },
      { left: lists.warnings, right: lists.records },
    ],
    lists,
    actors: (Array.isArray(sop.actors) ? sop.actors : []).map((a) => ({ id: str(a?.id), name: str(a?.name) })),
    steps,
    totalTime: time.steps.length === time.untimed ? labels.empty : formatRange(time.min, time.max, labels),
    history: history.length > 0 ? history : undefined,
    page: pageSize(ctx.config),
    generated: formatDate(dayOf(ctx.now, ctx.config.timeZone), labels),
  };
}
