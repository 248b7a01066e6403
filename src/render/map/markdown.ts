import { numberText } from '../locale/index.js';
import type { Coverage } from '../../model/processes/coverage.js';
import { CATEGORIES, type Process } from '../../model/processes/types.js';
import { mermaidText } from '../flowchart/mermaid.js';
import { escapeMarkdown } from '../inline.js';
import type { MapDocument } from './html.js';
import { stageLabel } from './matrix.js';
import { MAP_WORDS, percent, type MapWords } from './words.js';

const t = (s: string) => escapeMarkdown(s);
const cell = (s: string) => escapeMarkdown(s, 'cell');

function level0(doc: MapDocument, words: MapWords): string[] {
  const out = [`## ${t(words.level0)}`, ''];
  for (const cat of CATEGORIES) {
    const procs = doc.map.roots.filter((p) => p.category === cat);
    if (!procs.length) continue;
    out.push(`### ${t(words.bands[cat])}`, '');
    if (cat === 'inti') {
      // The value chain, left to right, as GitHub and other viewers draw it.
      const nodes = procs.map((p, i) => `p${i}["${mermaidText(`${p.code} ${p.name}`)}"]`);
      const stake = mermaidText(words.stakeholders);
      out.push('```mermaid', 'flowchart LR', `  in(["${stake}"]) --> ${nodes.join(' --> ')} --> out(["${stake}"])`, '```', '');
    }
    procs.forEach((p, i) => out.push(`${cat === 'inti' ? `${i + 1}.` : '-'} **${t(p.code)}** ${t(p.name)}${p.owner ? ` (${t(p.owner)})` : ''}`));
    out.push('');
  }
  return out;
}

function tree(p: Process, depth: number, words: MapWords, uncovered: ReadonlySet<Process>): string[] {
  const io = [p.inputs.length ? `${words.inputs}: ${p.inputs.join('; ')}` : '', p.outputs.length ? `${words.outputs}: ${p.outputs.join('; ')}` : ''].filter(Boolean).join('. ');
  const mark = uncovered.has(p) ? ` — *${t(words.noSop)}*` : '';
  const line = `${'  '.repeat(depth)}- **${t(p.code)}** ${t(p.name)}${p.declared.unit ? ` (${t(p.declared.unit)})` : ''}${io ? `. ${t(io)}` : ''}${mark}`;
  return [line, ...p.children.flatMap((c) => tree(c, depth + 1, words, uncovered))];
}

function matrix(c: Coverage, words: MapWords, doc: MapDocument): string[] {
  const head = [words.no, words.code, words.process, words.level, words.sopNumber, words.sopTitle, words.unit, words.stage];
  const out = [
    `## ${t(words.matrix)}`,
    '',
    `**${t(words.coverage)}:** ${t(words.coverageSentence(c.covered, c.leaves, percent(c.ratio, words)))}`,
    '',
    `| ${head.map(cell).join(' | ')} |`,
    `|${head.map(() => '---').join('|')}|`,
  ];
  c.rows.forEach((r, i) => {
    const p = r.process;
    const proc = [String(i + 1), `**${cell(p.code)}**`, cell(p.name), String(p.level ?? '')];
    if (r.sops.length === 0) out.push(`| ${[...proc, '', p.children.length ? '' : `*${cell(words.noSop)}*`, '', ''].join(' | ')} |`);
    r.sops.forEach((s, k) =>
      out.push(`| ${[...(k === 0 ? proc : ['', '', '', '']), cell(numberText(s.number, doc.locale)), cell(s.title), cell(s.unit), cell(stageLabel(s.status, doc.locale))].join(' | ')} |`),
    );
  });
  if (c.unmapped.length) {
    out.push('', `### ${t(words.unmapped)}`, '');
    for (const s of c.unmapped) out.push(`- ${t(numberText(s.number, doc.locale))}: ${t(s.title)} (${t(s.unit)}; ${t(stageLabel(s.status, doc.locale))}${s.process ? `; ${t(s.process)}` : ''})`);
  }
  return out;
}

/** The map as Markdown: the Level 0 bands (the core chain also as a Mermaid flowchart), the trees, the matrix. */
export function mapMarkdown(doc: MapDocument): string {
  const words = MAP_WORDS[doc.locale];
  const uncovered = new Set<Process>(doc.coverage.uncovered);
  const out = [`# ${t(words.title)}`, ''];
  if (doc.organization) out.push(`**${t(doc.organization)}**`, '');
  if (doc.map.title) out.push(t(doc.map.title), '');
  out.push(...level0(doc, words));
  const roots = doc.map.roots.filter((r) => r.children.length > 0);
  if (roots.length) {
    out.push(`## ${t(words.levels)}`, '');
    for (const r of roots) out.push(...tree(r, 0, words, uncovered), '');
  }
  out.push(...matrix(doc.coverage, words, doc));
  return `${out.join('\n').replace(/\n{3,}/g, '\n\n').trimEnd()}\n`;
}
