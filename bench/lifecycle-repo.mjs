// Generator for the lifecycle benchmark: a git repository of N SOPs with N×10 commits, written as ONE
// `git fast-import` stream (seconds instead of minutes). Each SOP lives a full life — draft, edits,
// approval, implementation, monitoring, evaluation, revision, re-approval — with renames and a few
// approved files edited without a revision. Dates are fixed, so every run builds the same history.
import { execFileSync } from 'node:child_process';
import { sopYaml } from './gen-sops.mjs';

const DAY = 86400;
const START = Date.UTC(2022, 0, 3) / 1000;
const UNITS = ['keuangan', 'umum', 'hukum', 'teknis', 'perencanaan'];

const iso = (t) => new Date(t * 1000).toISOString().slice(0, 10);

/** The successive texts of SOP `i` (10 versions) with their commit subjects, paths and dates. */
function lifeOf(i, phaseDate) {
  const base = sopYaml(i, { status: 'draft' });
  const id = /^id: (.+)$/m.exec(base)[1];
  const unit = UNITS[i % UNITS.length];
  let path = `sops/${unit}/${id.toLowerCase()}.yaml`;
  let text = base;
  const set = (re, s) => (text = text.replace(re, s));
  const dates = {};
  const writeDates = () => set(/^dates: \{.*\}$/m, `dates: {${Object.entries(dates).map(([k, v]) => `${k}: ${v}`).join(', ')}}`);
  const versions = [];
  const push = (subject, extra = {}) => versions.push({ text, path, subject, ...extra });
  dates.created = iso(phaseDate(0));
  writeDates();
  push(`Draft ${id}`);
  set(/time: [^\n]+/, (m) => (m === 'time: 20 menit' ? 'time: 25 menit' : 'time: 20 menit'));
  push(`${id}: tighten step times`);
  dates.effective = iso(phaseDate(2));
  writeDates();
  set(/^status: draft$/m, 'status: approved');
  set(/^(id: .+)$/m, `$1\nnumber: ${String(i + 1).padStart(3, '0')}/SOP/${unit.toUpperCase()}/2022`);
  set(/^(dates: .+)$/m, `$1\napproval:\n  position: Sekretaris KPU Kota Malang\n  name: Pejabat ${i % 9}\n  nip: "19790101200501100${i % 10}"`);
  push(`sop(${id}): approved`, { trailer: 'approved' });
  dates.implemented = iso(phaseDate(3));
  writeDates();
  set(/^status: approved$/m, 'status: implemented');
  push(`sop(${id}): implemented`);
  text += `monitoring:\n  - {date: ${iso(phaseDate(4))}, assessor: Tim Monitoring, result: good}\n`;
  push(`${id}: monitoring ${iso(phaseDate(4))}`);
  set(/^status: implemented$/m, 'status: evaluated');
  text += `evaluations:\n  - date: ${iso(phaseDate(5))}\n    evaluator: Tim Evaluasi\n    criteria: {improvesPerformance: true, easyToUnderstand: true, easyToApply: false, rolesClear: true, solvesProblems: true, meetsNeeds: true, synergy: true}\n    decision: revise\n`;
  push(`sop(${id}): evaluated`);
  set(/^status: evaluated$/m, 'status: draft');
  set(/^revision: 0$/m, 'revision: 1');
  dates.revised = iso(phaseDate(6));
  writeDates();
  set(/^steps:\n/m, 'steps:\n  - activity: Memeriksa kelengkapan berkas\n    actor: staf\n    time: 10 menit\n    output: Berkas lengkap\n');
  push(`sop(${id}): draft (revision 1)`);
  dates.effective = iso(phaseDate(7));
  writeDates();
  set(/^status: draft$/m, 'status: approved');
  push(`sop(${id}): approved`);
  if (i % 5 === 0) {
    const old = path;
    path = `sops/arsip-${unit}/${id.toLowerCase()}.yaml`;
    push(`Move ${id} to arsip-${unit}/`, { renamedFrom: old });
  } else {
    text += `# reviewed ${iso(phaseDate(8))}\n`;
    push(`${id}: review note`);
  }
  if (i % 7 === 0) {
    set(/^title: (.+)$/m, 'title: $1 (perbaikan)');
    push(`${id}: fix title`);
  } else {
    dates.implemented = iso(phaseDate(9));
    writeDates();
    set(/^status: approved$/m, 'status: implemented');
    push(`sop(${id}): implemented`);
  }
  return versions;
}

/** Write the fast-import stream for `sops` SOPs (10 commits each) into a fresh repository at `dir`. */
export function buildLifecycleRepo(dir, sops = 500) {
  const lives = [];
  const phases = 10;
  let t = START;
  const commits = [];
  for (let p = 0; p < phases; p++) {
    for (let i = 0; i < sops; i++) {
      const when = START + (p * sops + i) * 600;
      commits.push({ i, p, when });
    }
  }
  for (let i = 0; i < sops; i++) lives.push(lifeOf(i, (p) => START + (p * sops + i) * 600));
  const chunks = [];
  const data = (s) => {
    const b = Buffer.from(s, 'utf8');
    chunks.push(`data ${b.length}\n`, b, '\n');
  };
  const config = 'organization: {name: KPU Kota Malang, unitLines: []}\nreview: {monitoringMonths: 6, evaluationMonths: 12}\n';
  let mark = 0;
  chunks.push('commit refs/heads/main\n', `mark :${++mark}\n`, `author Admin <admin@kpu.example> ${START - DAY} +0700\n`, `committer Admin <admin@kpu.example> ${START - DAY} +0700\n`);
  data('Repository set-up');
  chunks.push('M 100644 inline sop.config.yaml\n');
  data(config);
  for (const c of commits) {
    const v = lives[c.i][c.p];
    t = c.when;
    const who = v.subject.includes('approved') ? 'Sekretaris <sekretaris@kpu.example>' : `Staf ${c.i % 4} <staf${c.i % 4}@kpu.example>`;
    chunks.push('commit refs/heads/main\n', `mark :${++mark}\n`, `author ${who} ${t} +0700\n`, `committer ${who} ${t} +0700\n`);
    data(v.subject);
    chunks.push(`from :${mark - 1}\n`);
    if (v.renamedFrom) chunks.push(`R ${v.renamedFrom} ${v.path}\n`);
    chunks.push(`M 100644 inline ${v.path}\n`);
    data(v.text);
  }
  chunks.push('done\n');
  const stream = Buffer.concat(chunks.map((c) => (typeof c === 'string' ? Buffer.from(c) : c)));
  const git = (args, input) => execFileSync('git', args, { cwd: dir, input, stdio: [input ? 'pipe' : 'ignore', 'pipe', 'pipe'], maxBuffer: 1 << 30 });
  git(['init', '-q', '-b', 'main']);
  git(['fast-import', '--quiet', '--done'], stream);
  git(['checkout', '-q', '-f', 'main']);
  return { commits: commits.length + 1, sops, bytes: stream.length };
}
