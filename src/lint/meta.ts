import { docsUrl } from './diagnostic.js';
import type { RuleMeta } from './formatters/types.js';
import { rules } from './rules/index.js';

const CORE: RuleMeta[] = [
  { id: 'yaml-syntax', description: 'The file is readable UTF-8 holding exactly one well-formed YAML mapping without duplicate keys.', defaultSeverity: 'error', docsUrl: docsUrl('yaml-syntax') },
  { id: 'disable-comment', description: 'Disable comments name known rules and give a reason.', defaultSeverity: 'error', docsUrl: docsUrl('disable-comment') },
];

/** Metadata of every rule, loader and engine ids included. */
export function ruleMetas(): RuleMeta[] {
  return [...CORE, ...rules.map((r) => ({ id: r.id, description: r.description, defaultSeverity: r.defaultSeverity, docsUrl: docsUrl(r.id) }))];
}
