/** What a draft SOP is made of. */
export interface DraftSop {
  /** The SOP's id, e.g. `KUL-016`. */
  id: string;
  /** Nama SOP. */
  title: string;
  /** The owning unit's name. */
  unit: string;
  /** Business-process code, when given. */
  process?: string;
  /** Nomor SOP, when one could be derived. */
  number?: string;
  /** Tanggal Pembuatan, YYYY-MM-DD. */
  created: string;
  /** The `$schema` reference for the editor (relative to the file), when known. */
  schemaRef?: string;
}

/** A YAML scalar: plain when that reads back as the same string, else double-quoted (JSON escapes are YAML's). */
export function yamlScalar(text: string): string {
  const plain =
    /^[\p{L}\p{N}(][\p{L}\p{N} ()./'’-]*$/u.test(text) &&
    !/^(true|false|yes|no|on|off|null|y|n|~)$/i.test(text) &&
    !/^[\d.+-]/.test(text) &&
    !/\s$/.test(text);
  return plain ? text : JSON.stringify(text);
}

/** A file-name slug of a title: lower-case ASCII words joined by `-`, at most 60 characters. */
export function slug(title: string): string {
  const words = title
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter(Boolean);
  let out = '';
  for (const w of words) {
    const next = out ? `${out}-${w}` : w;
    if (next.length > 60) break;
    out = next;
  }
  return out;
}

/** The file name of a new SOP: the id, then the title's slug (`KUL-016-pengadaan-barang.yaml`). */
export function draftFileName(id: string, title: string): string {
  const s = slug(title);
  return `${id}${s ? `-${s}` : ''}.yaml`;
}

/**
 * The text of a draft SOP that lints clean: every required field, and placeholders a person replaces
 * (two actors, a decision that sends incomplete papers back, Mutu Baku filled in), each marked with a comment.
 */
export function draftSopText(d: DraftSop): string {
  const lines = [
    ...(d.schemaRef ? [`# yaml-language-server: $schema=${d.schemaRef}`] : []),
    '# Konsep SOP: ganti setiap isian contoh (ditandai "Ganti") lalu jalankan `sop lint`.',
    'sop: 1',
    `id: ${d.id}`,
    ...(d.number ? [`number: ${yamlScalar(d.number)}  # usulan nomor berikutnya; ditetapkan saat pengesahan`] : []),
    `title: ${yamlScalar(d.title)}`,
    `unit: ${yamlScalar(d.unit)}`,
    'status: draft',
    'revision: 0',
    ...(d.process ? [`process: ${yamlScalar(d.process)}`] : []),
    'kind: administratif',
    'dates:',
    `  created: ${d.created}`,
    'legalBasis:',
    '  # Ganti: peraturan yang menjadi dasar prosedur ini',
    '  - Peraturan Menteri PAN-RB Nomor 35 Tahun 2012 tentang Pedoman Penyusunan Standar Operasional Prosedur Administrasi Pemerintahan',
    'qualifications:',
    '  - Ganti dengan kualifikasi pelaksana',
    'equipment:',
    '  - Komputer dan printer',
    'warnings:',
    '  - Ganti dengan akibat bila prosedur tidak dilaksanakan',
    'records:',
    '  - Ganti dengan catatan atau arsip yang disimpan',
    '# Pelaksana: kolom bagan alir, dari kiri ke kanan (id huruf kecil, nama jabatan)',
    'actors:',
    '  - {id: pelaksana, name: Ganti dengan jabatan pelaksana}',
    '  - {id: kasubbag, name: Ganti dengan jabatan atasan}',
    '# Kegiatan berurutan; langkah keputusan (type: decision) bercabang ke ifYes (default: langkah berikutnya) dan ifNo',
    'steps:',
    '  - id: terima',
    '    activity: Ganti dengan kegiatan pertama, mis. menerima berkas permohonan',
    '    actor: pelaksana',
    '    requirements: [Berkas permohonan]',
    '    time: 15 menit',
    '    output: Berkas diterima',
    '  - activity: Berkas lengkap?',
    '    actor: kasubbag',
    '    type: decision',
    '    labels: [Lengkap, Tidak lengkap]',
    '    ifNo: terima',
    '    requirements: [Berkas permohonan]',
    '    time: 15 menit',
    '    output: Berkas diperiksa',
    '  - activity: Ganti dengan kegiatan berikutnya, mis. memproses permohonan',
    '    actor: pelaksana',
    '    requirements: [Berkas lengkap]',
    '    time: 1 hari',
    '    output: Hasil proses',
    '  - activity: Ganti dengan kegiatan terakhir, mis. menyetujui dan mengarsipkan hasil',
    '    actor: kasubbag',
    '    requirements: [Hasil proses]',
    '    time: 30 menit',
    '    output: Hasil disetujui dan diarsipkan',
  ];
  return `${lines.join('\n')}\n`;
}
