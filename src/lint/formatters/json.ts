import { rebaseReport } from './location.js';
import type { Formatter } from './types.js';

/** The report as JSON: files (paths relative to the repository root) with their diagnostics, and the counts. */
export const json: Formatter = (report, ctx) => `${JSON.stringify(rebaseReport(report, ctx), null, 2)}\n`;
