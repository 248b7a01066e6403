import type { BookPart, Locale } from '../../config/types.js';
import type { Coverage } from '../../model/processes/coverage.js';
import type { Process, ProcessMap } from '../../model/processes/types.js';
import { escapeHtml, htmlPage } from '../format.js';
import { level0Svg } from './level0.js';
import { matrixHtml } from './matrix.js';
import { deepestLevel, treeSvg } from './tree.js';
import { MAP_WORDS, type MapWords } from './words.js';

const e = escapeHtml;

/** Everything a printed map needs. */
export interface MapDocument {
  /** The map. */
  map: ProcessMap;
  /** The matrix and coverage, from the repository's SOPs. */
  coverage: Coverage;
  /** Statuses that count as in force. */
  inForce: readonly string[];
  /** Output language. */
  locale: Locale;
  /** Organisation name printed over the title. */
  organization: string;
}

/** CSS of the map's parts (standalone and in the book). */
export const MAP_CSS = `
.pb-part { font-family: Arial, Helvetica, sans-serif; color: #1b1b1b; font-size: 9pt; }
.pb-part .pb-org { text-align: center; font-size: 10pt; font-weight: bold; text-transform: uppercase; margin: 0; }
.pb-part h1, .pb-part .pb-h1 { text-align: center; font-size: 14pt; font-weight: bold; text-transform: uppercase; letter-spacing: 0.04em; margin: 0.5mm 0 0.5mm; }
.pb-part .pb-subtitle { text-align: center; font-size: 10.5pt; margin: 0 0 4mm; }
.pb-part h2, .pb-part .pb-h2 { font-size: 11pt; font-weight: bold; margin: 0 0 2mm; padding-bottom: 1mm; border-bottom: 1.5px solid #1f4e79; color: #1f4e79; }
.pb-part .pb-h3 { font-weight: bold; margin: 3mm 0 1mm; }
.pb-part svg { display: block; }
.pb-part .pb-legend { font-size: 8pt; color: #444; margin: 0 0 4mm; }
.pb-tree-block { break-inside: avoid; margin: 0 0 5mm; }
.pb-coverage { margin: 0 0 3mm; font-size: 10pt; display: flex; align-items: center; gap: 2mm; flex-wrap: wrap; }
.pb-coverage-label { font-weight: bold; }
.pb-bar { display: inline-block; width: 40mm; height: 3mm; border: 1px solid #1f4e79; background: #fff; }
.pb-bar > span { display: block; height: 100%; background: #1f4e79; }
table.pb-matrix { width: 100%; border-collapse: collapse; table-layout: auto; font-size: 8.5pt; }
table.pb-matrix th, table.pb-matrix td { border: 0.75px solid #555; padding: 2px 4px; vertical-align: top; text-align: left; }
table.pb-matrix thead th { background: #1f4e79; color: #fff; font-weight: bold; }
table.pb-matrix tr { break-inside: avoid; }
table.pb-matrix tr.pb-group td.pb-code, table.pb-matrix tr.pb-group td.pb-process { font-weight: bold; }
table.pb-matrix tr.pb-group { background: #e6eef7; }
table.pb-matrix tr.pb-level-0 { background: #cfdeee; }
table.pb-matrix td.pb-no, table.pb-matrix td.pb-level { text-align: center; white-space: nowrap; }
table.pb-matrix td.pb-code, table.pb-matrix td.pb-sop-number { white-space: nowrap; }
table.pb-matrix tr.pb-uncovered td.pb-none { color: #a00000; font-style: italic; }
table.pb-matrix td.pb-not-in-force { font-style: italic; color: #555; }
.pb-unmapped ul { margin: 0; padding-left: 5mm; }
`;

function heading(level: 1 | 2, text: string, realHeadings: boolean): string {
  return realHeadings ? `<h${level}>${e(text)}</h${level}>` : `<div class="pb-h${level}">${e(text)}</div>`;
}

function titleBlock(doc: MapDocument, words: MapWords, title: string, realHeadings: boolean): string {
  return (
    (doc.organization ? `<p class="pb-org">${e(doc.organization)}</p>` : '') +
    heading(1, title, realHeadings) +
    (doc.map.title ? `<p class="pb-subtitle">${e(doc.map.title)}</p>` : '')
  );
}

/** The uncovered leaves, for the trees' dashed outlines. */
const uncoveredSet = (c: Coverage) => new Set<Process>(c.uncovered);

/**
 * The HTML of each page group of the map, in order: for `map` the Level 0 diagram and then the lower levels;
 * for `matrix` the process → SOP matrix with the coverage figure. `realHeadings` writes h1/h2 (a standalone
 * document's outline); the book uses styled blocks so its outline keeps to units and SOPs.
 */
export function mapSections(doc: MapDocument, parts: readonly BookPart[], realHeadings: boolean): string[] {
  const words = MAP_WORDS[doc.locale];
  const out: string[] = [];
  for (const part of parts) {
    if (part === 'map') {
      out.push(
        `<div class="pb-part pb-level0-part">${titleBlock(doc, words, words.title, realHeadings)}${heading(2, words.level0, realHeadings)}` +
          `${level0Svg(doc.map, words)}</div>`,
      );
      const uncovered = uncoveredSet(doc.coverage);
      const trees = doc.map.roots
        .filter((r) => r.children.length > 0)
        .map((r) => {
          const range = words.levelRange((r.level ?? 0) + 1, deepestLevel(r));
          return `<div class="pb-tree-block">${heading(2, `${r.code} ${r.name} (${range})`, realHeadings)}${treeSvg(r, words, uncovered)}</div>`;
        });
      if (trees.length) out.push(`<div class="pb-part pb-levels-part">${heading(2, words.levels, realHeadings)}<p class="pb-legend">${e(words.treeLegend)}</p>\n${trees.join('\n')}</div>`);
    } else {
      out.push(`<div class="pb-part pb-matrix-part">${heading(2, words.matrix, realHeadings)}${matrixHtml(doc.coverage, words, doc.locale, doc.inForce)}</div>`);
    }
  }
  return out;
}

/** The whole map as one self-contained HTML document (no script; nothing fetched). */
export function mapHtml(doc: MapDocument, extraCss = ''): string {
  const words = MAP_WORDS[doc.locale];
  const sections = mapSections(doc, ['map', 'matrix'], true);
  const css = `body { margin: 0; }
@media screen { body { max-width: 300mm; margin: 8mm auto; padding: 0 6mm; } .pb-section + .pb-section { margin-top: 12mm; } }
.pb-section + .pb-section { break-before: page; }
${MAP_CSS}
${extraCss}`;
  const body = sections.map((s) => `<section class="pb-section">\n${s}\n</section>`).join('\n');
  return htmlPage({ lang: doc.locale, title: [words.title, doc.organization].filter(Boolean).join(' — '), css, body });
}
