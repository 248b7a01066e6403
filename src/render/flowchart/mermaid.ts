// The flow as Mermaid source (flowchart TD, a subgraph per actor), for Markdown output.
import { symbolKinds } from './classify.js';
import type { FlowchartInput } from './types.js';

/** Make text safe inside a Mermaid "quoted" label: entity codes for everything Mermaid or HTML reads. */
export function mermaidText(s: string): string {
  return s
    .replace(/[\r\n\t]+/g, ' ')
    .replace(/[#"<>&|[\]{}()`\\;%]/g, (c) => (c === '"' ? '#quot;' : `#${c.charCodeAt(0)};`))
    .trim();
}

/** Mermaid flowchart of the steps (no code fences). */
export function toMermaid(
  input: FlowchartInput & { activities: string[] },
  opts: { yes: string; no: string; start?: string; end?: string },
): string {
  const kinds = symbolKinds(input);
  const n = input.steps.length;
  const lanes = Math.max(1, input.lanes.length);
  const laneOf = input.steps.map((s) => Math.min(lanes - 1, Math.max(0, Math.trunc(s.lane) || 0)));
  const q = (s: string) => `"${mermaidText(s)}"`;
  const node = (i: number) => {
    const text = q(`${i + 1}. ${input.activities[i] ?? ''}`);
    const k = kinds[i];
    return k === 'decision' ? `{${text}}` : k === 'process' ? `[${text}]` : `([${text}])`;
  };
  const endNodes: Array<{ id: string; lane: number }> = [];
  const lines: string[] = [];
  input.edges.forEach((e, k) => {
    if (e.from < 0 || e.from >= n) return;
    const dec = kinds[e.from] === 'decision';
    let target: string;
    if (e.to === 'end') {
      if (!dec) return; // the step itself is the end terminator
      target = `E${k}`;
      endNodes.push({ id: target, lane: laneOf[e.from]! });
    } else if (e.to >= 0 && e.to < n) target = `S${e.to}`;
    else return;
    const pair = input.labels[e.from];
    const label = !dec ? '' : e.kind === 'yes' ? (pair?.[0] ?? opts.yes) : e.kind === 'no' ? (pair?.[1] ?? opts.no) : '';
    lines.push(`  S${e.from} -->${label ? `|${q(label)}|` : ''} ${target}`);
  });
  const out = ['flowchart TD'];
  for (let l = 0; l < lanes; l++) {
    const lane = input.lanes[l];
    out.push(`  subgraph L${l}[${q(lane?.name ?? '')}]`);
    for (let i = 0; i < n; i++) if (laneOf[i] === l) out.push(`    S${i}${node(i)}`);
    for (const e of endNodes) if (e.lane === l) out.push(`    ${e.id}([${q(opts.end ?? 'End')}])`);
    out.push('  end');
  }
  return [...out, ...lines].join('\n') + '\n';
}
