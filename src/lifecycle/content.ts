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
  for (const raw of text.split('\n')) {
    const line = raw.replace(/\s+$/, '');
    if (line === '' || /^\s*#/.test(line)) continue;
    if (/^\S/.test(line)) {
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
    } else if (skipping) continue;
    out.push(line);
  }
  return out.join('\n');
}
