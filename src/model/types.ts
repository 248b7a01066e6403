/** A 1-based position in a source file. */
export interface Position {
  /** Line number, starting at 1. */
  line: number;
  /** Column number, starting at 1 (UTF-16 code units). */
  column: number;
}

/** A source range; `end` is exclusive. */
export interface Range {
  /** First character of the range. */
  start: Position;
  /** Position just after the last character. */
  end: Position;
}

/** A path into a YAML document: mapping keys and sequence indexes. */
export type DocPath = ReadonlyArray<string | number>;

/** Lifecycle stages, in order. */
export const STAGES = ['draft', 'approved', 'implemented', 'evaluated'] as const;
/** A lifecycle status as written in the file. */
export type Status = (typeof STAGES)[number] | 'withdrawn';

/** A step reference: a step's `id`, its 1-based number, or `end`. */
export type StepRef = string | number;

/** Dates of an SOP (ISO `YYYY-MM-DD` strings). */
export interface SopDates {
  /** Tanggal Pembuatan. */
  created: string;
  /** Tanggal Revisi. */
  revised?: string;
  /** Tanggal Efektif. */
  effective?: string;
  /** Start of implementation (penerapan). */
  implemented?: string;
}

/** Disahkan oleh. */
export interface Approval {
  /** Jabatan. */
  position: string;
  /** Name of the signing official. */
  name: string;
  /** 18-digit NIP, as a string. */
  nip: string;
}

/** A swim lane (Pelaksana). */
export interface Actor {
  /** Slug referenced by steps. */
  id: string;
  /** Position as printed. */
  name: string;
}

/** One activity of the procedure. */
export interface Step {
  /** Optional slug other steps can jump to. */
  id?: string;
  /** Kegiatan. */
  activity: string;
  /** Actor id whose lane holds the symbol. */
  actor: string;
  /** Symbol kind; terminators are derived. */
  type?: 'process' | 'decision';
  /** Mutu Baku: Kelengkapan. */
  requirements?: string[];
  /** Mutu Baku: Waktu. */
  time?: string;
  /** Mutu Baku: Output. */
  output?: string;
  /** Keterangan. */
  notes?: string;
  /** Where the flow goes next. */
  next?: StepRef;
  /** Decision: the "yes" branch. */
  ifYes?: StepRef;
  /** Decision: the "no" branch. */
  ifNo?: StepRef;
  /** Decision: branch labels instead of Ya/Tidak. */
  labels?: [string, string];
}

/** A monitoring record. */
export interface Monitoring {
  /** Date of the assessment. */
  date: string;
  /** Who assessed. */
  assessor: string;
  /** good = Berjalan dengan baik, poor = Tidak berjalan dengan baik. */
  result: 'good' | 'poor';
  /** Catatan Hasil Penilaian. */
  notes?: string;
  /** Tindakan yang Harus Diambil. */
  action?: string;
  /** How the assessment was made (the guideline's methods). */
  method?: MonitoringMethod;
  /** Bukti dukung: repository paths or URLs. */
  evidence?: string[];
}

/** Monitoring methods named by the Permenpan RB 35/2012 guideline. */
export const MONITORING_METHODS = ['observasi supervisor', 'interview pelaksana', 'interview pelanggan', 'diskusi kelompok kerja', 'pengarahan'] as const;
/** One monitoring method. */
export type MonitoringMethod = (typeof MONITORING_METHODS)[number];

/** A socialisation meeting (sosialisasi). */
export interface Socialization {
  /** Day of the meeting. */
  date: string;
  /** Tempat. */
  place?: string;
  /** Peserta: who was addressed. */
  audience: string;
  /** Jumlah peserta. */
  attendees?: number;
  /** Bukti dukung: repository paths or URLs. */
  evidence?: string[];
  /** Catatan. */
  notes?: string;
}

/** The meeting that discussed an evaluation (rapat evaluasi). */
export interface EvaluationMeeting {
  /** Day of the meeting. */
  date: string;
  /** Tempat. */
  place?: string;
  /** Notulen: repository path or URL. */
  minutes?: string;
  /** Daftar hadir: repository path or URL. */
  attendance?: string;
}

/** The seven evaluation questions. */
export const CRITERIA = [
  'improvesPerformance',
  'easyToUnderstand',
  'easyToApply',
  'rolesClear',
  'solvesProblems',
  'meetsNeeds',
  'synergy',
] as const;
/** One of the seven evaluation questions. */
export type Criterion = (typeof CRITERIA)[number];

/** An evaluation record. */
export interface Evaluation {
  /** Date of the evaluation. */
  date: string;
  /** Who evaluated. */
  evaluator: string;
  /** Answers to the seven questions. */
  criteria: Partial<Record<Criterion, boolean>>;
  /** Free notes. */
  notes?: string;
  /** Outcome. */
  decision: EvaluationDecision;
  /** Rapat evaluasi. */
  meeting?: EvaluationMeeting;
  /** Bukti dukung: repository paths or URLs. */
  evidence?: string[];
}

/** Decisions an evaluation can take. */
export const DECISIONS = ['keep', 'revise', 'withdraw'] as const;
/** An evaluation's decision. */
export type EvaluationDecision = (typeof DECISIONS)[number];

/** A schema-valid SOP document. */
export interface Sop {
  /** Format version (1). */
  sop: 1;
  /** Stable identifier, e.g. KUL-004. */
  id: string;
  /** Nomor SOP. */
  number?: string;
  /** Nama SOP. */
  title: string;
  /** Owning unit. */
  unit: string;
  /** Lifecycle stage. */
  status: Status;
  /** Revision counter, 0 for the first edition. */
  revision: number;
  /** Business-process-map code. */
  process?: string;
  /** administratif or teknis. */
  kind?: 'administratif' | 'teknis';
  /** Dates. */
  dates: SopDates;
  /** Disahkan oleh. */
  approval?: Approval;
  /** Dasar Hukum. */
  legalBasis?: string[];
  /** Kualifikasi Pelaksana. */
  qualifications?: string[];
  /** Keterkaitan. */
  related?: string[];
  /** Peralatan/Perlengkapan. */
  equipment?: string[];
  /** Peringatan. */
  warnings?: string[];
  /** Pencatatan dan Pendataan. */
  records?: string[];
  /** Pelaksana (lanes). */
  actors: Actor[];
  /** Activities in order. */
  steps: Step[];
  /** Socialisation records. */
  socialization?: Socialization[];
  /** Monitoring records. */
  monitoring?: Monitoring[];
  /** Evaluation records. */
  evaluations?: Evaluation[];
  /** Alasan revisi: why the current revision was made. */
  revisionNote?: string;
  /** Successor of a withdrawn SOP. */
  supersededBy?: string;
}

/** Pattern of an SOP id. */
export const ID_PATTERN = /^[A-Z][A-Z0-9]*(-[A-Z0-9]+)+$/;
