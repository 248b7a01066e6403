import type { SeveritySetting } from '../lint/diagnostic.js';

/** Paper sizes the renderer knows. */
export type Paper = 'A4' | 'F4' | 'Letter';
/** Page orientation. */
export type Orientation = 'landscape' | 'portrait';
/** Output language of rendered documents. */
export type Locale = 'id' | 'en';

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
  /** Number checks. */
  numbering: { pattern?: string };
  /** Review intervals in months. */
  review: { monitoringMonths: number; evaluationMonths: number };
  /** Rule settings by rule id. */
  rules: Record<string, RuleSetting>;
  /** Folder of user templates (absolute), if set. */
  templates?: string;
  /** Book settings. */
  book: { title?: string; subtitle?: string; pages: string[] };
  /** Browser settings for PDF. */
  browser: { executablePath?: string };
  /** PDF settings. */
  pdf: { margin: string };
  /** Whether rendered documents show the revision history. */
  history: boolean;
  /** `sop.config.yaml:LINE:COL` of a config key, for messages about its value (absent without a config file). */
  where?: (path: ReadonlyArray<string | number>) => string;
}

/** Name of the configuration file. */
export const CONFIG_FILE = 'sop.config.yaml';
/** Default SOP glob. */
export const DEFAULT_SOPS_GLOB = 'sops/**/*.{yaml,yml}';
