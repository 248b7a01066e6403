/** Keys outside an SOP's content: lifecycle records that may change without a revision. */
export const NON_CONTENT_KEYS = ['status', 'socialization', 'monitoring', 'evaluations'] as const;

/** The content of an SOP: everything but `status`, `dates.implemented`, `monitoring` and `evaluations` (and `supersededBy`, set when withdrawing). */
export function contentOf(data: Record<string, any> | undefined): Record<string, unknown> {
  if (!data) return {};
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(data)) {
    if ((NON_CONTENT_KEYS as readonly string[]).includes(k) || k === 'supersededBy') continue;
    if (k === 'dates' && v && typeof v === 'object' && !Array.isArray(v)) {
      const { implemented: _ignored, ...rest } = v as Record<string, unknown>;
      out[k] = rest;
    } else out[k] = v;
  }
  return out;
}

/** JSON with sorted keys, for comparing data regardless of key order. */
export function stableJson(v: unknown): string {
  if (Array.isArray(v)) return `[${v.map(stableJson).join(',')}]`;
  if (v && typeof v === 'object') {
    const o = v as Record<string, unknown>;
    return `{${Object.keys(o)
      .sort()
      .filter((k) => o[k] !== undefined)
      .map((k) => `${JSON.stringify(k)}:${stableJson(o[k])}`)
      .join(',')}}`;
  }
  return JSON.stringify(v) ?? 'null';
}

/** Whether two versions have the same content (parsed data compared, not text). */
export function sameContent(a: Record<string, any> | undefined, b: Record<string, any> | undefined): boolean {
  return stableJson(contentOf(a)) === stableJson(contentOf(b));
}

const SKIP_BLOCKS = new Set(['status', 'socialization', 'monitoring', 'evaluations', 'supersededBy']);

/**
 * A cheap text fingerprint of an SOP's content: top-level blocks of `status`, `monitoring`, `evaluations`
 * and `supersededBy` removed, comment-only and blank lines removed, `implemented:` taken out of a one-line
 * `dates: {…}`. Equal fingerprints mean equal content; different ones prove nothing (compare parsed data).
 * Undefined when the layout is not simple enough (block-style dates, flow root, document markers).
 */
export function contentFingerprint(text: string): string | undefined {
  const out: string[] = [];
  let skipping = false;
  // One line at a time without splitting the text; the per-line tests read characters where a regular expression is not needed.
  for (let start = 0; start <= text.length; ) {
    let end = text.indexOf('\n', start);
    if (end < 0) end = text.length;
    const line = text.slice(start, end).trimEnd(); // trimEnd removes exactly what `\s+$` does
    start = end + 1;
    if (line === '') continue;
    if (!startsWithSpace(line)) {
      if (line.charCodeAt(0) === 0x23) continue; // a comment at the margin
      const m = /^([A-Za-z][\w-]*)\s*:(.*)$/.exec(line);
      if (!m) return undefined;
      skipping = SKIP_BLOCKS.has(m[1]!);
      if (skipping) continue;
      if (m[1] === 'dates') {
        const flow = /^dates:\s*\{(.*)\}\s*(#.*)?$/.exec(line);
        if (!flow) return undefined;
        const parts = flow[1]!.split(',').map((s) => s.trim()).filter((s) => s && !/^implemented\s*:/.test(s));
        out.push(`dates:{${parts.sort().join(',')}}`);
        continue;
      }
    } else if (skipping || indentedComment(line)) continue;
    out.push(line);
  }
  return out.join('\n');
}

/** `/^\s/`, without the regular expression for the usual characters. */
function startsWithSpace(line: string): boolean {
  const c = line.charCodeAt(0);
  if (c === 0x20 || c === 0x09) return true;
  if (c < 0x80 && (c < 0x09 || c > 0x0d)) return false;
  return /^\s/.test(line);
}

/** `/^\s*#/` for a line that starts with a space. */
function indentedComment(line: string): boolean {
  let i = 0;
  while (line.charCodeAt(i) === 0x20 || line.charCodeAt(i) === 0x09) i++;
  const c = line.charCodeAt(i);
  if (c === 0x23) return true;
  if (c < 0x80 && (c < 0x09 || c > 0x0d)) return false;
  return /^\s*#/.test(line);
}
