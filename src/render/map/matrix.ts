import type { Coverage, SopSummary } from '../../model/processes/coverage.js';
import { escapeHtml } from '../format.js';
import { labelsFor, numberText } from '../locale/index.js';
import type { Locale } from '../../config/types.js';
import { percent, type MapWords } from './words.js';

const e = escapeHtml;

/** A stage as printed ("Ditetapkan"), or the raw status when unknown. */
export function stageLabel(status: string, locale: Locale): string {
  const stages = labelsFor(locale).stages as Record<string, string>;
  return stages[status] ?? status;
}

/** The coverage figure: a sentence and a bar. */
export function coverageHtml(c: Coverage, words: MapWords): string {
  const pct = percent(c.ratio, words);
  return (
    `<div class="pb-coverage"><span class="pb-coverage-label">${e(words.coverage)}:</span> ` +
    `<span class="pb-coverage-text">${e(words.coverageSentence(c.covered, c.leaves, pct))}</span>` +
    `<span class="pb-bar" aria-hidden="true"><span style="width: ${(c.ratio * 100).toFixed(1)}%"></span></span></div>`
  );
}

const sopCells = (s: SopSummary, locale: Locale, inForce: readonly string[]) =>
  `<td class="pb-sop-number">${e(numberText(s.number, locale))}</td><td class="pb-sop-title">${e(s.title)}</td><td class="pb-unit">${e(s.unit)}</td>` +
  `<td class="pb-stage${inForce.includes(s.status) ? '' : ' pb-not-in-force'}">${e(stageLabel(s.status, locale))}</td>`;

/** The process → SOP matrix: a row per process (its SOPs beside it), leaves without an SOP marked. */
export function matrixHtml(c: Coverage, words: MapWords, locale: Locale, inForce: readonly string[]): string {
  const head = [words.no, words.code, words.process, words.level, words.sopNumber, words.sopTitle, words.unit, words.stage];
  const rows: string[] = [];
  c.rows.forEach((r, i) => {
    const p = r.process;
    const leaf = p.children.length === 0;
    const span = Math.max(1, r.sops.length);
    const rs = span > 1 ? ` rowspan="${span}"` : '';
    const cls = `pb-row${leaf ? ' pb-leaf' : ' pb-group'}${leaf && !r.inForce ? ' pb-uncovered' : ''} pb-level-${p.level ?? 0}`;
    const processCells =
      `<td class="pb-no"${rs}>${i + 1}</td><td class="pb-code"${rs}>${e(p.code)}</td>` +
      `<td class="pb-process"${rs} style="padding-left: ${(4 + (p.level ?? 0) * 9).toFixed(0)}px">${e(p.name)}</td>` +
      `<td class="pb-level"${rs}>${p.level ?? ''}</td>`;
    if (r.sops.length === 0) {
      rows.push(`<tr class="${cls}" data-code="${e(p.code)}">${processCells}<td colspan="4" class="pb-none">${leaf ? e(words.noSop) : ''}</td></tr>`);
      return;
    }
    r.sops.forEach((s, k) => rows.push(`<tr class="${cls}" data-code="${e(p.code)}">${k === 0 ? processCells : ''}${sopCells(s, locale, inForce)}</tr>`));
  });
  const table =
    `<table class="pb-matrix"><thead><tr>${head.map((h) => `<th>${e(h)}</th>`).join('')}</tr></thead>\n<tbody>\n${rows.join('\n')}\n</tbody></table>`;
  const unmapped = c.unmapped.length
    ? `<div class="pb-unmapped"><div class="pb-h3">${e(words.unmapped)}</div><ul>${c.unmapped
        .map((s) => `<li>${e(numberText(s.number, locale))}: ${e(s.title)} (${e(s.unit)}; ${e(stageLabel(s.status, locale))}${s.process ? `; ${e(s.process)}` : ''})</li>`)
        .join('')}</ul></div>`
    : '';
  return `${coverageHtml(c, words)}\n${table}\n${unmapped}`;
}
