import { mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { Command } from 'commander';
import type { Locale } from '../../../config/types.js';
import { UsageError } from '../../../util/errors.js';
import { formatDiff } from '../../format/diff.js';
import { semesterPeriod, yearPeriod, inPeriod } from '../../../lifecycle/period.js';
import { loadReportData } from '../../../app/lifecycle/report-data.js';
import { sopDiff } from '../../../app/lifecycle/diff.js';
import { lintRepository } from '../../../lint/engine.js';
import { summarize, type Coverage, type SopSummary } from '../../../model/processes/coverage.js';
import { launchOptions } from '../../pdf-support.js';
import { writeFileAtomic } from '../../output.js';
import type { RunState } from '../../state.js';
import { localeOption, todayOption } from '../../options.js';

interface EvidenceFlags {
  year?: string;
  output: string;
  locale?: Locale;
  config?: string;
  book: boolean;
  today?: string;
}

/** A path of the pack, refused when it would leave the pack's folder. */
function inside(dir: string, rel: string): string {
  const abs = path.resolve(dir, rel);
  const r = path.relative(dir, abs);
  if (!r || r.startsWith('..') || path.isAbsolute(r)) throw new UsageError(`internal: pack path ${rel} leaves ${dir}`);
  return abs;
}

const safeName = (s: string) => s.replace(/[^A-Za-z0-9._-]+/g, '-');

/** `sop evidence --year YYYY -o DIR`: the evidence pack, one folder per assessment item, with an index. */
export function registerEvidence(program: Command, state: RunState): void {
  const { t } = state;
  program
    .command('evidence')
    .description(t('evidence.desc'))
    .option('--year <YYYY>', t('evidence.year'))
    .requiredOption('-o, --output <dir>', t('evidence.output'))
    .addOption(localeOption(t('opt.localeForms')))
    .option('-c, --config <file>', t('opt.config'))
    .option('--no-book', t('evidence.noBook'))
    .addOption(todayOption(t))
    .action(async (f: EvidenceFlags) => {
      const { io } = state;
      const data = await loadReportData({ cwd: io.cwd, configPath: f.config, now: f.today ?? new Date() });
      const today = data.today;
      const year = yearPeriod(f.year ?? today.slice(0, 4));
      const locale: Locale = f.locale ?? data.config.locale;
      const dir = path.resolve(io.cwd, f.output);
      const r = await import('../../../render/report/index.js');
      const launch = launchOptions(state, data.config);
      const files: Array<{ item: (typeof r.ITEMS)[number]; rel: string; title: string; content?: string | Uint8Array; copyFrom?: string }> = [];
      const notes: Partial<Record<(typeof r.ITEMS)[number], string[]>> = {};
      const note = (item: (typeof r.ITEMS)[number], text: string) => (notes[item] ??= []).push(text);

      // Penyusunan: the book.
      if (f.book) {
        const { openPrintProject } = await import('../../../app/render/print.js');
        const { bookContent, bookAsPdf } = await import('../../../render/book/index.js');
        const now = f.today ?? new Date();
        const project = await openPrintProject({ cwd: io.cwd, paths: [], configPath: f.config, locale, now }, 'book');
        if (project.sops.length) {
          const book = await bookAsPdf(bookContent(project, undefined, now), project, launch);
          files.push({ item: 'penyusunan', rel: 'penyusunan/buku-sop.pdf', title: locale === 'en' ? 'SOP book' : 'Buku SOP', content: book.pdf });
        } else note('penyusunan', locale === 'en' ? 'no SOP could be printed in the book' : 'tidak ada SOP yang dapat dicetak dalam buku');
        for (const s of project.skipped) note('penyusunan', `${s.file}: ${s.reason}`);
      } else note('penyusunan', locale === 'en' ? 'the SOP book was left out (--no-book)' : 'buku SOP tidak disertakan (--no-book)');

      // Penyusunan: the business process map and the process → SOP matrix, printed as `sop map --format pdf` prints them, and the matrix as CSV.
      let coverage: Coverage | undefined;
      const map = data.project.map;
      if (map) {
        const lint = lintRepository([map.file], data.project.repo);
        if (lint.errorCount > 0 || map.file.data === undefined) {
          note('penyusunan', locale === 'en' ? `the business process map ${map.file.file} has errors and was left out; run \`sop lint\`` : `peta proses bisnis ${map.file.file} memiliki kesalahan dan tidak disertakan; jalankan \`sop lint\``);
        } else {
          const m = await import('../../../render/map/index.js');
          const sops = data.project.repo.files.map((x) => summarize(x.data)).filter((x): x is SopSummary => x !== undefined);
          const doc = m.mapDocument(map, sops, data.config, locale);
          coverage = doc.coverage;
          const pdf = await m.mapPdf(doc, r.reportSheet(data.config), launch);
          const en = locale === 'en';
          files.push({ item: 'penyusunan', rel: 'penyusunan/peta-proses-bisnis.pdf', title: en ? 'Business process map and the process → SOP matrix' : 'Peta proses bisnis dan matriks proses bisnis – SOP', content: pdf });
          files.push({ item: 'penyusunan', rel: 'penyusunan/matriks-proses-sop.csv', title: en ? 'The process → SOP matrix (CSV)' : 'Matriks proses bisnis – SOP (CSV)', content: m.mapCsv(doc) });
        }
      }

      // Printed forms, all in one browser.
      const landscape = r.reportSheet(data.config, 'landscape');
      const portrait = r.reportSheet(data.config, 'portrait');
      const forms: Array<{ item: (typeof r.ITEMS)[number]; rel: string; title: string; html: string }> = [];
      for (const sem of [semesterPeriod(`${year.year}-S1`), semesterPeriod(`${year.year}-S2`)]) {
        const extraCss = r.reportPageCss(landscape, r.footerOf('monitoring', sem, locale), locale);
        forms.push({ item: 'penerapan', rel: `penerapan/monitoring-${sem.id}.pdf`, title: `${r.REPORT_LABELS[locale].monitoringTitle} ${sem.id}`, html: r.renderMonitoringForm({ data, locale, extraCss }, sem, undefined, 'html') });
      }
      for (const s of data.sops) {
        for (const soc of s.socialization.filter((x) => inPeriod(x.date, year))) {
          const extraCss = r.reportPageCss(portrait, r.footerOf('attendance', year, locale), locale);
          forms.push({ item: 'penerapan', rel: `penerapan/daftar-hadir/${safeName(s.id)}-${safeName(soc.date)}.pdf`, title: `${r.REPORT_LABELS[locale].attendanceTitle} ${s.id} ${soc.date}`, html: r.renderAttendance({ data, locale, extraCss }, s, 'html', { date: soc.date }) });
        }
      }
      const evCss = r.reportPageCss(landscape, r.footerOf('evaluation', year, locale), locale);
      forms.push({ item: 'evaluasi', rel: `evaluasi/evaluasi-${year.id}.pdf`, title: `${r.REPORT_LABELS[locale].evaluationTitle} ${year.id}`, html: r.renderEvaluationForms({ data, locale, extraCss: evCss }, year, undefined, 'html') });
      const pdfs = await r.printHtml(launch, landscape, forms.map((x) => x.html));
      forms.forEach((x, i) => files.push({ item: x.item, rel: x.rel, title: x.title, content: pdfs[i]! }));

      // Evaluasi: for each revise decision of the year followed up by a revision, the original against the revision.
      for (const s of data.sops) {
        s.evaluations.forEach((e, i) => {
          if (!inPeriod(e.date, year) || e.decision !== 'revise') return;
          const fu = s.followUps.get(i);
          if (!fu) note('evaluasi', `${s.id}: ${locale === 'en' ? 'revise decision of' : 'keputusan revisi tanggal'} ${e.date} ${locale === 'en' ? 'not followed up yet' : 'belum ditindaklanjuti'}`);
        });
      }
      for (const s of data.sops) {
        const revs = [...new Set([...s.followUps.entries()].filter(([i, fu]) => fu && inPeriod(s.evaluations[i]?.date, year)).map(([, fu]) => fu!.revision))];
        for (const rev of revs) {
          if (!data.git) {
            note('evaluasi', `${s.id}: ${locale === 'en' ? 'the comparison of revisions needs git history' : 'perbandingan revisi memerlukan riwayat git'}`);
            continue;
          }
          try {
            const rep = await sopDiff({ cwd: io.cwd, target: s.id, from: String(rev - 1), to: String(rev), configPath: f.config });
            files.push({ item: 'evaluasi', rel: `evaluasi/revisi/${safeName(s.id)}-r${rev - 1}-r${rev}.html`, title: `${s.id}: ${rep.from.label} → ${rep.to.label}`, content: formatDiff(rep, 'html') });
          } catch (e) {
            note('evaluasi', `${s.id} r${rev - 1} → r${rev}: ${(e as Error).message}`);
          }
        }
      }

      // Evidence of the records, copied from the repository (never from outside it).
      const ev = r.recordEvidence(data, year);
      for (const x of ev.files) if ('copyFrom' in x) files.push({ item: x.item, rel: x.rel, title: x.title, copyFrom: x.copyFrom });

      mkdirSync(dir, { recursive: true });
      for (const x of files) writeFileAtomic(inside(dir, x.rel), x.content ?? readFileSync(x.copyFrom!), t);
      const index = r.packIndex({ org: data.config.organization.name, year, today, files, links: ev.links, shares: r.shares(data, year, locale, coverage), notes, locale });
      writeFileAtomic(inside(dir, 'index.html'), index, t);
      io.stdout(`${t('evidence.done', { output: f.output, n: files.length + 1 })}\n`);
      state.exitCode = 0;
    });
}
