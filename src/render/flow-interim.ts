// INTERIM: minimal stand-ins for src/render/flowchart (being written by another developer),
// used only until src/render/flowchart/index.ts lands. Symbols only; no routed arrows.
import type { FlowEdge } from '../model/graph.js';
import { escapeHtml } from './format.js';

/** Same shape as the flowchart module's input. */
export interface FlowchartInput {
  /** Actor columns. */
  lanes: Array<{ id: string; name: string }>;
  /** Per step: lane index and symbol. */
  steps: Array<{ lane: number; type: 'start' | 'end' | 'process' | 'decision' }>;
  /** Edges of buildFlow. */
  edges: FlowEdge[];
  /** Decision branch labels. */
  labels: Array<[string, string] | undefined>;
}

/** Bands for each row. */
export function layoutFlowchart(input: FlowchartInput, _opts: { yes: string; no: string; breaks?: number[] }): { bands: string[]; kinds: string[] } {
  const n = Math.max(1, input.lanes.length);
  const bands = input.steps.map((s) => {
    const cx = `${((s.lane + 0.5) / n) * 100}%`;
    const shape =
      s.type === 'decision'
        ? `<svg x="${cx}" y="50%" overflow="visible"><polygon points="0,-16 26,0 0,16 -26,0" fill="#fff" stroke="#222"/></svg>`
        : `<svg x="${cx}" y="50%" overflow="visible"><rect x="-26" y="-12" width="52" height="24" rx="${s.type === 'process' ? 0 : 12}" fill="#fff" stroke="#222"/></svg>`;
    return `<svg class="flow-band" xmlns="http://www.w3.org/2000/svg" width="100%" height="100%">${shape}</svg>`;
  });
  return { bands, kinds: input.steps.map((s) => s.type) };
}

/** Mermaid source. */
export function toMermaid(input: FlowchartInput & { activities: string[] }, o: { yes: string; no: string }): string {
  const q = (t: string) => `"${escapeHtml(t).replace(/[\n\r]/g, ' ')}"`;
  const lines = ['flowchart TD'];
  input.lanes.forEach((l, li) => {
    lines.push(`  subgraph lane${li}[${q(l.name)}]`);
    input.steps.forEach((s, i) => {
      if (s.lane !== li) return;
      const t = q(input.activities[i] ?? '');
      lines.push(`    s${i}${s.type === 'decision' ? `{${t}}` : s.type === 'process' ? `[${t}]` : `([${t}])`}`);
    });
    lines.push('  end');
  });
  for (const e of input.edges) {
    if (e.to === 'end') continue;
    const lab = e.kind === 'yes' ? (input.labels[e.from]?.[0] ?? o.yes) : e.kind === 'no' ? (input.labels[e.from]?.[1] ?? o.no) : '';
    lines.push(`  s${e.from} -->${lab ? `|${q(lab)}|` : ''} s${e.to}`);
  }
  return lines.join('\n');
}

/** Extra CSS. */
export const FLOWCHART_CSS = '.flow-band { display: block; height: 100%; min-height: 44px; }';
