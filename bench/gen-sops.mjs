// Synthetic SOP generator shared by the benchmarks: realistic size (~20 steps, 4 actors, two
// decisions, Mutu Baku on every process step), valid against the format, deterministic per seed.
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';

const UNITS = ['Subbagian Keuangan, Umum dan Logistik', 'Subbagian Hukum dan Sumber Daya Manusia', 'Subbagian Perencanaan, Data dan Informasi', 'Subbagian Teknis Penyelenggaraan Pemilu, Partisipasi dan Hubungan Masyarakat'];
const ACTORS = [['staf', 'Pengadministrasi Umum'], ['kasubbag', 'Kepala Subbagian'], ['sekretaris', 'Sekretaris KPU Kota'], ['bendahara', 'Bendahara Pengeluaran'], ['ppk', 'Pejabat Pembuat Komitmen'], ['arsiparis', 'Arsiparis']];
const VERBS = ['Menerima', 'Memeriksa', 'Mencatat', 'Menyusun', 'Memverifikasi', 'Menandatangani', 'Mengirimkan', 'Mengarsipkan', 'Membuat', 'Menyampaikan'];
const OBJECTS = ['surat masuk', 'dokumen pertanggungjawaban', 'lembar disposisi', 'nota dinas', 'daftar hadir', 'berita acara', 'laporan kegiatan', 'surat perintah tugas'];
const TIMES = ['15 menit', '30 menit', '1 jam', '2 jam', '1 hari', '2 hari kerja'];

/** A small deterministic PRNG (mulberry32). */
export function rng(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** YAML text of synthetic SOP number `i` (`steps` steps, `actors` actors, `decisions` decisions). */
export function sopYaml(i, { steps = 20, actors = 4, decisions = 2, status = 'approved' } = {}) {
  const r = rng(i + 1);
  const pick = (xs) => xs[Math.floor(r() * xs.length)];
  const id = `GEN-${String(i + 1).padStart(5, '0')}`;
  const lanes = ACTORS.slice(0, actors);
  const decisionAt = new Set();
  for (let d = 0; d < decisions; d++) decisionAt.add(3 + Math.floor(((d + 1) * (steps - 6)) / (decisions + 1)));
  const lines = [
    `# Synthetic SOP for benchmarks`,
    `sop: 1`,
    `id: ${id}`,
    ...(status === 'draft' ? [] : [`number: ${String(i + 1).padStart(3, '0')}/SOP/GEN/KPU-Kot/IV/2024`]),
    `title: Prosedur Sintetis Nomor ${i + 1}`,
    `unit: ${pick(UNITS)}`,
    `status: ${status}`,
    `revision: 0`,
    `dates: {created: 2024-03-11${status === 'draft' ? '' : ', effective: 2024-04-01'}}`,
    ...(status === 'draft' ? [] : ['approval:', '  position: Sekretaris KPU Kota Malang', '  name: Nama Pejabat', '  nip: "197901012005011001"']),
    'legalBasis:',
    '  - Undang-Undang Nomor 7 Tahun 2017 tentang Pemilihan Umum',
    '  - Peraturan Menteri PAN-RB Nomor 35 Tahun 2012',
    'qualifications: [Memahami tata naskah dinas]',
    'equipment: [Komputer, Printer]',
    'warnings: [Dokumen harus lengkap sebelum diproses]',
    'records: [Buku agenda]',
    'actors:',
    ...lanes.map(([aid, name]) => `  - {id: ${aid}, name: ${name}}`),
    'steps:',
  ];
  for (let s = 0; s < steps; s++) {
    const lane = s < actors ? lanes[s][0] : pick(lanes)[0];
    lines.push(`  - id: s${s + 1}`);
    if (decisionAt.has(s)) {
      lines.push(`    activity: Apakah ${pick(OBJECTS)} sudah lengkap?`, `    actor: ${lane}`, '    type: decision', '    time: 5 menit', `    ifNo: s${Math.max(1, s - 1)}`, '    labels: [Lengkap, Tidak lengkap]');
    } else {
      const obj = pick(OBJECTS);
      lines.push(`    activity: ${pick(VERBS)} ${obj}`, `    actor: ${lane}`, `    requirements: [${obj}]`, `    time: ${pick(TIMES)}`, `    output: ${obj[0].toUpperCase()}${obj.slice(1)} selesai`);
    }
  }
  return `${lines.join('\n')}\n`;
}

/** Write `n` synthetic SOPs and a config into `dir` (a fresh SOP repository); returns the total bytes. */
export function writeRepo(dir, n, opts = {}) {
  mkdirSync(path.join(dir, 'sops'), { recursive: true });
  writeFileSync(path.join(dir, 'sop.config.yaml'), 'organization: {name: KOMISI PEMILIHAN UMUM KOTA MALANG, unitLines: [SEKRETARIAT]}\npaper: F4\n');
  let bytes = 0;
  for (let i = 0; i < n; i++) {
    const text = sopYaml(i, opts);
    bytes += Buffer.byteLength(text);
    writeFileSync(path.join(dir, 'sops', `GEN-${String(i + 1).padStart(5, '0')}-sintetis.yaml`), text);
  }
  return bytes;
}
