// The SOP AP swim-lane flowchart: one SVG band per procedure-table row, and a Mermaid form.
// See README.md in this folder for the design and the CSS the bands need.
import { drawBands, findConnectors } from './bands.js';
import { classify } from './classify.js';
import { CAP, CONN, DEFAULT_LANE_WIDTH, SYMBOL, trackX } from './geometry.js';
import { routeEdges } from './route.js';
import type { BandOptions, Flowchart, FlowchartInput, SymbolBox } from './types.js';

export type * from './types.js';
export { mermaidText, toMermaid } from './mermaid.js';
export { symbolKinds } from './classify.js';

/**
 * CSS the bands need in the procedure table. The band cell gets `height: 1px; padding: 0` so its
 * block child can take the row's full height; the band (a div with its own min-height, holding
 * an absolutely placed svg) then fills the cell however tall the row's text makes it.
 */
export const FLOWCHART_CSS = `td.band { height: 1px; padding: 0; }
div.sop-flow-band { position: relative; height: 100%; break-inside: avoid; }
div.sop-flow-band > svg.sop-flow { position: absolute; left: 0; top: 0; width: 100%; height: 100%; overflow: hidden; }
@media print { div.sop-flow-band { -webkit-print-color-adjust: exact; print-color-adjust: exact; } }
`;
/**
 * Lay out the flowchart of an SOP's steps and draw one band per row.
 *
 * Symbols: the first step is the start capsule (a decision as first step stays a diamond); a process whose flow goes to `end` is an end
 * capsule; a decision stays a diamond, and a branch of it that goes to `end` leads to a small
 * end capsule in its own row: below the diamond for the "yes" branch, and for the "no" branch
 * out of the side tip, a few px sideways, then down into a capsule beside the diamond's lower
 * half (so other runs may still enter that side above it).
 */
export function layoutFlowchart(input: FlowchartInput, opts: BandOptions): Flowchart {
  const breaks = [...new Set((opts.breaks ?? []).filter((b) => Number.isInteger(b) && b >= 0 && b < input.steps.length - 1))].sort((a, b) => a - b);
  // Lanes are assumed about as wide as an A4-landscape table gives 4–5 actors unless told.
  const laneWidth = opts.laneWidth && opts.laneWidth > 0 ? opts.laneWidth : DEFAULT_LANE_WIDTH;
  const plan = classify(input, { ...opts, laneWidth });
  const { routes, caps, runs } = routeEdges(plan, breaks, laneWidth, laneWidth === opts.laneWidth);
  const symbols: SymbolBox[] = plan.kinds.map((kind, row) => ({ row, lane: plan.laneOf[row]!, kind, ...SYMBOL[kind] }));
  const connectors = findConnectors(routes, breaks, opts.connectorLabel);
  const { bands, minHeights } = drawBands(input.steps.length, symbols, routes, caps, plan.labels, connectors, plan.lanes, opts.numbers ?? true);
  let half = SYMBOL.process.hw + 8;
  for (const r of runs) half = Math.max(half, trackX(r.index) + (breaks.length ? CONN.w / 2 : 0) + 4);
  for (const l of plan.labels) half = Math.max(half, Math.abs(l.x) + 2, Math.abs(l.x + l.w) + 2);
  if (caps.some((c) => c.cx !== 0)) half = Math.max(half, CAP.sideX + CAP.w / 2 + 4);
  return { kinds: plan.kinds, bands, minHeights, minLaneWidth: Math.ceil(2 * half), symbols, routes, caps, labels: plan.labels, connectors };
}
