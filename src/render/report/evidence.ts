import type { Locale } from '../../config/types.js';
import { inPeriod, semesterPeriod, type Period } from '../../lifecycle/period.js';
import { IN_FORCE, type RecordedSop, type ReportData } from '../../lifecycle/report-data.js';
import { isUrl, resolveEvidence } from '../../model/evidence.js';
import type { Coverage } from '../../model/processes/coverage.js';
import { escapeHtml, htmlPage } from '../format.js';
import { evaluationReport, monitoringForm } from './forms.js';

/** The three assessment items of the LKE worksheet, as folders of the pack. */
export const ITEMS = ['penyusunan', 'penerapan', 'evaluasi'] as const;
/** One assessment item. */
export type Item = (typeof ITEMS)[number];

/** A file the pack will hold: content, or a repository file to copy. */
export type PackFile = { item: Item; rel: string; title: string; content: string | Uint8Array } | { item: Item; rel: string; title: string; copyFrom: string };

/** How many SOPs meet an item. */
export interface Share {
  /** What is counted. */
  label: string;
  /** SOPs that meet it. */
  met: number;
  /** SOPs it applies to. */
  of: number;
}

/** Evidence a record names that is a web address (listed, not copied). */
export interface PackLink {
  /** Item. */
  item: Item;
  /** The URL. */
  url: string;
  /** Which record. */
  title: string;
}

/** The evidence of records dated in the year: repository files to copy (checked to stay inside) and URLs. */
export function recordEvidence(data: ReportData, year: Period): { files: PackFile[]; links: PackLink[] } {
  const files: PackFile[] = [];
  const links: PackLink[] = [];
  const seen = new Set<string>();
  const add = (item: Item, ref: string, title: string) => {
    if (isUrl(ref)) return void links.push({ item, url: ref, title });
    const r = resolveEvidence(data.config.root, ref);
    if (!r.ok) return; // lint's evidence-exists reports it; the pack never reads outside the repository
    const rel = `${item}/bukti/${ref.replace(/^\.\//, '').replace(/\\/g, '/')}`;
    if (seen.has(rel)) return;
    seen.add(rel);
    files.push({ item, rel, title, copyFrom: r.abs });
  };
  for (const s of data.sops) {
    for (const x of s.socialization) if (inPeriod(x.date, year)) for (const e of x.evidence ?? []) add('penerapan', e, `${s.id} sosialisasi ${x.date}`);
    for (const x of s.monitoring) if (inPeriod(x.date, year)) for (const e of x.evidence ?? []) add('penerapan', e, `${s.id} monitoring ${x.date}`);
    for (const x of s.evaluations) {
      if (!inPeriod(x.date, year)) continue;
      for (const e of x.evidence ?? []) add('evaluasi', e, `${s.id} evaluasi ${x.date}`);
      if (x.meeting?.minutes) add('evaluasi', x.meeting.minutes, `${s.id} notulen rapat evaluasi ${x.meeting.date}`);
      if (x.meeting?.attendance) add('evaluasi', x.meeting.attendance, `${s.id} daftar hadir rapat evaluasi ${x.meeting.date}`);
    }
  }
  return { files, links };
}

const pct = (s: Share) => (s.of ? `${Math.round((100 * s.met) / s.of)}%` : '—');

/**
 * The share of SOPs that meet each item in the year. With the coverage of the business process map, penyusunan
 * also counts the SOPs in force whose `process` names a leaf process of the map, and the coverage figure of `sop map`.
 */
export function shares(data: ReportData, year: Period, locale: Locale, coverage?: Coverage): Record<Item, Share[]> {
  const en = locale === 'en';
  const current = data.sops.filter((s) => s.status !== 'withdrawn');
  const inForce = data.sops.filter((s) => IN_FORCE.includes(s.status) && !!s.effective && s.effective <= year.to);
  const socialised = (s: RecordedSop) => s.socialization.some((x) => typeof x.date === 'string' && x.date <= year.to);
  const monitoredIds = new Set<string>();
  const dueIds = new Set<string>();
  for (const sem of [semesterPeriod(`${year.year}-S1`), semesterPeriod(`${year.year}-S2`)]) {
    for (const u of monitoringForm(data, sem)) for (const r of u.rows) (r.record ? monitoredIds : dueIds).add(r.sop.id);
  }
  const evals = evaluationReport(data, year);
  const evaluatedIds = new Set(evals.sheets.map((s) => s.sop.id));
  const dueEval = new Set([...evaluatedIds, ...evals.notEvaluated.map((n) => n.sop.id)]);
  const adopted = current.filter((s) => IN_FORCE.includes(s.status));
  const mapShares: Share[] = [];
  if (coverage) {
    const leafCodes = new Set(coverage.rows.filter((r) => r.process.children.length === 0).map((r) => r.process.code));
    mapShares.push(
      { label: en ? 'SOPs in force whose process code names a leaf process of the business process map, of all SOPs in force' : 'SOP berlaku yang kode prosesnya menunjuk proses level terbawah peta proses bisnis, dari seluruh SOP berlaku', met: adopted.filter((s) => s.process !== undefined && leafCodes.has(s.process)).length, of: adopted.length },
      { label: en ? 'Coverage of the business process map (the figure of sop map): leaf processes with an SOP in force, of all leaf processes' : 'Cakupan peta proses bisnis (angka sop map): proses level terbawah yang memiliki SOP berlaku, dari seluruh proses level terbawah', met: coverage.covered, of: coverage.leaves },
    );
  }
  return {
    penyusunan: [{ label: en ? 'SOPs adopted (in force) of all current SOPs' : 'SOP ditetapkan (berlaku) dari seluruh SOP', met: adopted.length, of: current.length }, ...mapShares],
    penerapan: [
      { label: en ? 'SOPs in force that were socialised' : 'SOP berlaku yang telah disosialisasikan', met: inForce.filter(socialised).length, of: inForce.length },
      { label: en ? `SOPs monitored in ${year.year} of those due` : `SOP dimonitor tahun ${year.year} dari yang jatuh tempo`, met: monitoredIds.size, of: new Set([...monitoredIds, ...dueIds]).size },
    ],
    evaluasi: [
      { label: en ? `SOPs evaluated in ${year.year} of those due` : `SOP dievaluasi tahun ${year.year} dari yang jatuh tempo`, met: evaluatedIds.size, of: dueEval.size },
      { label: en ? 'revise decisions followed up by a revision' : 'keputusan revisi yang telah ditindaklanjuti', met: evals.counts.followedUp, of: evals.counts.revise },
    ],
  };
}

/** The pack's index.html: every file, per item, with the shares of SOPs that meet it. */
export function packIndex(opts: { org: string; year: Period; today: string; files: ReadonlyArray<{ item: Item; rel: string; title: string }>; links: readonly PackLink[]; shares: Record<Item, Share[]>; notes: Partial<Record<Item, string[]>>; locale: Locale }): string {
  const en = opts.locale === 'en';
  const heads: Record<Item, string> = en
    ? { penyusunan: '1. Drafting and adoption (penyusunan)', penerapan: '2. Implementation (penerapan)', evaluasi: '3. Evaluation (evaluasi)' }
    : { penyusunan: '1. Penyusunan dan penetapan', penerapan: '2. Penerapan', evaluasi: '3. Evaluasi dan tindak lanjut' };
  const href = (rel: string) => rel.split('/').map(encodeURIComponent).join('/');
  const sections = ITEMS.map((item) => {
    const share = opts.shares[item].map((s) => `<li class="share" data-item="${item}" data-met="${s.met}" data-of="${s.of}">${escapeHtml(s.label)}: <b>${s.met}</b> ${en ? 'of' : 'dari'} <b>${s.of}</b> (${pct(s)})</li>`).join('');
    const files = opts.files.filter((f) => f.item === item).map((f) => `<li><a href="${escapeHtml(href(f.rel))}">${escapeHtml(f.rel)}</a> — ${escapeHtml(f.title)}</li>`).join('');
    const links = opts.links.filter((l) => l.item === item).map((l) => `<li><a href="${escapeHtml(l.url)}" rel="noopener noreferrer">${escapeHtml(l.url)}</a> — ${escapeHtml(l.title)}</li>`).join('');
    const notes = (opts.notes[item] ?? []).map((n) => `<li class="note">${escapeHtml(n)}</li>`).join('');
    return `<section class="item" id="${item}"><h2>${escapeHtml(heads[item])}</h2><ul class="shares">${share}</ul><ul class="files">${files}${links}</ul>${notes ? `<ul class="notes">${notes}</ul>` : ''}</section>`;
  }).join('\n');
  const title = `${en ? 'SOP evidence pack' : 'Bukti dukung SOP'} ${opts.year.year}`;
  const css = 'body{font-family:Arial,Helvetica,sans-serif;font-size:11pt;margin:24px;max-width:60em}h1{font-size:15pt}h2{font-size:12.5pt;border-bottom:1px solid #999;margin-top:22px}ul{padding-left:1.3em}li{margin:3px 0}.shares{list-style:square}.note{color:#555;font-style:italic}';
  const body = `<h1>${escapeHtml(title)}</h1>
<p>${escapeHtml(opts.org)} · ${en ? 'as of' : 'per'} ${escapeHtml(opts.today)}</p>
${sections}`;
  return htmlPage({ lang: en ? 'en' : 'id', title: `${title} — ${opts.org}`, css, body });
}
