// Message templates: `{{name}}` placeholders filled from a diagnostic's data.
import type { MessageData } from '../rule.js';

const PLACEHOLDER = /\{\{\s*(\w+)\s*\}\}/g;

/** Fill `{{name}}` placeholders from `data`; a placeholder without a value stays as written (tests catch it). */
export function interpolate(template: string, data: MessageData = {}): string {
  return template.replace(PLACEHOLDER, (_, k: string) => (Object.hasOwn(data, k) ? String(data[k]) : `{{${k}}}`));
}

/** The placeholder names of a template, sorted, each once. */
export function placeholders(template: string): string[] {
  return [...new Set([...template.matchAll(PLACEHOLDER)].map((m) => m[1]!))].sort();
}
