// Word diagnostics in a language from their message id and data (the engine words them in English).
import type { Lang } from '../../model/lang.js';
import type { Diagnostic, LintReport } from '../diagnostic.js';
import { rules } from '../rules/index.js';
import { CORE_MESSAGES, CRASHED, CRASHED_MESSAGE } from './core.js';
import { ID_MESSAGES } from './id.js';
import { interpolate } from './template.js';

/** Catalogue key of the message a rule that threw reports (under its own rule id). */
export const CRASHED_KEY = `engine/${CRASHED}`;

const english = new Map<string, string>();
for (const [ruleId, messages] of [...Object.entries(CORE_MESSAGES), ...rules.map((r) => [r.id, r.messages] as const)]) {
  for (const [id, text] of Object.entries(messages)) english.set(`${ruleId}/${id}`, text);
}
english.set(CRASHED_KEY, CRASHED_MESSAGE);

/** Every English message by `ruleId/messageId` (rules, loader and engine). */
export function englishMessages(): ReadonlyMap<string, string> {
  return english;
}

/** Catalogue key of a diagnostic's message. */
function keyOf(ruleId: string, messageId: string): string {
  return messageId === CRASHED ? CRASHED_KEY : `${ruleId}/${messageId}`;
}

/** The message template of `ruleId`/`messageId` in `lang`, or undefined when the rule declares no such message. */
export function messageTemplate(ruleId: string, messageId: string, lang: Lang = 'en'): string | undefined {
  const key = keyOf(ruleId, messageId);
  return lang === 'id' ? ID_MESSAGES[key] : english.get(key);
}

/** The diagnostic worded in `lang` from its message id and data (as it was when no wording is known). */
export function wordDiagnostic(d: Diagnostic, lang: Lang): Diagnostic {
  if (lang === 'en') return d;
  const template = messageTemplate(d.ruleId, d.messageId, lang);
  return template === undefined ? d : { ...d, message: interpolate(template, d.data) };
}

/** Every diagnostic of the report worded in `lang`. */
export function wordReport<R extends LintReport>(report: R, lang: Lang): R {
  if (lang === 'en') return report;
  return { ...report, files: report.files.map((f) => ({ ...f, diagnostics: f.diagnostics.map((d) => wordDiagnostic(d, lang)) })) };
}
