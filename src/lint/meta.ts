import { readFileSync } from 'node:fs';
import path from 'node:path';
import { docsDir, docsUrl } from './diagnostic.js';
import type { RuleMeta } from './formatters/types.js';
import { rules } from './rules/index.js';

const CORE: Array<Omit<RuleMeta, 'docsUrl'>> = [
  { id: 'yaml-syntax', description: 'The file is readable UTF-8 holding exactly one well-formed YAML mapping without duplicate keys.', defaultSeverity: 'error' },
  { id: 'disable-comment', description: 'Disable comments name known rules and give a reason.', defaultSeverity: 'error' },
];

/**
 * A rule's page as Markdown to carry inside a report (SARIF's `help`, which code scanning shows with each alert):
 * links to other pages become their text, as there is nothing to resolve them against there. Undefined without a page.
 */
export function ruleHelp(id: string): string | undefined {
  try {
    return readFileSync(path.join(docsDir(), `${id}.md`), 'utf8').replace(/\[([^\]\n]*)\]\((?![a-z][a-z0-9+.-]*:)[^)\s]*\)/gi, '$1');
  } catch {
    return undefined;
  }
}

/**
 * Metadata of every rule, loader and engine ids included; `help`: with each rule's page (see {@link ruleHelp});
 * `docsBase`: the config's web folder of the pages, if any (see {@link docsUrl}).
 */
export function ruleMetas(opts: { help?: boolean; docsBase?: string } = {}): RuleMeta[] {
  const all: RuleMeta[] = [...CORE, ...rules].map((r) => ({ id: r.id, description: r.description, defaultSeverity: r.defaultSeverity, docsUrl: docsUrl(r.id, opts.docsBase) }));
  if (!opts.help) return all;
  return all.map((m) => {
    const help = ruleHelp(m.id);
    return help === undefined ? m : { ...m, help };
  });
}
