import { SCHEMA_MESSAGES } from '../../src/model/messages.js';

/**
 * The `unreached` of the `schema` and `process-schema` tables: their schema wordings are one id per shape of the
 * sentence (field or step, value or list or mapping, …); test/model/schema-words.test.ts reaches each wording in
 * the shapes a file can take, each with exactly its data, English and Indonesian.
 */
export const SCHEMA_SHAPES: Record<string, string> = Object.fromEntries(
  Object.keys(SCHEMA_MESSAGES).map((id) => [id, 'a shape of a schema wording: reached in test/model/schema-words.test.ts']),
);
