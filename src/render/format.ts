import type { Labels } from './locale/types.js';

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** An ISO date in long form ("18 Maret 2024"); the empty mark when absent; other text unchanged. */
export function formatDate(iso: unknown, labels: Labels): string {
  if (iso === undefined || iso === null || iso === '') return labels.empty;
  const text = String(iso);
  const m = ISO_DATE.exec(text);
  const month = m ? labels.months[Number(m[2]) - 1] : undefined;
  if (!m || !month) return text;
  const day = Number(m[3]);
  return labels.lang === 'en' ? `${month} ${day}, ${m[1]}` : `${day} ${month} ${m[1]}`;
}

/** Working minutes as days (8 h), hours and minutes: "2 hari 3 jam 15 menit". */
export function formatMinutes(minutes: number, labels: Labels): string {
  const total = Math.round(minutes);
  if (total <= 0) return `0 ${labels.units.minute[1]}`;
  const parts: string[] = [];
  const push = (n: number, unit: [string, string]) => {
    if (n > 0) parts.push(`${n} ${n === 1 ? unit[0] : unit[1]}`);
  };
  push(Math.floor(total / 480), labels.units.day);
  push(Math.floor((total % 480) / 60), labels.units.hour);
  push(total % 60, labels.units.minute);
  return parts.join(' ');
}

/** A duration range in working minutes, "a – b" when the bounds differ. */
export function formatRange(min: number, max: number, labels: Labels): string {
  const a = formatMinutes(min, labels);
  return Math.round(max) === Math.round(min) ? a : `${a} – ${formatMinutes(max, labels)}`;
}

const HTML_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Escape text for HTML content and attribute values. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => HTML_ESCAPES[c]!);
}

/** The policy of every document sopkit writes: no script, nothing fetched, images only as data URIs. */
export const DOCUMENT_CSP = "default-src 'none'; img-src data:; style-src 'unsafe-inline'; base-uri 'none'; form-action 'none'";

/** A self-contained HTML document: the CSP above, the (escaped) title, the CSS (which cannot close its style element) and the body as given. */
export function htmlPage(p: { lang: string; title: string; css: string; body: string }): string {
  return `<!DOCTYPE html>
<html lang="${escapeHtml(p.lang)}">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${DOCUMENT_CSP}">
<meta name="generator" content="sopkit">
<title>${escapeHtml(p.title)}</title>
<style>
${p.css.replace(/<\/(style)/gi, '<\\/$1')}
</style>
</head>
<body>
${p.body}
</body>
</html>
`;
}
