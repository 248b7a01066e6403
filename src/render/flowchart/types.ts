import type { FlowEdge } from '../../model/graph.js';

/** Symbol drawn for a step. */
export type SymbolKind = 'start' | 'end' | 'process' | 'decision';

/** What the flowchart is drawn from: lanes, one step per table row, and the flow's edges. */
export interface FlowchartInput {
  /** Actors (swim lanes), left to right. */
  lanes: Array<{ id: string; name: string }>;
  /** One per table row, in order: lane index and symbol type (`start`/`end` are derived anyway and drawn as given by the flow). */
  steps: Array<{ lane: number; type: 'process' | 'decision' | 'start' | 'end' }>;
  /** Edges of `buildFlow(steps).edges`. */
  edges: FlowEdge[];
  /** Per step: decision branch labels (yes, no); undefined → the locale's. */
  labels: Array<readonly [string, string] | undefined>;
}

/** Options of `layoutFlowchart`. */
export interface BandOptions {
  /** Default "yes" label from the locale (Ya / Yes). */
  yes: string;
  /** Default "no" label from the locale (Tidak / No). */
  no: string;
  /** Row indexes AFTER which a printed page breaks. */
  breaks?: number[];
  /** Text of an off-page connector pair; default A, B, C… in order. */
  connectorLabel?: (breakIndex: number, edgeIndex: number) => string;
  /** Expected lane width in px (default 100; give it when known, from the page and column widths): labels wrap to fit it and channels keep clear of a neighbour lane's. */
  laneWidth?: number;
  /** Print the step number in small type inside each symbol (default true). */
  numbers?: boolean;
}

/** A horizontal position: a percentage of the band's width plus a pixel offset. */
export interface XPos {
  /** Percentage of the band width (a lane centre, or a split point). */
  pct: number;
  /** Pixels added to it. */
  px: number;
}

/** A vertical position inside one row: 0 %, 50 % or 100 % of the row's height plus a pixel offset. */
export interface YPos {
  /** Row (step index). */
  row: number;
  /** Percentage of the row height. */
  pct: number;
  /** Pixels added to it. */
  px: number;
}

/** A point of a route. */
export interface Pt {
  /** Horizontal position. */
  x: XPos;
  /** Vertical position. */
  y: YPos;
}

/** How an edge is drawn. */
export type RouteKind = 'next' | 'straight' | 'centre' | 'channel' | 'endBelow' | 'endSide' | 'terminal';

/** A channel run: the vertical part of a `channel` route. */
export interface Track {
  /** Lane whose channel holds the run. */
  lane: number;
  /** -1 left of the lane's symbols, 1 right. */
  side: -1 | 1;
  /** Track number (0 nearest the symbols). */
  index: number;
  /** First and last rows the run spans. */
  rows: [number, number];
}

/** The drawn form of one flow edge. */
export interface EdgeRoute {
  /** Index into `input.edges`. */
  edge: number;
  /** Routing class. */
  kind: RouteKind;
  /** Orthogonal polyline from the source's border to the target's border (empty for `terminal`). */
  points: Pt[];
  /** The channel run, for `channel` routes. */
  track?: Track;
}

/** A small end capsule drawn beside (or below) a decision whose branch goes to `end`. */
export interface EndCap {
  /** Edge leading to it. */
  edge: number;
  /** Row. */
  row: number;
  /** Lane. */
  lane: number;
  /** Centre, px from the lane centre. */
  cx: number;
  /** Centre, px from the row's middle. */
  cy: number;
  /** Width. */
  w: number;
  /** Height. */
  h: number;
}

/** A decision branch label (a box of text lines, mid-anchored in its row). */
export interface BranchLabel {
  /** Edge it names. */
  edge: number;
  /** Row. */
  row: number;
  /** Lane. */
  lane: number;
  /** Left edge, px from the lane centre. */
  x: number;
  /** Top edge, px from the row's middle. */
  y: number;
  /** Estimated width. */
  w: number;
  /** Height. */
  h: number;
  /** Text lines. */
  lines: string[];
}

/** An off-page connector pair at a page break. */
export interface Connector {
  /** Row after which the page breaks. */
  row: number;
  /** Index of the break in `breaks`. */
  breakIndex: number;
  /** Edge whose line it carries. */
  edge: number;
  /** Where the line crosses. */
  x: XPos;
  /** Text printed in both pentagons. */
  label: string;
}

/** A symbol in its row. */
export interface SymbolBox {
  /** Row (step index). */
  row: number;
  /** Lane. */
  lane: number;
  /** Symbol kind. */
  kind: SymbolKind;
  /** Half width. */
  hw: number;
  /** Half height. */
  hh: number;
}

/** The laid-out flowchart. */
export interface Flowchart {
  /** Symbol kind per row. */
  kinds: SymbolKind[];
  /** Per row: the band for the cell spanning all lane columns (a div wrapping one self-contained `<svg>`). */
  bands: string[];
  /** Per row: the band's minimum height in px (also set inline on the band's svg). */
  minHeights: number[];
  /** Narrowest lane (px) at which channels and labels do not spill into a neighbour lane. */
  minLaneWidth: number;
  /** Symbols, per row. */
  symbols: SymbolBox[];
  /** One per input edge, in order. */
  routes: EdgeRoute[];
  /** End capsules beside decisions. */
  caps: EndCap[];
  /** Decision branch labels. */
  labels: BranchLabel[];
  /** Off-page connector pairs. */
  connectors: Connector[];
}
