// The adopting decision (Keputusan) of the book, from `book.decree`, in the layout of a KPU Keputusan, and its
// attachment list (LAMPIRAN) made from the SOPs actually in the book.
import type { BookDecree, Locale } from '../../config/types.js';
import { formatDate } from '../format.js';
import { inlineHtml } from '../inline.js';
import { labelsFor } from '../locale/index.js';
import { escapeHtml } from '../pdf/page-css.js';
import type { BookUnit } from './parts.js';

/** Words of a decision, per locale. */
export const DECREE_WORDS = {
  id: {
    kind: 'KEPUTUSAN',
    number: 'NOMOR',
    about: 'TENTANG',
    considering: 'Menimbang',
    observing: 'Mengingat',
    decide: 'MEMUTUSKAN:',
    stipulate: 'Menetapkan',
    at: 'Ditetapkan di',
    on: 'pada tanggal',
    attachment: 'LAMPIRAN',
    date: 'TANGGAL',
    list: 'DAFTAR STANDAR OPERASIONAL PROSEDUR',
    no: 'No',
    sopNumber: 'Nomor SOP',
    sopTitle: 'Nama SOP',
    nip: 'NIP.',
  },
  en: {
    kind: 'DECREE OF THE',
    number: 'NUMBER',
    about: 'CONCERNING',
    considering: 'Considering',
    observing: 'In view of',
    decide: 'HAS DECIDED:',
    stipulate: 'To stipulate',
    at: 'Stipulated in',
    on: 'on',
    attachment: 'ATTACHMENT TO THE',
    date: 'DATE',
    list: 'LIST OF STANDARD OPERATING PROCEDURES',
    no: 'No',
    sopNumber: 'SOP No.',
    sopTitle: 'SOP Title',
    nip: 'NIP.',
  },
} as const satisfies Record<Locale, Record<string, string>>;

const ID_ORD = ['KESATU', 'KEDUA', 'KETIGA', 'KEEMPAT', 'KELIMA', 'KEENAM', 'KETUJUH', 'KEDELAPAN', 'KESEMBILAN', 'KESEPULUH', 'KESEBELAS'];
const ID_NUM = ['', 'SATU', 'DUA', 'TIGA', 'EMPAT', 'LIMA', 'ENAM', 'TUJUH', 'DELAPAN', 'SEMBILAN'];
const EN_ORD = ['FIRST', 'SECOND', 'THIRD', 'FOURTH', 'FIFTH', 'SIXTH', 'SEVENTH', 'EIGHTH', 'NINTH', 'TENTH', 'ELEVENTH', 'TWELFTH', 'THIRTEENTH', 'FOURTEENTH', 'FIFTEENTH', 'SIXTEENTH', 'SEVENTEENTH', 'EIGHTEENTH', 'NINETEENTH', 'TWENTIETH'];

/** The name of the n-th diktum (1-based): KESATU, KEDUA, … KEDUA BELAS; FIRST, SECOND, … in English. */
export function diktum(n: number, locale: Locale): string {
  if (locale === 'en') return EN_ORD[n - 1] ?? `${n}TH`;
  if (n <= ID_ORD.length) return ID_ORD[n - 1]!;
  if (n < 20) return `KE${ID_NUM[n - 10]} BELAS`;
  return `KE-${n}`;
}

/** Text in capitals as a decision prints it. */
export const upper = (s: string) => s.trim().toLocaleUpperCase('id');
/** The signer's position without a trailing comma. */
export const stripComma = (s: string) => s.trim().replace(/,$/, '');

/** The decision's name: "KEPUTUSAN SEKRETARIS KOMISI PEMILIHAN UMUM KOTA MALANG". */
export function decreeName(d: BookDecree, locale: Locale): string {
  return `${DECREE_WORDS[locale].kind} ${upper(stripComma(d.signer.position))}`;
}

/** The decision's date in long form ("12 Oktober 2026"). */
export function decreeDate(d: BookDecree, locale: Locale): string {
  return formatDate(d.date, labelsFor(locale));
}

/** The header of every attached SOP page: "LAMPIRAN KEPUTUSAN … NOMOR … TANGGAL …". */
export function attachmentHeader(d: BookDecree, locale: Locale): string {
  const w = DECREE_WORDS[locale];
  return `${w.attachment} ${decreeName(d, locale)} ${w.number} ${d.number.trim()} ${w.date} ${upper(decreeDate(d, locale))}`;
}

function signature(d: BookDecree, locale: Locale, placed: boolean): string {
  const w = DECREE_WORDS[locale];
  const where = placed
    ? `<tr><td>${escapeHtml(w.at)}</td><td>${escapeHtml(d.place)}</td></tr><tr><td>${escapeHtml(w.on)}</td><td>${escapeHtml(decreeDate(d, locale))}</td></tr>`
    : '';
  return (
    `<div class="decree-sign">` +
    (where ? `<table class="decree-where">${where}</table>` : '') +
    `<p class="sign-position">${escapeHtml(upper(stripComma(d.signer.position)))},</p>` +
    `<div class="sign-space"></div>` +
    `<p class="sign-name">${escapeHtml(d.signer.name)}</p>` +
    (d.signer.nip ? `<p class="sign-nip">${escapeHtml(`${w.nip} ${d.signer.nip}`)}</p>` : '') +
    `</div>`
  );
}

// Rows are blocks, not table rows, so a long Mengingat can continue on the next page.
function row(label: string, body: string, cls = ''): string {
  return `<div class="decree-row${cls ? ` ${cls}` : ''}"><div class="decree-label">${escapeHtml(label)}</div><div class="decree-colon">:</div><div class="decree-text">${body}</div></div>`;
}

const list = (items: readonly string[] | undefined, type: 'a' | '1') =>
  items && items.length > 0 ? `<ol class="decree-list" type="${type}">${items.map((t) => `<li>${inlineHtml(t)}</li>`).join('')}</ol>` : '-';

/** The decision itself: heading, Menimbang, Mengingat, MEMUTUSKAN, Menetapkan, the diktum, the signature. */
export function decreeHtml(d: BookDecree, locale: Locale, logo?: string): string {
  const w = DECREE_WORDS[locale];
  const name = decreeName(d, locale);
  const rows = [
    row(w.considering, list(d.considering, 'a')),
    row(w.observing, list(d.legalBasis, '1')),
    `<p class="decree-decide">${escapeHtml(w.decide)}</p>`,
    row(w.stipulate, `${escapeHtml(`${name} ${w.about} ${upper(d.title)}`)}.`),
    ...d.decisions.map((text, i) => row(diktum(i + 1, locale), inlineHtml(text), 'decree-diktum')),
  ];
  return (
    `<section class="book-page book-decree">` +
    (logo ? `<img class="decree-logo" src="${escapeHtml(logo)}" alt="">` : '') +
    `<div class="decree-head"><p>${escapeHtml(name)}</p><p>${escapeHtml(`${w.number} ${d.number.trim()}`)}</p><p>${escapeHtml(w.about)}</p><p>${escapeHtml(upper(d.title))}</p></div>` +
    `<p class="decree-by">${escapeHtml(upper(stripComma(d.signer.position)))},</p>` +
    `<div class="decree-body">${rows.join('')}</div>` +
    signature(d, locale, true) +
    `</section>`
  );
}

/** The attachment (LAMPIRAN): its heading block, then the SOPs of the book by unit (number, title), signed. */
export function attachmentHtml(d: BookDecree, units: readonly BookUnit[], locale: Locale): string {
  const w = DECREE_WORDS[locale];
  const rows: string[] = [];
  let n = 0;
  units.forEach((u, i) => {
    rows.push(`<tr class="lampiran-unit"><td class="lampiran-no">${String.fromCharCode(65 + (i % 26))}.</td><td colspan="2">${escapeHtml(u.name)}</td></tr>`);
    for (const s of u.sops) {
      rows.push(
        `<tr class="lampiran-sop" data-anchor="${escapeHtml(s.anchor)}"><td class="lampiran-no">${++n}.</td><td class="lampiran-number">${escapeHtml(s.number)}</td><td class="lampiran-title">${escapeHtml(s.title)}</td></tr>`,
      );
    }
  });
  const head = [
    [w.attachment, decreeName(d, locale)],
    ['', `${w.number} ${d.number.trim()}`],
    ['', `${w.date} ${upper(decreeDate(d, locale))}`],
  ];
  return (
    `<section class="book-page book-lampiran">` +
    `<table class="lampiran-head">${head.map(([a, b], i) => `<tr><td class="nowrap">${escapeHtml(a!)}</td><td${i > 0 ? ' class="nowrap"' : ''}>${escapeHtml(b!)}</td></tr>`).join('')}</table>` +
    `<p class="lampiran-heading">${escapeHtml(w.list)}<br>${escapeHtml(upper(d.title))}</p>` +
    `<table class="lampiran-list"><thead><tr><th class="lampiran-no">${escapeHtml(w.no)}</th><th class="lampiran-number">${escapeHtml(w.sopNumber)}</th><th class="lampiran-title">${escapeHtml(w.sopTitle)}</th></tr></thead>` +
    `<tbody>${rows.join('')}</tbody></table>` +
    signature(d, locale, false) +
    `</section>`
  );
}

/** CSS of the decision and its attachment (book pages). */
export const DECREE_CSS = `
.book-decree, .book-lampiran { font-family: "Times New Roman", Times, serif; font-size: 11pt; line-height: 1.35; max-width: 235mm; }
.book-decree .decree-logo { display: block; margin: 0 auto 3mm; max-height: 22mm; max-width: 30mm; }
.book-decree .decree-head { text-align: center; font-weight: bold; margin: 0 auto 4mm; max-width: 170mm; }
.book-decree .decree-head p { margin: 0 0 1mm; }
.book-decree .decree-by { text-align: center; font-weight: bold; margin: 0 0 4mm; }
.decree-body { margin: 0 0 4mm; }
.decree-row { display: grid; grid-template-columns: 27mm 4mm 1fr; margin: 0 0 2mm; }
.decree-row .decree-text { text-align: justify; }
.decree-body .decree-decide { text-align: center; font-weight: bold; margin: 2mm 0 3mm; }
ol.decree-list { margin: 0; padding-left: 6mm; }
ol.decree-list li { margin: 0 0 1mm; padding-left: 1mm; }
.decree-sign { break-inside: avoid; page-break-inside: avoid; margin: 4mm 0 0 52%; width: 48%; }
.decree-sign p { margin: 0; }
.decree-sign table.decree-where { border: 0; border-collapse: collapse; margin: 0 0 3mm; width: auto; table-layout: auto; }
.decree-sign table.decree-where td { border: 0; padding: 0 2mm 0 0; }
.decree-sign .sign-space { height: 20mm; }
.decree-sign .sign-name { font-weight: bold; text-decoration: underline; }
table.lampiran-head { border: 0; border-collapse: collapse; margin: 0 0 5mm 50%; width: 50%; table-layout: auto; }
table.lampiran-head td.nowrap { white-space: nowrap; }
table.lampiran-head td { border: 0; padding: 0 2mm 0 0; vertical-align: top; }
.book-lampiran .lampiran-heading { text-align: center; font-weight: bold; margin: 0 0 4mm; }
table.lampiran-list { width: 100%; border-collapse: collapse; table-layout: fixed; margin: 0 0 4mm; }
table.lampiran-list th, table.lampiran-list td { border: 0.75px solid #222; padding: 0.8mm 2mm; vertical-align: top; text-align: left; font-size: 10.5pt; }
table.lampiran-list th { text-align: center; }
table.lampiran-list .lampiran-no { width: 11mm; text-align: center; }
table.lampiran-list .lampiran-number { width: 62mm; }
table.lampiran-list tr.lampiran-unit td { font-weight: bold; }
table.lampiran-list tr { break-inside: avoid; }
`;
