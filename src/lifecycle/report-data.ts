import type { Config } from '../config/types.js';
import type { Evaluation, Monitoring, Socialization, Status } from '../model/types.js';
import { dayOf, type Now } from '../day.js';
import { openProject, type Project } from '../project.js';
import { followUps, type FollowUp } from './follow-up.js';
import { closeSopGit, openSopGit, repoRel } from './repo.js';
import { reviewDue, type ReviewDue } from './review.js';
import { timeline } from './sop-history.js';

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
  /** The opened project. */
  project: Project;
  /** Every SOP that parses, ordered by unit then number/id. */
  sops: RecordedSop[];
  /** Today (YYYY-MM-DD). */
  today: string;
  /** Whether follow-ups were read from git history. */
  git: boolean;
}

const list = <T>(v: unknown): T[] => (Array.isArray(v) ? (v.filter((x) => x && typeof x === 'object') as T[]) : []);
const str = (v: unknown) => (typeof v === 'string' ? v : undefined);

/** Open the repository and read each SOP's records; follow-ups come from git history when there is a repository. */
export async function loadReportData(opts: { cwd: string; configPath?: string; now: Now }): Promise<ReportData> {
  const project = openProject({ cwd: opts.cwd, paths: [], configPath: opts.configPath });
  const today = dayOf(opts.now, project.config.timeZone);
  const g = await openSopGit(project.config).catch(() => undefined);
  try {
    const sops = await Promise.all(
      project.repo.files.map(async (f): Promise<RecordedSop | undefined> => {
        const d = f.data as Record<string, any> | undefined;
        if (!d || typeof d !== 'object' || typeof d.id !== 'string') return undefined;
        const abs = project.absPaths.get(f.file) ?? f.file;
        let history;
        if (g) {
          const rel = repoRel(g.info.root, abs);
          const lin = g.lineages.live.get(rel);
          history = await timeline(g, lin, { data: d, path: rel, state: g.worktree.get(rel) });
        }
        return {
          file: f.file,
          abs,
          id: d.id,
          number: str(d.number),
          title: str(d.title) ?? d.id,
          unit: str(d.unit) ?? '',
          process: str(d.process),
          status: d.status as Status,
          revision: Number.isInteger(d.revision) ? d.revision : 0,
          effective: str(d.dates?.effective),
          implemented: str(d.dates?.implemented),
          socialization: list<Socialization>(d.socialization),
          monitoring: list<Monitoring>(d.monitoring),
          evaluations: list<Evaluation>(d.evaluations),
          followUps: followUps(d, history),
          due: reviewDue(d, project.config.review, today),
          data: d,
        };
      }),
    );
    // By unit; numbered SOPs by number first, then the others by id.
    const order = (s: RecordedSop) => (s.number ? `0${s.number}` : `1${s.id}`);
    const found = sops.filter((s): s is RecordedSop => s !== undefined).sort((a, b) => a.unit.localeCompare(b.unit) || order(a).localeCompare(order(b)) || a.id.localeCompare(b.id));
    return { config: project.config, project, sops: found, today, git: g !== undefined };
  } finally {
    await closeSopGit(g);
  }
}

/** Stages in force: they are socialised, monitored and evaluated. */
export const IN_FORCE: readonly Status[] = ['approved', 'implemented', 'evaluated'];
