import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { treeOrder } from '../../../src/model/processes/build.js';
import { openProject } from '../../../src/app/project.js';
import { mapCsv, mapDocument, mapHtml, mapMarkdown, type MapDocument } from '../../../src/render/map/index.js';
import { ROOT, sop, tempTree } from '../../helpers/cli.js';
import { summarize, type SopSummary } from '../../../src/model/processes/coverage.js';

const EXAMPLES = path.join(ROOT, 'examples');

function docOf(dir: string, locale: 'id' | 'en' = 'id'): MapDocument {
  const project = openProject({ cwd: dir, paths: [] });
  const sops = project.repo.files.map((f) => summarize(f.data)).filter((s): s is SopSummary => s !== undefined);
  return mapDocument(project.map!, sops, project.config, locale);
}

interface Box { x0: number; y0: number; x1: number; y1: number }

/** The Level 0 SVG's bands, each with its frame and the shapes of the processes drawn in it. */
function bands(svg: string): Array<{ category: string; frame: Box; processes: Array<{ code: string; box: Box }> }> {
  const level0 = /<svg class="pb-level0"[\s\S]*?<\/svg>/.exec(svg)?.[0] ?? '';
  return level0.split('<g class="pb-band"').slice(1).map((seg) => {
    const category = /data-category="([^"]+)"/.exec(seg)![1]!;
    const r = /<rect class="pb-band-bg" x="([\d.]+)" y="([\d.]+)" width="([\d.]+)" height="([\d.]+)"/.exec(seg)!;
    const frame = { x0: +r[1]!, y0: +r[2]!, x1: +r[1]! + +r[3]!, y1: +r[2]! + +r[4]! };
    const processes = [...seg.matchAll(/<g class="pb-process" data-code="([^"]+)">(<rect[^>]*>|<polygon[^>]*>)/g)].map((m) => {
      const shape = m[2]!;
      const rect = /x="([\d.]+)" y="([\d.]+)" width="([\d.]+)" height="([\d.]+)"/.exec(shape);
      if (rect) return { code: m[1]!, box: { x0: +rect[1]!, y0: +rect[2]!, x1: +rect[1]! + +rect[3]!, y1: +rect[2]! + +rect[4]! } };
      const pts = /points="([^"]+)"/.exec(shape)![1]!.split(' ').map((p) => p.split(',').map(Number));
      const xs = pts.map((p) => p[0]!);
      const ys = pts.map((p) => p[1]!);
      return { code: m[1]!, box: { x0: Math.min(...xs), y0: Math.min(...ys), x1: Math.max(...xs), y1: Math.max(...ys) } };
    });
    return { category, frame, processes };
  });
}

describe('the map of the examples', () => {
  const doc = docOf(EXAMPLES);
  const html = mapHtml(doc);

  it('draws every Level 0 process once, inside the band of its category, bands in order', () => {
    const found = bands(html);
    expect(found.map((b) => b.category)).toEqual(['manajemen', 'inti', 'pendukung']);
    const drawn = found.flatMap((b) => b.processes.map((p) => p.code));
    expect([...drawn].sort()).toEqual(doc.map.roots.map((r) => r.code).sort());
    expect(new Set(drawn).size).toBe(drawn.length);
    for (const b of found) {
      for (const p of b.processes) {
        expect(doc.map.byCode.get(p.code)!.category, p.code).toBe(b.category);
        expect(p.box.x0 >= b.frame.x0 && p.box.x1 <= b.frame.x1 && p.box.y0 >= b.frame.y0 && p.box.y1 <= b.frame.y1, `${p.code} inside ${b.category}`).toBe(true);
      }
      // Bands do not overlap.
      const next = found[found.indexOf(b) + 1];
      if (next) expect(b.frame.y1).toBeLessThan(next.frame.y0);
    }
  });

  it('draws the core processes left to right in file order, as chevrons between the stakeholders', () => {
    const core = bands(html).find((b) => b.category === 'inti')!;
    expect(core.processes.map((p) => p.code)).toEqual(['PB.2.1', 'PB.2.2', 'PB.2.3', 'PB.2.4', 'PB.2.5', 'PB.2.6']);
    core.processes.slice(1).forEach((p, i) => expect(p.box.x0).toBeGreaterThan(core.processes[i]!.box.x0));
    expect((html.match(/class="pb-stakeholders/g) ?? []).length).toBe(2);
  });

  it('draws each lower level as a tree: every process below Level 0 once, uncovered leaves dashed', () => {
    const nodes = [...html.matchAll(/<g class="pb-node([^"]*)" data-code="([^"]+)"/g)];
    const codes = nodes.map((m) => m[2]);
    const all = treeOrder(doc.map).filter((p) => p.level! > 0 || p.children.length > 0).map((p) => p.code);
    expect(codes).toEqual(all);
    const dashed = nodes.filter((m) => m[1]!.includes('pb-uncovered')).map((m) => m[2]);
    expect(dashed).toEqual(['PB.1.1.1', 'PB.2.3.1', 'PB.2.4.2', 'PB.2.5.1', 'PB.3.2.1.2', 'PB.3.4.1']);
  });

  it('computes the coverage: 10 of 16 leaf processes have an SOP in force; withdrawn SOPs are left out', () => {
    expect([doc.coverage.covered, doc.coverage.leaves]).toEqual([10, 16]);
    expect(html).toContain('10 dari 16 proses level terbawah memiliki SOP yang berlaku (62,5%).');
    const informasi = doc.coverage.rows.find((r) => r.process.code === 'PB.2.6.1')!;
    expect(informasi.sops.map((s) => s.id)).toEqual(['TPH-005']);
    expect(doc.coverage.unmapped).toEqual([]);
  });

  it('lists each SOP in the matrix beside its process with number, title, unit and stage', () => {
    const row = /<tr class="[^"]*" data-code="PB.3.2.1.1">([\s\S]*?)<\/tr>/.exec(html)![1]!;
    expect(row).toContain('004/SOP/KUL/KPU-Kot/IX/2026');
    expect(row).toContain('Pengelolaan Surat Masuk');
    expect(row).toContain('Subbagian Keuangan, Umum dan Logistik');
    expect(row).toContain('Penetapan');
    expect(/data-code="PB.2.4.2">[\s\S]*?Belum ada SOP/.test(html)).toBe(true);
  });

  it('is one self-contained document: no script, nothing fetched', () => {
    expect(html).not.toMatch(/<script|src="http|href="http/i);
    expect(html).toContain("default-src 'none'");
  });

  it('speaks English with locale en', () => {
    const en = mapHtml(docOf(EXAMPLES, 'en'));
    for (const w of ['MANAGEMENT PROCESSES', 'CORE PROCESSES', 'SUPPORT PROCESSES', 'Business Process and SOP Matrix', '10 of 16 lowest-level processes have an SOP in force (62.5%).']) expect(en).toContain(w);
  });

  it('writes Markdown: the bands, the core chain as Mermaid, the trees, the matrix', () => {
    const md = mapMarkdown(doc);
    expect(md).toContain('### PROSES INTI');
    expect(md).toContain('```mermaid\nflowchart LR\n  in(["Pemangku Kepentingan"]) --> p0["PB.2.1 Pembentukan Badan Ad Hoc"] --> p1[');
    expect(md).toContain('    - **PB.3.2.1.2** Pengelolaan Surat Keluar — *Belum ada SOP*');
    expect(md).toContain('**Cakupan SOP:** 10 dari 16 proses level terbawah memiliki SOP yang berlaku (62,5%).');
    expect(md).toContain('| 23 | **PB.3.2.1.1** | Pengelolaan Surat Masuk | 2 | 004/SOP/KUL/KPU-Kot/IX/2026 | Pengelolaan Surat Masuk | Subbagian Keuangan, Umum dan Logistik | Penetapan |');
  });

  it('writes CSV: a line per process and SOP', () => {
    const lines = mapCsv(doc).split('\r\n');
    expect(lines[0]).toBe('\uFEFFprocessCode,processName,level,category,owner,leaf,sopId,sopNumber,sopTitle,sopUnit,status,inForce');
    expect(lines).toContain('PB.3.2.1.1,Pengelolaan Surat Masuk,2,pendukung,"Subbagian Keuangan, Umum dan Logistik",true,KUL-004,004/SOP/KUL/KPU-Kot/IX/2026,Pengelolaan Surat Masuk,"Subbagian Keuangan, Umum dan Logistik",approved,true');
    expect(lines).toContain('PB.2.4.2,Distribusi Logistik Pemilu ke PPK dan PPS,1,inti,"Subbagian Keuangan, Umum dan Logistik",true,,,,,,');
    expect(lines.filter((l) => l.startsWith('PB.')).length).toBe(doc.coverage.rows.reduce((n, r) => n + Math.max(1, r.sops.length), 0));
  });
});

describe('hostile text in the map', () => {
  it('is escaped in the SVG, the matrix and the Markdown', () => {
    const evil = '<script>alert(1)</script> & "q" <img src=x onerror=alert(2)>';
    const tree = tempTree({
      'sop.config.yaml': 'locale: id\n',
      'processes.yaml': `processes:\n  - code: PB.1\n    name: '${evil}'\n    category: inti\n    unit: '${evil}'\n    inputs: ['${evil}']\n    children:\n      - code: PB.1.1\n        name: '${evil}'\n`,
      'sops/KUL-001.yaml': `sop: 1\nid: KUL-001\ntitle: '${evil}'\nunit: U\nstatus: draft\nrevision: 0\nprocess: PB.1.1\ndates: {created: 2024-03-11}\nactors: [{id: s, name: S}]\nsteps: [{activity: A, actor: s}, {activity: B, actor: s}]\n`,
    });
    try {
      const doc = docOf(tree.dir);
      const html = mapHtml(doc);
      expect(html).not.toMatch(/<script|<img/i);
      expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;q&quot;');
      // Markdown escapes the angle brackets (read literally); Mermaid labels use its entity codes.
      const md = mapMarkdown(doc);
      expect(md).not.toMatch(/(?<!\\)<(script|img)/i);
      expect(md).toContain('\\<script\\>alert(1)\\</script\\>');
      expect(md).toContain('#60;script#62;alert#40;1#41;');
    } finally {
      tree.cleanup();
    }
  });
});

describe('sop map (CLI, text formats)', () => {
  it('writes HTML to a file and Markdown or CSV to stdout', async () => {
    const out = tempTree();
    try {
      const file = path.join(out.dir, 'peta.html');
      const res = await sop(['map', 'examples', '--format', 'html', '--out', file], ROOT);
      expect(res.code, res.stderr).toBe(0);
      expect(res.stdout.trim()).toBe(file);
      const md = await sop(['map', '-f', 'md', '-o', '-'], EXAMPLES);
      expect(md.code).toBe(0);
      expect(md.stdout).toMatch(/^# Peta Proses Bisnis\n/);
      const csv = await sop(['map', 'examples', '-f', 'csv', '-o', '-', '--locale', 'en'], ROOT);
      expect(csv.stdout.split('\r\n')[0]).toMatch(/^\uFEFFprocessCode,/);
    } finally {
      out.cleanup();
    }
  });

  it('says so when there is no map (exit 2) and refuses a broken map (exit 1)', async () => {
    const tree = tempTree({ 'sop.config.yaml': 'locale: id\n', 'sops/KUL-001.yaml': 'sop: 1\n' });
    try {
      const none = await sop(['map', '-o', '-'], tree.dir);
      expect(none.code).toBe(2);
      expect(none.stderr).toContain('No business process map');
      writeFileSync(path.join(tree.dir, 'processes.yaml'), 'processes:\n  - code: PB.1\n    name: A\n    category: inti\n    parent: PB.9\n');
      const broken = await sop(['map', '-o', '-'], tree.dir);
      expect(broken.code).toBe(1);
      expect(broken.stderr).toContain('processes.yaml:5:13');
      expect(broken.stdout).toBe('');
      const forced = await sop(['map', '-o', '-', '--force'], tree.dir);
      expect(forced.code).toBe(1);
      expect(forced.stdout).toContain('PB.1');
      const pdfOut = await sop(['map', '-f', 'pdf', '-o', '-'], tree.dir);
      expect(pdfOut.code).toBe(2);
    } finally {
      tree.cleanup();
    }
  });
});

describe('book.parts', () => {
  it('puts the map and the matrix into the book after the front pages, without headings that would enter its outline', async () => {
    const out = tempTree();
    try {
      const file = path.join(out.dir, 'buku.html');
      const res = await sop(['book', '--force', '-o', file], EXAMPLES);
      expect(res.code, res.stderr).toBe(0);
      const html = (await import('node:fs')).readFileSync(file, 'utf8');
      const pendahuluan = html.indexOf('PENDAHULUAN');
      const level0 = html.indexOf('<svg class="pb-level0"');
      const matrix = html.indexOf('<table class="pb-matrix">');
      const toc = html.indexOf('<section class="book-toc">');
      expect(pendahuluan).toBeGreaterThan(0);
      expect(level0).toBeGreaterThan(pendahuluan);
      expect(matrix).toBeGreaterThan(level0);
      expect(toc).toBeGreaterThan(matrix);
      expect(html.slice(level0, toc)).not.toMatch(/<h[1-6]\b/);
    } finally {
      out.cleanup();
    }
  });

  it('asks for a map when book.parts is set without one (exit 2, at the config line)', async () => {
    const tree = tempTree({
      'sop.config.yaml': 'locale: id\nbook:\n  parts: [matrix]\n',
      'sops/KUL-001.yaml': 'sop: 1\nid: KUL-001\ntitle: A\nunit: U\nstatus: draft\nrevision: 0\ndates: {created: 2024-03-11}\nlegalBasis: [UU]\nactors: [{id: s, name: S}]\nsteps: [{activity: A, actor: s, time: 1 hari, output: X}, {activity: B, actor: s, time: 1 hari, output: Y}]\n',
    });
    try {
      const res = await sop(['book', '-o', path.join(tree.dir, 'b.html')], tree.dir);
      expect(res.code).toBe(2);
      expect(res.stderr).toContain('sop.config.yaml:3:10 book.parts needs a business process map');
    } finally {
      tree.cleanup();
    }
  });
});
