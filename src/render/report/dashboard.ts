import type { Locale } from '../../config/types.js';
import type { ReportData } from '../../lifecycle/report-data.js';
import { summarize, type Coverage, type SopSummary } from '../../model/processes/coverage.js';
import { CATEGORIES } from '../../model/processes/types.js';
import { STAGES, type Status } from '../../model/types.js';
import { escapeHtml, formatDate } from '../format.js';
import { templateEnv } from '../handlebars.js';
import { locales } from '../locale/index.js';
import { mapDocument } from '../map/index.js';
import { percent, MAP_WORDS } from '../map/words.js';
import { REPORT_LABELS } from './labels.js';
import type { Register } from './register.js';
import type { FormContext } from './render.js';
import { periodLabel, reportCss } from './render.js';

const STAGE_ORDER: Status[] = [...STAGES, 'withdrawn'];
const STAGE_COLOR: Record<Status, string> = { draft: '#d9a400', approved: '#2b7bb9', implemented: '#2e9b4f', evaluated: '#6a4fb3', withdrawn: '#8a8a8a' };

/** Counts of the register by unit and stage (what the first chart draws). */
export function stageCounts(reg: Register): Array<{ unit: string; counts: Record<Status, number> }> {
  return reg.units.map((unit) => {
    const counts = Object.fromEntries(STAGE_ORDER.map((s) => [s, 0])) as Record<Status, number>;
    for (const r of reg.rows) if (r.unit === unit && r.stage in counts) counts[r.stage]++;
    return { unit, counts };
  });
}

/** Done and due counts of monitoring (each semester of the register's year) and evaluation (the year): the register's period columns counted. */
export function reviewCounts(reg: Register): Array<{ series: 'monitoring' | 'evaluation'; period: string; done: number; due: number }> {
  const count = (key: 'monitoringS1' | 'monitoringS2' | 'evaluationYear', v: string) => reg.rows.filter((r) => r[key] === v).length;
  const of = (series: 'monitoring' | 'evaluation', period: string, key: 'monitoringS1' | 'monitoringS2' | 'evaluationYear') => ({ series, period, done: count(key, 'done'), due: count(key, 'done') + count(key, 'missing') });
  return [of('monitoring', reg.semesters[0].id, 'monitoringS1'), of('monitoring', reg.semesters[1].id, 'monitoringS2'), of('evaluation', reg.year.id, 'evaluationYear')];
}

const W = 780;
const LABEL = 250;
const BAR = 26;
const GAP = 10;
const text = (x: number, y: number, s: string, attrs = '') => `<text x="${x}" y="${y}" ${attrs}>${escapeHtml(s)}</text>`;

/** A right-aligned label of at most two lines of ~40 characters (longer ones end with …), centred on `y`. */
function label(x: number, y: number, s: string): string {
  const lines: string[] = [];
  for (const w of s.split(/\s+/)) {
    const last = lines.at(-1);
    if (last !== undefined && `${last} ${w}`.length <= 40) lines[lines.length - 1] = `${last} ${w}`;
    else lines.push(w);
  }
  const shown = lines.length > 2 ? [lines[0]!, `${lines.slice(1).join(' ').slice(0, 38)}…`] : lines;
  const top = y - ((shown.length - 1) * 12) / 2 + 4;
  return `<text x="${x}" y="${top}" text-anchor="end" class="label"><title>${escapeHtml(s)}</title>${shown.map((l, i) => `<tspan x="${x}" dy="${i === 0 ? 0 : 12}">${escapeHtml(l)}</tspan>`).join('')}</text>`;
}

/** Horizontal stacked bars: SOPs by stage, one bar per unit. */
export function stageChart(reg: Register, locale: Locale): string {
  const l = REPORT_LABELS[locale];
  const data = stageCounts(reg);
  const max = Math.max(1, ...data.map((d) => Object.values(d.counts).reduce((a, b) => a + b, 0)));
  const scale = (W - LABEL - 40) / max;
  const legendY = 14;
  const parts: string[] = [];
  STAGE_ORDER.forEach((s, i) => {
    const x = LABEL + i * 104;
    parts.push(`<rect x="${x}" y="${legendY - 10}" width="12" height="12" fill="${STAGE_COLOR[s]}"/>`, text(x + 16, legendY, l.stages[s] ?? s, 'class="legend"'));
  });
  data.forEach((d, i) => {
    const y = 30 + i * (BAR + GAP);
    parts.push(label(LABEL - 8, y + BAR / 2, d.unit));
    let x = LABEL;
    for (const s of STAGE_ORDER) {
      const n = d.counts[s];
      if (!n) continue;
      const w = n * scale;
      parts.push(`<rect class="seg" x="${x.toFixed(1)}" y="${y}" width="${w.toFixed(1)}" height="${BAR}" fill="${STAGE_COLOR[s]}" data-unit="${escapeHtml(d.unit)}" data-stage="${s}" data-count="${n}"><title>${escapeHtml(`${d.unit}: ${l.stages[s]} ${n}`)}</title></rect>`);
      parts.push(text(x + w / 2, y + BAR / 2 + 4, String(n), 'text-anchor="middle" class="value"'));
      x += w;
    }
  });
  const h = 30 + data.length * (BAR + GAP) + 4;
  return `<svg class="chart stages" xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${W} ${h}" width="${W}" height="${h}" role="img" aria-label="${escapeHtml(l.stage)}">${parts.join('')}</svg>`;
}

/** Grouped bars: monitoring and evaluation done versus due in the register's periods. */
export function reviewChart(reg: Register, locale: Locale): string {
  const l = REPORT_LABELS[locale];
  const data = reviewCounts(reg);
  const max = Math.max(1, ...data.map((d) => d.due));
  const scale = (W - LABEL - 60) / max;
  const parts: string[] = [];
  const legend = [
    ['done', '#2e9b4f', locale === 'en' ? 'Done' : 'Dilaksanakan'],
    ['due', '#c9c9c9', locale === 'en' ? 'Due' : 'Jatuh tempo'],
  ] as const;
  legend.forEach(([, color, word], i) => parts.push(`<rect x="${LABEL + i * 130}" y="4" width="12" height="12" fill="${color}"/>`, text(LABEL + i * 130 + 16, 14, word, 'class="legend"')));
  data.forEach((d, i) => {
    const y = 30 + i * (2 * BAR + 2 * GAP);
    const name = `${d.series === 'monitoring' ? l.monitoring : l.evaluation} ${d.period}`;
    parts.push(text(LABEL - 8, y + BAR + 4, name, 'text-anchor="end" class="label"'));
    for (const [k, [kind, color]] of [[0, legend[0]], [1, legend[1]]] as const) {
      const n = kind === 'done' ? d.done : d.due;
      const yy = y + k * (BAR - 2);
      parts.push(`<rect class="bar" x="${LABEL}" y="${yy}" width="${(n * scale).toFixed(1)}" height="${BAR - 4}" fill="${color}" data-series="${d.series}" data-period="${d.period}" data-kind="${kind}" data-count="${n}"/>`);
      parts.push(text(LABEL + n * scale + 6, yy + BAR / 2 + 2, String(n), 'class="value-out"'));
    }
  });
  const h = 30 + data.length * (2 * BAR + 2 * GAP);
  return `<svg class="chart reviews" xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${W} ${h}" width="${W}" height="${h}" role="img" aria-label="${escapeHtml(`${l.monitoring} / ${l.evaluation}`)}">${parts.join('')}</svg>`;
}

/**
 * The coverage of the repository's business process map, computed as `sop map` does (every SOP of the
 * repository, the in-force statuses of the `process-covered` rule); undefined without a readable map.
 */
export function registerCoverage(data: ReportData, locale: Locale): Coverage | undefined {
  const map = data.project.map;
  if (!map || map.file.data === undefined) return undefined;
  const sops = data.project.repo.files.map((f) => summarize(f.data)).filter((s): s is SopSummary => s !== undefined);
  return mapDocument(map, sops, data.config, locale).coverage;
}

/** One bar of the coverage chart: leaf processes with and without an SOP in force. */
export interface CoverageGroup {
  /** `all`, or a Level 0 category (`manajemen`, `inti`, `pendukung`), or `other` (category unknown). */
  key: string;
  /** Its label. */
  label: string;
  /** Leaf processes with an SOP in force. */
  covered: number;
  /** Leaf processes. */
  leaves: number;
  /** The leaves without an SOP in force (code and name). */
  uncovered: string[];
}

/** The coverage by Level 0 category, after the whole map (its numbers are the `sop map` coverage figure's). */
export function coverageGroups(c: Coverage, locale: Locale): CoverageGroup[] {
  const l = REPORT_LABELS[locale];
  const words = MAP_WORDS[locale];
  // The leaves mapCoverage counts: the rows (the map in tree order) without children, as `leaves(map)` picks them.
  const counted = c.rows.filter((r) => r.process.children.length === 0);
  const group = (key: string, label: string, rows: typeof counted): CoverageGroup => ({
    key,
    label,
    covered: rows.filter((r) => r.inForce).length,
    leaves: rows.length,
    uncovered: rows.filter((r) => !r.inForce).map((r) => `${r.process.code} ${r.process.name}`),
  });
  const cap = (s: string) => s.charAt(0) + s.slice(1).toLowerCase();
  const groups = [group('all', l.wholeMap, counted)];
  for (const cat of CATEGORIES) {
    const rows = counted.filter((r) => r.process.category === cat);
    if (rows.length) groups.push(group(cat, cap(words.bands[cat]), rows));
  }
  const other = counted.filter((r) => r.process.category === undefined);
  if (other.length) groups.push(group('other', locale === 'en' ? 'Category unknown' : 'Kategori tidak diketahui', other));
  return groups;
}

const COVERED = '#2e9b4f';
const UNCOVERED = '#d9534f';

/** Horizontal stacked bars: leaf processes with and without an SOP in force, the whole map then each category; the coverage sentence of `sop map` below. */
export function coverageChart(c: Coverage, locale: Locale): string {
  const l = REPORT_LABELS[locale];
  const words = MAP_WORDS[locale];
  const groups = coverageGroups(c, locale);
  const max = Math.max(1, ...groups.map((g) => g.leaves));
  const scale = (W - LABEL - 110) / max;
  const parts: string[] = [];
  const legend = [[COVERED, l.covered], [UNCOVERED, l.uncovered]] as const;
  legend.forEach(([color, word], i) => parts.push(`<rect x="${LABEL + i * 200}" y="4" width="12" height="12" fill="${color}"/>`, text(LABEL + i * 200 + 16, 14, word, 'class="legend"')));
  groups.forEach((g, i) => {
    const y = 30 + i * (BAR + GAP);
    parts.push(label(LABEL - 8, y + BAR / 2, g.label));
    const wc = g.covered * scale;
    const wu = (g.leaves - g.covered) * scale;
    const seg = (x: number, w: number, kind: 'covered' | 'uncovered', n: number, color: string, tip: string) =>
      `<rect class="cov" x="${x.toFixed(1)}" y="${y}" width="${w.toFixed(1)}" height="${BAR}" fill="${color}" data-group="${g.key}" data-kind="${kind}" data-count="${n}"><title>${escapeHtml(tip)}</title></rect>` +
      (n ? text(x + w / 2, y + BAR / 2 + 4, String(n), 'text-anchor="middle" class="value"') : '');
    parts.push(seg(LABEL, wc, 'covered', g.covered, COVERED, `${g.label}: ${l.covered} ${g.covered}`));
    parts.push(seg(LABEL + wc, wu, 'uncovered', g.leaves - g.covered, UNCOVERED, `${g.label}: ${l.uncovered} ${g.leaves - g.covered}${g.uncovered.length ? ` — ${g.uncovered.join('; ')}` : ''}`));
    const share = `${g.covered}/${g.leaves} (${percent(g.leaves ? g.covered / g.leaves : 0, words)})`;
    parts.push(text(LABEL + wc + wu + 6, y + BAR / 2 + 4, share, `class="value-out" data-group="${g.key}" data-covered="${g.covered}" data-leaves="${g.leaves}"`));
  });
  const h = 30 + groups.length * (BAR + GAP) + 4;
  const sentence = `${words.coverage}: ${words.coverageSentence(c.covered, c.leaves, percent(c.ratio, words))}`;
  return `<svg class="chart coverage" xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${W} ${h}" width="${W}" height="${h}" role="img" aria-label="${escapeHtml(l.mapCoverage)}">${parts.join('')}</svg><p class="coverage-sentence">${escapeHtml(sentence)}</p>`;
}

/** The register as a self-contained dashboard: charts drawn as SVG in advance (no script), the overdue list and the table. */
export function renderDashboard(ctx: FormContext, reg: Register): string {
  const l = REPORT_LABELS[ctx.locale];
  const day = (d: string) => (d ? formatDate(d, locales[ctx.locale]) : l.none);
  const coverage = registerCoverage(ctx.data, ctx.locale);
  const rows = reg.rows.map((r, i) => ({
    ...r,
    no: i + 1,
    stageLabel: l.stages[r.stage] ?? r.stage,
    effectiveText: day(r.effective),
    socText: day(r.lastSocialization),
    monText: r.lastMonitoring ? `${day(r.lastMonitoring)} (${l.results[r.monitoringResult as 'good'] ?? ''})` : l.none,
    evalText: r.lastEvaluation ? `${day(r.lastEvaluation)} (${l.decisions[r.evaluationDecision as 'keep'] ?? ''})` : l.none,
    followText: r.followUp || l.none,
    dueText: day(r.nextDue),
  }));
  return templateEnv(ctx.data.config.templates).render('report/dashboard.html', {
    lang: locales[ctx.locale].lang,
    l,
    css: `${reportCss(ctx.data.config)}\n${ctx.extraCss ?? ''}`,
    org: { name: ctx.data.config.organization.name, unitLines: ctx.data.config.organization.unitLines },
    today: day(reg.today),
    yearLabel: periodLabel(reg.year, ctx.locale),
    stageChart: stageChart(reg, ctx.locale),
    reviewChart: reviewChart(reg, ctx.locale),
    coverageChart: coverage ? coverageChart(coverage, ctx.locale) : undefined,
    overdue: rows.filter((r) => r.overdue),
    rows,
    total: rows.length,
  });
}
