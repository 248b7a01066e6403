import { buildFlow } from '../model/graph.js';
import type { Sop } from '../model/types.js';
import { FLOWCHART_CSS, layoutFlowchart, toMermaid, type FlowchartInput } from './flowchart/index.js';
import type { SopView } from './view-types.js';

export { FLOWCHART_CSS };

/** The flowchart module's input for an SOP and its view. */
export function flowInput(sop: Sop, view: SopView): FlowchartInput {
  const steps = Array.isArray(sop.steps) ? sop.steps : [];
  return {
    lanes: view.actors,
    steps: view.steps.map((s) => ({ lane: Math.max(0, s.lane), type: s.kind })),
    edges: buildFlow(steps).edges,
    labels: view.steps.map((s) => s.labels),
  };
}

/** One SVG band per row, drawn into the view's steps; `breaks` are 0-based rows after which a page breaks. */
export function addBands(sop: Sop, view: SopView, breaks: readonly number[] = [], laneWidth?: number): void {
  const chart = layoutFlowchart(flowInput(sop, view), { yes: view.labels.yes, no: view.labels.no_, breaks: [...breaks], laneWidth });
  view.steps.forEach((s, i) => {
    s.band = chart.bands[i] ?? '';
  });
}

/** Mermaid source (without fences) of the SOP's flow. */
export function mermaidOf(sop: Sop, view: SopView): string {
  const input = flowInput(sop, view);
  const src = toMermaid({ ...input, activities: view.steps.map((s) => s.activity) }, {
    yes: view.labels.yes,
    no: view.labels.no_,
    start: view.labels.start,
    end: view.labels.end,
  });
  return src.replace(/\s+$/, '');
}
