import type { Config } from '../../config/types.js';
import type { Evaluation, Monitoring, Socialization, Status } from '../../model/types.js';
import { dayOf, type Now } from '../../model/day.js';
import { openProject, type Project } from '../project.js';
import { followUps, type FollowUp } from '../../lifecycle/follow-up.js';
import { closeSopGit, openSopGit, repoRel } from '../../git/repo.js';
import { reviewDue, type ReviewDue } from '../../lifecycle/review.js';
import { timeline } from './history.js';
import { IN_FORCE, type RecordedSop, type ReportData } from '../../lifecycle/report-data.js';
export { IN_FORCE, type RecordedSop, type ReportData } from '../../lifecycle/report-data.js';

const list = <T>(v: unknown): T[] => (Array.isArray(v) ? (v.filter((x) => x && typeof x === 'object') as T[]) : []);
const str = (v: unknown) => (typeof v === 'string' ? v : undefined);

/** Report data with the project it was read from (the evidence pack lints the map in it). */
export interface OpenedReportData extends ReportData {
  /** The opened project. */
  project: Project;
}

/** Open the repository and read each SOP's records; follow-ups come from git history when there is a repository. */
export async function loadReportData(opts: { cwd: string; configPath?: string; now: Now }): Promise<OpenedReportData> {
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

