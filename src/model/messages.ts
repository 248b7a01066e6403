// English wordings of the problems the loader and the schema check find, by message id: each problem carries its
// id and data, so that `--lang id` can word it again (src/lint/messages/id.ts holds the Indonesian).

/** Values filled into a message's `{{name}}` placeholders. */
export type MessageValues = Record<string, string | number>;

const PLACEHOLDER = /\{\{\s*(\w+)\s*\}\}/g;

/** Fill `{{name}}` placeholders from `data`; a placeholder without a value stays as written (tests catch it). */
export function interpolate(template: string, data: MessageValues = {}): string {
  return template.replace(PLACEHOLDER, (_, k: string) => (Object.hasOwn(data, k) ? String(data[k]) : `{{${k}}}`));
}

/** The placeholder names of a template, sorted, each once. */
export function placeholders(template: string): string[] {
  return [...new Set([...template.matchAll(PLACEHOLDER)].map((m) => m[1]!))].sort();
}

/** A problem worded in English, with the id and data that word it in another language. */
export interface Worded {
  /** Stable id of the wording (within its rule). */
  messageId: string;
  /** Placeholder values. */
  data: MessageValues;
  /** The English sentence. */
  message: string;
}

/** `yaml-syntax`: what the loader says about a file it cannot read as one YAML mapping. */
export const YAML_SYNTAX_MESSAGES = {
  // Reading the bytes.
  tooLarge: 'The file is {{size}} MB; SOP files over {{max}} MB are refused.',
  unreadable: 'The file could not be read: {{error}}',
  nulByte: 'The file is not UTF-8 text (it contains a NUL byte).',
  invalidUtf8: 'The file is not valid UTF-8: byte 0x{{byte}} at line {{line}}, column {{column}}. Save it as UTF-8.',
  // Limits (checked before parsing).
  tooManyValues: 'The file holds more than {{max}} values (keys, texts, lists); an SOP needs a few hundred. The limit is reached here: split the procedure into several SOPs.',
  tooDeepHere: 'The YAML is nested more than {{max}} levels deep here; an SOP needs about five. Flatten this value.',
  tooManySteps: 'The SOP has more than {{max}} steps; at most {{max}} are accepted (step {{next}} starts here). The SOP AP format advises at most 25: split the procedure into several SOPs.',
  tooManyItems: 'This list has more than {{max}} items; at most {{max}} are accepted (item {{next}} starts here).',
  tooManyTopKeys: 'The top level of the file has more than {{max}} keys; at most {{max}} are accepted, local `x-` extensions included (key {{next}} is here).',
  tooManyKeys: 'This mapping has more than {{max}} keys; at most {{max}} are accepted, local `x-` extensions included (key {{next}} is here).',
  // Syntax.
  tab: 'Line {{line}} is indented with a tab; YAML indentation must be spaces. Replace the tab with spaces, lined up with the lines around it. Most editors can be set to insert spaces when Tab is pressed.',
  tabOther: 'Line {{line}} is indented with a tab; YAML indentation must be spaces. Replace the tab with spaces, lined up with the lines around it (line {{other}} has tabs too). Most editors can be set to insert spaces when Tab is pressed.',
  tabOthers: 'Line {{line}} is indented with a tab; YAML indentation must be spaces. Replace the tab with spaces, lined up with the lines around it (lines {{others}} and {{last}} have tabs too). Most editors can be set to insert spaces when Tab is pressed.',
  tabMany: 'Line {{line}} is indented with a tab; YAML indentation must be spaces. Replace the tab with spaces, lined up with the lines around it (lines {{others}} and {{more}} more have tabs too). Most editors can be set to insert spaces when Tab is pressed.',
  colonInList: 'Inside `[…]`, `{{item}}` has a colon followed by a space, which YAML reads as "key: value". Put the text in quotes: {{fix}}',
  colonInMapping: 'Inside `{…}`, `{{item}}` has a colon followed by a space, which YAML reads as "key: value". Put the text in quotes: {{fix}}',
  secondColonInMapping: 'Inside `{…}`, `{{item}}` has a second colon followed by a space, which YAML reads as "key: value". Put the text in quotes: {{fix}}',
  colonInValue: 'The value of `{{key}}` has a colon followed by a space, which YAML reads as the start of another key. Put the whole value in quotes: {{key}}: {{quoted}}',
  unclosedList: 'This `[` is not closed: end the list with `]` on the same line, or put the whole value in quotes if the `[` is part of the text.',
  unclosedMapping: 'This `{` is not closed: end the mapping with `}` on the same line, or put the whole value in quotes if the `{` is part of the text.',
  unclosedQuote: 'The quote {{quote}} opened here is never closed: add the closing {{quote}} at the end of the value.',
  syntax: 'YAML syntax error: {{error}}',
  duplicateKey: 'Duplicate key `{{key}}`: it is already set on line {{line}}. Keep one of them.',
  duplicateKeyHere: 'Duplicate key `{{key}}` in the same mapping. Keep one of them.',
  parserFailed: 'The YAML parser failed: {{error}}',
  tooDeepToRead: 'The YAML is nested too deeply to read (an SOP needs about five levels; at most {{max}} are accepted).',
  tooDeep: 'The YAML is nested more than {{max}} levels deep; an SOP needs about five.',
  // Shape of the document.
  empty: 'The file is empty: an SOP needs at least `sop`, `id`, `title`, `unit`, `status`, `revision`, `dates`, `actors` and `steps`.',
  onlyComments: 'The file holds no data (only comments): an SOP must be a mapping of keys such as `id`, `title` and `steps`.',
  noData: 'The file holds no data: an SOP must be a mapping of keys such as `id`, `title` and `steps`.',
  documents: 'The file holds {{count}} YAML documents; an SOP file must hold exactly one (remove the `---` separators).',
  rootList: 'The root of an SOP file must be a mapping (key: value pairs), not a list.',
  rootScalar: 'The root of an SOP file must be a mapping (key: value pairs), not a scalar.',
  unknownAlias: 'Unknown alias `*{{alias}}`: no anchor `&{{alias}}` is set before it.',
  aliasBomb: 'Too many alias expansions (more than {{max}}): the file looks like an alias bomb ("billion laughs") and was not expanded.',
  notData: 'The YAML could not be converted to data: {{error}}',
  // The same, said of the business process map.
  mapEmpty: 'The process map is empty: it needs `processes:`, a list of Level 0 processes, each with `code`, `name` and `category`.',
  mapNoData: 'The process map holds no data: it needs `processes:`, a list of Level 0 processes.',
  mapRoot: 'The root of the process map must be a mapping with the key `processes`.',
} as const;

/** Id of a `yaml-syntax` wording. */
export type YamlSyntaxId = keyof typeof YAML_SYNTAX_MESSAGES;

/** A `yaml-syntax` problem worded in English. */
export function syntaxWords(messageId: YamlSyntaxId, data: MessageValues = {}): Worded {
  return { messageId, data, message: interpolate(YAML_SYNTAX_MESSAGES[messageId], data) };
}

/**
 * One part of a schema message that English words differently by what it is about (`<where>`: a field, or a field
 * of a step; `<got>`: a value, or a list or mapping): each variant is its own message id (the template's id with the
 * variant's suffix), so the data stays free of words.
 */
export interface Axis {
  /** The marker in the templates, e.g. `<where>`. */
  marker: string;
  /** Fragment by id suffix. */
  variants: Readonly<Record<string, string>>;
}

/** The axes of the schema messages, in the order their suffixes are appended, with their English fragments. */
export const SCHEMA_AXES_EN: readonly Axis[] = [
  { marker: '<want>', variants: { String: 'text', Integer: 'a whole number', Number: 'a number', Boolean: 'true or false', Array: 'a list', Object: 'a mapping (key: value pairs)' } },
  { marker: '<not>', variants: { Null: 'null', List: 'a list', Mapping: 'a mapping', Number: 'the number {{value}}', Boolean: 'the boolean {{value}}', Text: 'the text {{value}}' } },
  { marker: '<got>', variants: { '': '{{value}}', List: 'a list', Mapping: 'a mapping' } },
  { marker: '<where>', variants: { '': '`{{field}}`', Step: '`{{field}}` (step {{step}})' } },
];

/** Schema message templates with their axis markers (English). */
export const SCHEMA_TEMPLATES_EN: Readonly<Record<string, string>> = {
  required: '<where> is missing the required key `{{key}}`.',
  requiredSop: 'The SOP is missing the required key `{{key}}`.',
  requiredMap: 'The process map is missing the required key `{{key}}`.',
  unknownKey: 'Unknown key `{{key}}`. Known keys: {{known}}. Local extensions must start with `x-`.',
  unknownKeyHint: 'Unknown key `{{key}}`; did you mean `{{hint}}`?',
  unknownKeyCut: 'Unknown key `{{key}}`. It looks like the rest of a text value cut at a comma: put the whole value in quotes.',
  unknownKeyCutFix: 'Unknown key `{{key}}`. It looks like the rest of a text value cut at a comma: put the whole value in quotes: {{fix}}.',
  unknownKeyIn: 'Unknown key `{{key}}` in <where>. Known keys: {{known}}. Local extensions must start with `x-`.',
  unknownKeyInHint: 'Unknown key `{{key}}` in <where>; did you mean `{{hint}}`?',
  unknownKeyInCut: 'Unknown key `{{key}}` in <where>. It looks like the rest of a text value cut at a comma: put the whole value in quotes.',
  unknownKeyInCutFix: 'Unknown key `{{key}}` in <where>. It looks like the rest of a text value cut at a comma: put the whole value in quotes: {{fix}}.',
  enum: '<where> must be one of: {{allowed}} (got <got>).',
  const: '<where> must be {{allowed}} (got <got>).',
  type: '<where> must be <want>, not <not>.',
  typeQuote: '<where> must be text, not the number {{value}}; put it in quotes.',
  typeNumberText: '<where> must be text, not the number {{value}}; put it in quotes: {{fix}}.',
  typeColon: '<where> must be text, not a mapping: YAML reads the colon in `{{source}}` as "key: value". Put the text in quotes: {{fix}}.',
  typeOther: '<where> must be {{want}}, not <not>.',
  typeOtherQuote: '<where> must be {{want}}, not the number {{value}}; put it in quotes.',
  patternId: '<where> must be an id of uppercase letters and digits in dash-separated parts, e.g. KUL-004 (got {{value}}).',
  patternSlug: '<where> must be a lowercase slug: a letter, then letters, digits or dashes, e.g. kasubbag (got {{value}}).',
  patternDate: '<where> must be a date written YYYY-MM-DD, e.g. 2024-04-01 (got {{value}}).',
  patternProcess: '<where> must be a process code: letters and digits in parts separated by dots or dashes, e.g. PB.2.1 (got {{value}}).',
  patternNip: '<where> must be a string of 18 digits (quote it in YAML: nip: "197901012005011001") (got {{value}}).',
  patternUrl: '<where> must be a web address (http:// or https://) of a folder, ending with "/" (got {{value}}).',
  pattern: '<where> must be text matching {{pattern}} (got {{value}}).',
  empty: '<where> must not be empty.',
  minOne: '<where> must have at least one entry.',
  minItems: '<where> must have at least {{limit}} entries.',
  maxItems: '<where> must have at most {{limit}} entries.',
  minimum: '<where> must be {{limit}} or more (got {{value}}).',
  stepRef: '<where> must be a step id, a step number (1, 2, …) or `end` (got <got>).',
  union: '<where> must be a valid {{title}} (got <got>).',
  unionValue: '<where> must be a valid value (got <got>).',
  other: '<where> {{error}}.',
  truncated: 'More schema problems follow; only the first {{max}} are shown. Fix these and run again.',
};

/** Every template expanded over its axes: one message id per shape (`type` → `typeStringNumberStep`, …). */
export function expandShapes(templates: Readonly<Record<string, string>>, axes: readonly Axis[]): Record<string, string> {
  let out: Array<[string, string]> = Object.entries(templates);
  for (const axis of axes) {
    out = out.flatMap(([id, text]) =>
      text.includes(axis.marker) ? Object.entries(axis.variants).map(([suffix, fragment]): [string, string] => [`${id}${suffix}`, text.split(axis.marker).join(fragment)]) : [[id, text]],
    );
  }
  return Object.fromEntries(out);
}

/** The English schema messages by id (the `schema` and `process-schema` rules report them). */
export const SCHEMA_MESSAGES: Readonly<Record<string, string>> = expandShapes(SCHEMA_TEMPLATES_EN, SCHEMA_AXES_EN);

/** A schema problem worded in English. */
export function schemaWords(messageId: string, data: MessageValues = {}): Worded {
  const template = SCHEMA_MESSAGES[messageId];
  if (template === undefined) throw new Error(`unknown schema message id ${messageId}`);
  return { messageId, data, message: interpolate(template, data) };
}
