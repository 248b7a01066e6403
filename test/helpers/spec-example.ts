/**
 * The example of sop-format.md, the format's contract. The document writes the second actor as
 * `{id: kasubbag, name: Kasubbag Keuangan, Umum dan Logistik}`, where the comma ends the
 * flow-mapping value and `Umum dan Logistik` becomes a stray key; the name is quoted here.
 */
export const SPEC_EXAMPLE = `# yaml-language-server: $schema=../../schemas/sop.schema.json
sop: 1
id: KUL-004
number: 004/SOP/KUL/KPU-Kot/IV/2024
title: Pengelolaan Surat Masuk
unit: Subbagian Keuangan, Umum dan Logistik
status: approved
revision: 0
dates: {created: 2024-03-11, effective: 2024-04-01}
approval:
  position: Sekretaris KPU Kota Malang
  name: Nama Pejabat
  nip: "197901012005011001"
legalBasis:
  - Undang-Undang Nomor 43 Tahun 2009 tentang Kearsipan
related: [KUL-005]
actors:
  - {id: agendaris, name: Pengadministrasi Umum}
  - {id: kasubbag, name: "Kasubbag Keuangan, Umum dan Logistik"}
  - {id: sekretaris, name: Sekretaris}
steps:
  - activity: Menerima surat masuk dan mencatatnya di aplikasi SRIKANDI
    actor: agendaris
    requirements: [Surat masuk]
    time: 15 menit
    output: Surat tercatat
  - id: disposisi
    activity: Memberi disposisi
    actor: sekretaris
    time: 1 hari
    output: Lembar disposisi
  - activity: Perlu disposisi Ketua?
    actor: kasubbag
    type: decision
    ifNo: arsip
  - activity: Meneruskan surat kepada Ketua
    actor: kasubbag
    time: 30 menit
  - id: arsip
    activity: Mengarsipkan surat
    actor: agendaris
    time: 15 menit
    output: Surat terarsip
`;
