import { rebaseReport } from './location.js';
import { wordReport } from '../messages/word.js';
import type { Formatter } from './types.js';

/** The report as JSON: files (paths relative to the repository root) with their diagnostics (message, messageId, data...), and the counts. */
export const json: Formatter = (report, ctx) => `${JSON.stringify(rebaseReport(wordReport(report, ctx.lang ?? 'en'), ctx), null, 2)}\n`;
