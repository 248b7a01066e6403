import type { Formatter } from './types.js';

/** The report as JSON: files with their diagnostics, and the counts. */
export const json: Formatter = (report) => `${JSON.stringify(report, null, 2)}\n`;
