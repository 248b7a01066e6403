/** Keys outside an SOP's content: lifecycle records that may change without a revision. */
export const NON_CONTENT_KEYS = ['status', 'monitoring', 'evaluations'] as const;

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
