#!/usr/bin/env node
// Benchmark: render N synthetic SOPs (~20 steps, 4 actors, two decisions) to HTML through the
// library, the way `sop render` does (view model, flowchart bands, one Handlebars environment).
// Usage: npm run build && node bench/render.mjs [N=1000]
import { performance } from 'node:perf_hooks';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const { renderHtml } = await import(path.join(root, 'dist/src/render/index.js'));
const { defaultConfig } = await import(path.join(root, 'dist/src/config/load.js'));

const N = Number(process.argv[2] ?? 1000);
const ACTORS = [
  { id: 'staf', name: 'Pengadministrasi Umum' },
  { id: 'kasubbag', name: 'Kasubbag Keuangan, Umum dan Logistik' },
  { id: 'sekretaris', name: 'Sekretaris KPU Kota Malang' },
  { id: 'ppk', name: 'Pejabat Pembuat Komitmen (PPK)' },
];

/** A synthetic SOP: 20 steps over 4 actors, decisions at steps 6 and 14 (one loops back). */
export function syntheticSop(i) {
  const steps = [];
  for (let s = 0; s < 20; s++) {
    const step = {
      activity: `Langkah ${s + 1}: memeriksa *berkas* nomor ${i}-${s} dan mencatatnya pada aplikasi SRIKANDI`,
      actor: ACTORS[(s * 3 + i) % 4].id,
      requirements: ['Berkas permohonan', `Formulir ${s + 1}`],
      time: ['15 menit', '30 menit', '1 jam', '1 hari'][s % 4],
      output: `Dokumen hasil langkah ${s + 1}`,
    };
    if (s === 5) Object.assign(step, { id: 'cek', type: 'decision', activity: 'Berkas lengkap?', ifNo: 'perbaiki', labels: ['Lengkap', 'Tidak lengkap'] });
    if (s === 6) step.next = 9;
    if (s === 7) Object.assign(step, { id: 'perbaiki', next: 'cek' });
    if (s === 13) Object.assign(step, { type: 'decision', activity: 'Disetujui?', ifNo: 'end' });
    if (s % 5 === 0) step.notes = 'Lihat [pedoman](https://jdih.kpu.go.id) dan `kode akun`';
    steps.push(step);
  }
  return {
    sop: 1, id: `BEN-${String(i).padStart(4, '0')}`, number: `${i}/SOP/BEN/KPU-Kot/IV/2024`,
    title: `Prosedur Sintetis Nomor ${i}`, unit: 'Subbagian Keuangan, Umum dan Logistik',
    status: i % 10 === 0 ? 'draft' : 'approved', revision: 0,
    dates: { created: '2024-03-11', effective: '2024-04-01' },
    approval: { position: 'Sekretaris KPU Kota Malang', name: 'Nama Pejabat', nip: '197901012005011001' },
    legalBasis: ['Undang-Undang Nomor 7 Tahun 2017 tentang Pemilihan Umum', 'Peraturan Menteri PAN-RB Nomor 35 Tahun 2012'],
    qualifications: ['Memahami tata naskah dinas'], related: ['BEN-0001', 'SOP lain'],
    equipment: ['Komputer', 'Printer'], warnings: ['Berkas rahasia tidak boleh dipindai'], records: ['Buku agenda'],
    actors: ACTORS, steps,
  };
}

const config = { ...defaultConfig(root), paper: 'F4', organization: { name: 'KOMISI PEMILIHAN UMUM KOTA MALANG', unitLines: ['SEKRETARIAT'] } };
const sops = Array.from({ length: N }, (_, i) => syntheticSop(i + 1));
const index = new Map(sops.map((s) => [s.id, { title: s.title, href: `${s.id}.html` }]));
const now = new Date('2024-04-01T00:00:00Z');

renderHtml(sops[0], { config, now, index }); // warm-up: templates compiled once, as in a CLI run
const cpu0 = process.cpuUsage();
const t0 = performance.now();
let bytes = 0;
for (const sop of sops) bytes += renderHtml(sop, { config, now, index }).length;
const ms = performance.now() - t0;
const cpu = process.cpuUsage(cpu0);
const rssMb = process.resourceUsage().maxRSS / 1024;
console.log(`rendered ${N} SOPs to HTML in ${(ms / 1000).toFixed(2)} s wall, ${((cpu.user + cpu.system) / 1e6).toFixed(2)} s CPU (${Math.round(N / (ms / 1000))} SOPs/s), ${(bytes / N / 1024).toFixed(1)} KiB each, peak RSS ${rssMb.toFixed(0)} MB`);
if (ms > 5000) process.exitCode = 1; // the target: under 5 s (goal 2 s)
