/** Every text a rendered document prints besides the SOP's own content. */
export interface Labels {
  /** BCP 47 language tag for `<html lang>`. */
  lang: string;
  /** Month names, January first. */
  months: readonly string[];
  /** Document title prefix, e.g. "Standar Operasional Prosedur". */
  documentKind: string;
  /** Identity table labels. */
  number: string;
  created: string;
  revised: string;
  effective: string;
  approvedBy: string;
  title: string;
  /** Prefix of the official's NIP, e.g. "NIP.". */
  nip: string;
  /** Two-column grid headings. */
  legalBasis: string;
  qualifications: string;
  related: string;
  equipment: string;
  warnings: string;
  records: string;
  /** Procedure table headings. */
  no: string;
  activity: string;
  actors: string;
  standard: string;
  requirements: string;
  time: string;
  output: string;
  notes: string;
  /** Default decision branch labels. */
  yes: string;
  no_: string;
  /** Flowchart terminator texts (Mermaid). */
  start: string;
  end: string;
  /** Footer: total time along the main path. */
  totalTime: string;
  /** Printed for an empty field. */
  empty: string;
  /** Nomor SOP of an SOP that has none yet (a draft). */
  unnumbered: string;
  /** Watermark of a draft. */
  draft: string;
  /** Watermark of a withdrawn SOP. */
  withdrawn: string;
  /** Revision history table. */
  history: string;
  historyRevision: string;
  historyDate: string;
  historyStage: string;
  historyApprovedBy: string;
  historyCommit: string;
  /** Column of the commit's date (secondary to the file's date). */
  historyCommitDate: string;
  historyChange: string;
  /** Stage names as printed. */
  stages: Record<'draft' | 'approved' | 'implemented' | 'evaluated' | 'withdrawn', string>;
  /** Duration units: [singular, plural]. */
  units: { day: [string, string]; hour: [string, string]; minute: [string, string] };
  /** Heading of the Markdown flow section. */
  flowchart: string;
  /** Heading of the Markdown procedure section. */
  procedure: string;
  /** Heading of the Markdown identity section. */
  identity: string;
  /** Label of the organisation row in Markdown. */
  organization: string;
  /** Label of the unit row. */
  unit: string;
  /** Signature placeholder text (screen readers; invisible in print). */
  signature: string;
}
