import type { LoadedFile } from '../load.js';
import type { DocPath } from '../types.js';

/** Process categories of a Peta Proses Bisnis (PermenPANRB 19/2018), in the order they are drawn. */
export const CATEGORIES = ['manajemen', 'inti', 'pendukung'] as const;
/** `manajemen` (management), `inti` (core, the value chain), `pendukung` (support). */
export type Category = (typeof CATEGORIES)[number];

/** One process of the map, as written and as placed in the tree. */
export interface Process {
  /** Kode proses, e.g. `PB.2.1`. */
  code: string;
  /** Nama proses. */
  name: string;
  /** What the file says, before inheritance and nesting. */
  declared: { category?: Category; unit?: string; parent?: string };
  /** Effective category: the Level 0 ancestor's (undefined when unknown). */
  category?: Category;
  /** Effective owner: its own `unit` or the nearest ancestor's. */
  owner?: string;
  /** Masukan. */
  inputs: string[];
  /** Keluaran. */
  outputs: string[];
  /** Uraian. */
  description?: string;
  /** Where the process's mapping is in the map file. */
  path: DocPath;
  /** The process it is nested under in the file, if any. */
  container?: Process;
  /** Effective parent (nesting, or `parent`); undefined for Level 0 and for an unknown `parent`. */
  parent?: Process;
  /** Processes one level below, in file order. */
  children: Process[];
  /** Depth in the tree (0 = value chain); undefined for a process caught in a `parent` cycle. */
  level?: number;
}

/** A business process map read from its file. */
export interface ProcessMap {
  /** The loaded file (diagnostics are located through its locator). */
  file: LoadedFile;
  /** The map's own title, if set. */
  title?: string;
  /** Every process entry of the file, in file order (duplicates and cycles included). */
  entries: Process[];
  /** Level 0 processes, in file order. */
  roots: Process[];
  /** Processes by code (the first entry of a duplicated code). */
  byCode: Map<string, Process>;
}
