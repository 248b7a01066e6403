import type { Labels } from './locale/types.js';

/** One entry of a numbered list (Dasar Hukum, Keterkaitan, …). */
export interface ItemView {
  /** The entry's text as written (inline Markdown). */
  text: string;
  /** Link target when the entry names an SOP of the repository. */
  href?: string;
  /** Title of the linked SOP. */
  linkTitle?: string;
}

/** A labelled list of the identity grid; `items` empty prints the empty mark. */
export interface ListView {
  /** Heading, from the locale. */
  label: string;
  /** Entries in order. */
  items: ItemView[];
}

/** One row of the procedure table. */
export interface StepView {
  /** 1-based number. */
  no: number;
  /** Kegiatan (inline Markdown). */
  activity: string;
  /** Index of the actor column (0-based); -1 when the actor is unknown. */
  lane: number;
  /** The actor's printed name. */
  actorName: string;
  /** Symbol: start/end terminator, process or decision. */
  kind: 'start' | 'end' | 'process' | 'decision';
  /** Kelengkapan entries (inline Markdown). */
  requirements: string[];
  /** Waktu as written, or the empty mark. */
  time: string;
  /** Output, or the empty mark. */
  output: string;
  /** Keterangan (may be empty). */
  notes: string;
  /** Branch labels of a decision. */
  labels?: [string, string];
  /** The SVG band of the row (HTML only, built and escaped in code). */
  band?: string;
  /** Whether a printed page breaks after this row. */
  breakAfter: boolean;
}

/** A row of the revision history table. */
export interface HistoryView {
  /** Revision number. */
  revision: number;
  /** Long-form date. */
  date: string;
  /** Stage name in the locale. */
  stage: string;
  /** Who approved, or the empty mark. */
  approvedBy: string;
  /** Short commit hash. */
  commit: string;
  /** Long-form date of that commit (secondary: the stage's date is the file's). */
  commitDate: string;
  /** Commit subject. */
  subject: string;
}

/** Everything a template needs, formatted for the locale; no logic left for templates. */
export interface SopView {
  /** Locale code (`id`, `en`). */
  locale: string;
  /** Every label of the locale. */
  labels: Labels;
  /** SOP id, e.g. KUL-004. */
  id: string;
  /** Nama SOP. */
  title: string;
  /** Nomor SOP or the empty mark. */
  number: string;
  /** Owning unit. */
  unit: string;
  /** Status as written. */
  status: string;
  /** Watermark text for a draft (KONSEP) or a withdrawn SOP (DICABUT), else undefined. */
  watermark?: string;
  /** The office block of the identity table. */
  org: { name: string; unitLines: string[]; logo?: string; address?: string };
  /** Long-form dates, or the empty mark. */
  dates: { created: string; revised: string; effective: string };
  /** Disahkan oleh; fields are the empty mark when missing. */
  approval: { position: string; name: string; nip: string; present: boolean };
  /** The identity grid, as left/right pairs. */
  grid: Array<{ left: ListView; right: ListView }>;
  /** Every list by key, for custom templates. */
  lists: Record<'legalBasis' | 'qualifications' | 'related' | 'equipment' | 'warnings' | 'records', ListView>;
  /** Pelaksana columns, left to right. */
  actors: Array<{ id: string; name: string }>;
  /** Procedure rows. */
  steps: StepView[];
  /** "2 hari 3 jam 15 menit" along the main path. */
  totalTime: string;
  /** Revision history, when supplied and non-empty. */
  history?: HistoryView[];
  /** Paper: CSS `@page` size and its name. */
  page: { size: string; name: string; orientation: string };
  /** Long-form date of rendering (from the injected clock). */
  generated: string;
}
