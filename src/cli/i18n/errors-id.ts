/**
 * Errors and warnings raised below the CLI (configuration, files, git, rendering, lifecycle), in Indonesian, keyed
 * by the message id given where they are made (`new UsageError(text, { id, data })`, `said(text, id, data)`). The
 * English stays at that place; `{name}` takes the value of `data.name`. `{at}` is the `file:line:col` of a config
 * value (with its trailing space where the English has one), so it keeps its place at the start. Paths, keys,
 * commands, options and `code` stay as typed. A test checks that every id in src/ has a wording here with the
 * placeholders its data gives.
 */
export const ERRORS_ID: Readonly<Record<string, string>> = {
  // Paths and files
  'path.outsideRepo': '{at}{what} harus tetap berada di dalam repositori ({root}): {path} (mengarah ke {real}) berada di luar repositori.',
  'files.globLinkOut': '{at}sops: {link} adalah tautan simbolik ke {real}, di luar repositori ({root}); glob SOP tidak mengikuti tautan yang keluar dari repositori.',
  'files.folderLinkOutOfRepo': '{path} adalah tautan simbolik ke {real}, di luar repositori ({root}); folder tidak pernah ditelusuri melalui tautan yang keluar darinya. Sebutkan berkas itu sendiri untuk memeriksanya.',
  'files.folderLinkOut': '{path} adalah tautan simbolik ke {real}, di luar {folder}; folder tidak pernah ditelusuri melalui tautan yang keluar darinya. Sebutkan berkas itu sendiri untuk memeriksanya.',
  'files.noMatch': 'Tidak ada berkas yang cocok dengan pola `{pattern}`.',
  'files.notFound': 'Berkas atau folder tidak ditemukan: {path}',
  'files.noSopsIn': 'Tidak ada berkas SOP (*.yaml, *.yml) di: {paths}',
  'files.noSops': 'Berkas SOP tidak ditemukan: glob SOP pada {config} (sops: {glob}) tidak cocok dengan berkas apa pun. Jalankan sop di dalam repositori, atur `sops` di {file}, atau sebutkan berkasnya.',
  'files.noSopsNoConfig': 'Berkas SOP tidak ditemukan: glob SOP pada {root} (tanpa {file}; glob bawaan {glob}) tidak cocok dengan berkas apa pun. Jalankan sop di dalam repositori, atur `sops` di {file}, atau sebutkan berkasnya.',
  'output.config': '{flag} {file} adalah masukan repositori (berkas konfigurasi); tidak ada yang ditulis. Tulis keluaran di tempat lain, misalnya di bawah dist/.',
  'output.sop': '{flag} {file} adalah masukan repositori (berkas SOP); tidak ada yang ditulis. Tulis keluaran di tempat lain, misalnya di bawah dist/.',
  'output.bookPage': '{flag} {file} adalah masukan repositori (halaman buku); tidak ada yang ditulis. Tulis keluaran di tempat lain, misalnya di bawah dist/.',
  'output.logo': '{flag} {file} adalah masukan repositori (logo); tidak ada yang ditulis. Tulis keluaran di tempat lain, misalnya di bawah dist/.',
  'output.template': '{flag} {file} adalah masukan repositori (berkas dalam folder templat); tidak ada yang ditulis. Tulis keluaran di tempat lain, misalnya di bawah dist/.',
  'output.sopFolderYaml': '{flag} {file} adalah masukan repositori (berkas YAML di bawah folder SOP, yang akan dibaca sebagai SOP pada proses berikutnya); tidak ada yang ditulis. Tulis keluaran di tempat lain, misalnya di bawah dist/.',

  // Configuration
  'config.notFound': 'Berkas konfigurasi tidak ditemukan: {file}',
  'config.sopsGlob': '{at} sops harus berupa glob yang relatif terhadap akar repositori dan berada di dalamnya, seperti `sops/**/*.{yaml,yml}`; yang diberikan `{glob}`.',
  'config.yamlSyntaxSeverity': '{at} `rules.yaml-syntax` hanya dapat bernilai `error` (yang diberikan {got}): berkas yang tidak dapat diurai tidak dapat diperiksa atau dicetak, sehingga aturan ini tidak dapat diturunkan menjadi peringatan atau dimatikan.',
  'config.notMapping': '{at} Konfigurasi harus berupa pemetaan kunci (organization, locale, paper, sops, …), bukan daftar atau satu nilai.',
  'config.timeZone': '{at} timeZone "{zone}" bukan zona waktu yang dikenal sistem ini; gunakan nama IANA seperti Asia/Jakarta, Asia/Makassar, atau Asia/Jayapura.',
  'config.numberingPattern': '{at} numbering.pattern bukan ekspresi reguler yang sah: {reason}',
  'config.mapMissing': '{at}processes: peta proses bisnis {file} tidak ada.',
  'config.pdfMargin': 'pdf.margin harus berupa 1 sampai 4 ukuran panjang seperti "10mm" atau "10mm 12mm"; yang diberikan "{margin}"',
  'config.bookPageUnreadable': '{at}book.pages: {file} tidak dapat dibaca ({reason})',
  'config.logoType': '{at}organization.logo harus berupa berkas SVG, PNG, JPEG, GIF, atau WebP; yang diberikan {logo}',
  'config.logoUnreadable': '{at}organization.logo tidak dapat dibaca: {logo} ({reason})',
  'config.bookNeedsMap': '{at}book.parts memerlukan peta proses bisnis: buat processes.yaml di akar repositori, atau atur `processes` di konfigurasi.',
  'config.bookMapUnreadable': '{at}book.parts: peta proses bisnis tidak dapat dibaca ({place} {problem}); jalankan `sop lint`.',

  // Finding an SOP
  'sop.idTwice': 'Beberapa berkas menyatakan id {id}: {files}; sebutkan berkasnya.',
  'sop.unknown': 'Tidak ada SOP dengan id atau path `{target}`.',
  'sop.unknownHint': 'Tidak ada SOP dengan id atau path `{target}`; mungkin maksud Anda `{hint}`?',
  'sop.unparsable': '{file} tidak dapat diurai; jalankan `sop lint {file}` terlebih dahulu.',

  // Git
  'git.badRef': 'Revisi git `{ref}` tidak sah: yang diharapkan adalah branch, tag, atau commit (tidak boleh diawali `-`).',
  'git.unknownRef': 'Revisi git `{ref}` tidak dikenal: tidak ada commit dengan nama itu di {root}.',
  'git.addFailed': 'git add gagal: {output}',
  'git.commitFailed': 'git commit gagal: {output}',
  'git.shallow': 'riwayat git dangkal (shallow): jalankan `git fetch --unshallow`, atau lakukan checkout dengan fetch-depth 0',
  'git.submoduleHistory': '{file} berada di submodule git {submodule}: riwayatnya dibaca dari repositori tersebut',
  'since.noRepo': '--since memerlukan repositori git yang memiliki commit; {root} tidak berada di dalamnya.',
  'since.noMergeBase': 'HEAD dan `{ref}` tidak memiliki riwayat bersama (tidak ada merge base).',
  'since.noMergeBaseShallow': 'HEAD dan `{ref}` tidak memiliki riwayat bersama (tidak ada merge base); riwayat git dangkal (shallow): jalankan `git fetch --unshallow`, atau lakukan checkout dengan fetch-depth 0.',

  // History, diff, status
  'history.notGit': '{root} tidak berada di dalam repositori git: `sop history` membaca riwayat git (perintah lain dapat berjalan tanpa git).',
  'history.notGitSubmodule': '{file} berada di submodule git {submodule}, yang tidak di-checkout sebagai repositori: `sop history` membaca riwayat git (perintah lain dapat berjalan tanpa git).',
  'history.outsideRepo': '{file} berada di luar repositori git di {root}.',
  'history.noGit': '{root} tidak berada di dalam repositori git: riwayat memerlukan git.',
  'history.neverCommitted': '{file} belum pernah di-commit',
  'diff.notGit': '{root} tidak berada di dalam repositori git: `sop diff` membandingkan versi dari riwayat git.',
  'diff.notGitSubmodule': '{file} berada di submodule git {submodule}, yang tidak di-checkout sebagai repositori: `sop diff` membandingkan versi dari riwayat git.',
  'diff.revisionNeverCommitted': 'Revisi {revision} tidak pernah di-commit; revisi yang sudah di-commit: {revisions}.',
  'diff.notAtRef': 'SOP ini belum ada pada `{ref}` ({commit}).',
  'diff.neverCommitted': '{file} belum pernah di-commit, sehingga tidak memiliki revisi {revision}.',
  'diff.noApproved': '{id} tidak memiliki versi yang ditetapkan (approved) dalam riwayat git; sebutkan versi yang akan dibandingkan: `sop diff {id} <a> [<b>]`.',
  'status.noGit': 'bukan repositori git: tanggal tahap dan commit penetapan tidak ditampilkan',

  // Editing an SOP (promote, records)
  'edit.changedMeanwhile': '{file} berubah selama sop mengerjakannya (ditulis oleh perintah lain atau editor); berkas tidak diubah oleh perintah ini. Jalankan perintah sekali lagi.',
  'edit.notInPlace': '{file} tidak dapat disunting di tempat ({reason}); berkas tidak diubah.',
  'edit.commitNoRepo': '--commit memerlukan repositori git; {root} tidak berada di dalamnya (berkas tidak diubah).',
  'edit.commitOutside': '--commit: {file} berada di luar repositori git {root} (melalui tautan simbolik); berkas tidak diubah.',
  'record.refused.socialization': '{id}: catatan sosialisasi tidak ditulis: {reasons}.',
  'record.refused.monitoring': '{id}: catatan monitoring tidak ditulis: {reasons}.',
  'record.refused.evaluation': '{id}: evaluasi tidak ditulis: {reasons}.',
  'record.lintRejects.socialization': '{id}: catatan sosialisasi tidak ditulis karena akan ditolak oleh lint (posisi dalam berkas sebagaimana jadinya):\n{problems}',
  'record.lintRejects.monitoring': '{id}: catatan monitoring tidak ditulis karena akan ditolak oleh lint (posisi dalam berkas sebagaimana jadinya):\n{problems}',
  'record.lintRejects.evaluation': '{id}: evaluasi tidak ditulis karena akan ditolak oleh lint (posisi dalam berkas sebagaimana jadinya):\n{problems}',
  'promote.refused.draft': '{id} tidak dapat dipindahkan ke draft: {reasons}.',
  'promote.refused.approved': '{id} tidak dapat dipindahkan ke approved: {reasons}.',
  'promote.refused.implemented': '{id} tidak dapat dipindahkan ke implemented: {reasons}.',
  'promote.refused.evaluated': '{id} tidak dapat dipindahkan ke evaluated: {reasons}.',
  'promote.refused.withdrawn': '{id} tidak dapat dipindahkan ke withdrawn: {reasons}.',
  'promote.refused.revise': '{id} tidak dapat direvisi: {reasons}.',
  'period.badSemester': '--period harus berupa semester yang ditulis YYYY-S1 atau YYYY-S2 (misalnya 2026-S2), yang diberikan `{text}`.',
  'period.badYear': '--year harus berupa tahun yang ditulis YYYY (misalnya 2026), yang diberikan `{text}`.',

  // sop init, sop new
  'init.unitEmpty': '--unit memerlukan nilai: KODE=Nama (misalnya KUL=Subbagian Keuangan, Umum dan Logistik) atau sebuah nama.',
  'init.unitCodeTwice': 'Dua unit memiliki kode {code} ("{first}" dan "{second}"); berikan kode tersendiri kepada salah satunya: --unit "KODE={second}".',
  'new.unitMissing': 'Sebutkan unit dengan --unit <kode atau nama>; tidak ada unit terkonfigurasi yang berkode {prefix}.',
  'new.unitMissingCodes': 'Sebutkan unit dengan --unit <kode atau nama> (unit dalam konfigurasi: {codes}); tidak ada unit terkonfigurasi yang berkode {prefix}.',
  'new.unitUnknown': 'Unit "{unit}" tidak dikenal. Unit dalam {config} adalah: {units}. Tambahkan unit tersebut ke `units` di sana, atau gunakan salah satu unit ini.',
  'new.unitUnknownNoFile': 'Unit "{unit}" tidak dikenal. Unit dalam konfigurasi adalah: {units}. Tambahkan unit tersebut ke `units` di sana, atau gunakan salah satu unit ini.',
  'new.badId': '"{id}" bukan id SOP: huruf kapital dan angka dalam bagian-bagian yang digabungkan dengan "-", misalnya KUL-016.',
  'new.titleEmpty': '--title tidak boleh kosong.',
  'new.badDate': '--date harus berformat YYYY-MM-DD, yang diberikan "{date}".',
  'new.idTaken': '{id} sudah ada: {file}. Pilih id lain (tidak ada yang ditulis).',
  'new.fileExists': '{file} sudah ada; tidak ada yang ditulis.',

  // Rendering, books, PDF, preview
  'render.lintErrors': 'berkas ini memiliki kesalahan lint (gunakan --force untuk tetap memprosesnya)',
  'render.notSop': 'berkas ini bukan dokumen SOP dengan daftar `actors` dan `steps`',
  'render.wrongValue': 'baris {line}, kolom {column}: {problem}; perbaiki agar SOP dapat dicetak, juga dengan --force',
  'render.wrongValueMore': 'baris {line}, kolom {column}: {problem} (dan {more} nilai lain yang serupa); perbaiki agar SOP dapat dicetak, juga dengan --force',
  'book.empty': 'Buku tidak akan berisi SOP: tidak satu pun berkas yang diberikan dapat dicetak.',
  'book.noneInForce': 'Buku tidak akan berisi SOP: tidak ada yang berlaku (approved, implemented, atau evaluated); gunakan --include-drafts untuk salinan tinjauan.',
  'book.noneInForceWithdrawn': 'Buku tidak akan berisi SOP: tidak ada yang berlaku (approved, implemented, atau evaluated); gunakan --include-drafts untuk salinan tinjauan (atau --include-withdrawn).',
  'browser.cannotStart': 'Browser {browser} tidak dapat dijalankan: {reason}',
  'browser.cannotStartOutput': 'Browser {browser} tidak dapat dijalankan: {reason}\nKeluaran browser:\n{output}',
  'browser.cannotStartSandbox': 'Browser {browser} tidak dapat dijalankan: {reason}\nChromium tidak dapat menyiapkan sandbox-nya (user namespace tanpa hak istimewa mungkin dinonaktifkan); izinkan, atau jalankan dalam container sebagai root.',
  'browser.cannotStartSandboxOutput': 'Browser {browser} tidak dapat dijalankan: {reason}\nChromium tidak dapat menyiapkan sandbox-nya (user namespace tanpa hak istimewa mungkin dinonaktifkan); izinkan, atau jalankan dalam container sebagai root.\nKeluaran browser:\n{output}',
  'browser.policyBlocked': [
    'Browser {browser} menolak untuk dikendalikan: kebijakan yang ditetapkan administrator melarang remote debugging',
    '(RemoteDebuggingAllowed = false; browser menyatakan "DevTools remote debugging is disallowed by the system admin").',
    'sop mencetak PDF dengan mengendalikan browser headless; mintalah bagian TI untuk mengizinkannya pada browser ini, atau sebutkan',
    'browser keluarga Chromium lain tanpa kebijakan tersebut dengan PUPPETEER_EXECUTABLE_PATH atau browser.executablePath di sop.config.yaml.',
    'Keluaran HTML dan Markdown tidak memerlukan browser.',
  ].join('\n'),
  'preview.portInUse': '--port {port}: port sedang digunakan',
  'preview.portDenied': '--port {port}: tidak diizinkan mendengarkan pada port tersebut',
};
