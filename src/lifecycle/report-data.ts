// What the forms, the register and the evidence pack read of each SOP (the app loads it from the files and git).
import type { Config } from '../config/types.js';
import type { Evaluation, Monitoring, Socialization, Status } from '../model/types.js';
import type { FollowUp } from './follow-up.js';
import type { ReviewDue } from './review.js';
import type { LoadedFile } from '../model/load.js';
import type { ProcessMap } from '../model/processes/types.js';

/** What a report reads of the opened repository. */
export interface ReportProject {
  /** The business process map, when there is one. */
  map?: ProcessMap;
  /** Every SOP file of the repository. */
  repo: { files: readonly LoadedFile[] };
}

/** One SOP with its records, as the forms, the register and the evidence pack read it. */
export interface RecordedSop {
  /** File as shown. */
  file: string;
  /** Absolute path. */
  abs: string;
  /** Id. */
  id: string;
  /** Nomor SOP. */
  number?: string;
  /** Nama SOP. */
  title: string;
  /** Owning unit. */
  unit: string;
  /** Business-process code. */
  process?: string;
  /** Stage. */
  status: Status;
  /** Revision. */
  revision: number;
  /** Tanggal Efektif. */
  effective?: string;
  /** Start of implementation. */
  implemented?: string;
  /** Socialisation records. */
  socialization: Socialization[];
  /** Monitoring records. */
  monitoring: Monitoring[];
  /** Evaluation records. */
  evaluations: Evaluation[];
  /** Follow-up of each `revise` evaluation, by index. */
  followUps: Map<number, FollowUp | undefined>;
  /** Next monitoring and evaluation as of today. */
  due: ReviewDue;
  /** The parsed file. */
  data: Record<string, any>;
}

/** Everything a report needs. */
export interface ReportData {
  /** The configuration. */
  config: Config;
  /** The opened project: its process map and every SOP file. */
  project: ReportProject;
  /** Every SOP that parses, ordered by unit then number/id. */
  sops: RecordedSop[];
  /** Today (YYYY-MM-DD). */
  today: string;
  /** Whether follow-ups were read from git history. */
  git: boolean;
}


/** Stages in force: they are socialised, monitored and evaluated. */
export const IN_FORCE: readonly Status[] = ['approved', 'implemented', 'evaluated'];
