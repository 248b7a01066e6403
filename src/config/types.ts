/** Severity of a reported problem. */
export type Severity = 'error' | 'warn';
/** Severity as configured; `off` disables a rule. */
export type SeveritySetting = Severity | 'off';

/** Paper sizes the renderer knows. */
export type Paper = 'A4' | 'F4' | 'Letter';
/** Page orientation. */
export type Orientation = 'landscape' | 'portrait';
/** Output language of rendered documents. */
export type Locale = 'id' | 'en';

/** A part of the book drawn from the business process map. */
export type BookPart = 'map' | 'matrix';

/** Per-rule configuration after normalisation. */
export interface RuleSetting {
  /** Severity override; undefined keeps the rule's default. */
  severity?: SeveritySetting;
  /** Rule options merged over the rule's defaults. */
  options?: Record<string, unknown>;
}

/** A unit (e.g. a subbagian) that owns SOPs. */
export interface Unit {
  /** Short upper-case code, e.g. `KUL`; its lower case names the unit's folder under sops/. */
  code: string;
  /** The name as written in an SOP's `unit`. */
  name: string;
}

/** The resolved `sop.config.yaml`, defaults applied. */
export interface Config {
  /** Absolute folder the config lives in (the repository root). */
  root: string;
  /** Absolute path of the config file, when one was found. */
  file?: string;
  /** The office printed in the header. */
  organization: { name: string; unitLines: string[]; logo?: string; address?: string };
  /** The units that own SOPs (`units` of the config; empty when not set). */
  units: Unit[];
  /** Language of rendered documents. */
  locale: Locale;
  /** Paper size. */
  paper: Paper;
  /** Page orientation. */
  orientation: Orientation;
  /** Glob of SOP files, relative to root. */
  sops: string;
  /** Path of the business process map as written in the config (relative to root); unset: `processes.yaml` when it exists. */
  processes?: string;
  /** Number checks. */
  numbering: { pattern?: string };
  /** IANA time zone of the office: what day it is for due dates, records, new SOPs and printed dates (default `Asia/Jakarta`). */
  timeZone: string;
  /** Review intervals in months. */
  review: { monitoringMonths: number; evaluationMonths: number };
  /** Rule settings by rule id. */
  rules: Record<string, RuleSetting>;
  /** Folder of user templates (absolute), if set. */
  templates?: string;
  /** Book settings. */
  book: { title?: string; subtitle?: string; pages: string[]; parts?: BookPart[] } & BookSelectionConfig;
  /** Browser settings for PDF. */
  browser: { executablePath?: string };
  /** PDF settings. */
  pdf: { margin: string };
  /** Whether rendered documents show the revision history. */
  history: boolean;
  /** Web folder of the rule pages (`…/docs/rules/`), when set: reports link rules there instead of to the installed package. */
  docsBase?: string;
  /** `sop.config.yaml:LINE:COL` of a config value (with `key`, of its key), for messages about it (absent without a config file). */
  where?: (path: ReadonlyArray<string | number>, opts?: { key?: boolean }) => string;
}

/** The official who signs the adopting decision. */
export interface DecreeSigner {
  /** Jabatan, e.g. "Sekretaris Komisi Pemilihan Umum Kota Malang". */
  position: string;
  /** Nama, with titles. */
  name: string;
  /** NIP (18 digits). */
  nip?: string;
}

/** The decision of the head of office adopting the SOPs (`book.decree`). */
export interface BookDecree {
  /** Nomor. */
  number: string;
  /** Tanggal penetapan, YYYY-MM-DD. */
  date: string;
  /** Tempat penetapan. */
  place: string;
  /** Tentang (subject). */
  title: string;
  /** Menimbang. */
  considering?: string[];
  /** Mengingat. */
  legalBasis?: string[];
  /** Diktum KESATU, KEDUA, … */
  decisions: string[];
  /** Penandatangan. */
  signer: DecreeSigner;
}

/** What the book holds beyond its pages: the order of units and the adopting decision. */
export interface BookSelectionConfig {
  /** Order of units (as written in the SOPs); others follow by name. */
  units?: string[];
  /** The adopting decision, printed after the cover with its attachment list. */
  decree?: BookDecree;
}

/** Name of the configuration file. */
export const CONFIG_FILE = 'sop.config.yaml';
/** Default SOP glob. */
export const DEFAULT_SOPS_GLOB = 'sops/**/*.{yaml,yml}';
