// English messages of the ids the loader and the engine report themselves (rules declare theirs in `meta.messages`).

import { YAML_SYNTAX_MESSAGES } from '../../model/messages.js';

/** `yaml-syntax`: the loader's wordings (src/model/messages.ts), one id per kind of problem. */
export { YAML_SYNTAX_MESSAGES };

/** `disable-comment`: malformed `# sop-disable-next-line` comments. */
export const DISABLE_COMMENT_MESSAGES = {
  noRule: 'A `sop-disable-next-line` comment must name the rule it silences: `# sop-disable-next-line <rule-id> -- <reason>`.',
  unknownRule: 'Unknown rule `{{rule}}` in a disable comment.',
  unknownRuleHint: 'Unknown rule `{{rule}}` in a disable comment; did you mean `{{hint}}`?',
  noReason: 'A disable comment needs a reason after `--`, e.g. `# sop-disable-next-line max-steps -- the process cannot be split`. The comment is ignored until it has one.',
} as const;

/** Messages of the ids reported by the loader and the engine, by rule id. */
export const CORE_MESSAGES: Readonly<Record<string, Readonly<Record<string, string>>>> = {
  'yaml-syntax': YAML_SYNTAX_MESSAGES,
  'disable-comment': DISABLE_COMMENT_MESSAGES,
};

/** The message id of a rule that threw (reported under the rule's own id; key `engine/crashed` in catalogues). */
export const CRASHED = 'crashed';

/** Its English wording. */
export const CRASHED_MESSAGE = 'Rule `{{rule}}` failed on this file ({{error}}); please report this as a sopkit bug.';
