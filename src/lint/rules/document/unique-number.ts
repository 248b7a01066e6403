import { uniqueFieldRule } from './unique-field.js';

/** No two SOPs of the repository share a `number`. */
export const uniqueNumber = uniqueFieldRule({
  id: 'unique-number',
  key: 'number',
  index: (repo) => repo.byNumber,
  description: 'Every SOP `number` (Nomor SOP) is unique across the repository.',
  message: '`number` "{{value}}" is not unique: it is also the number of {{others}}. Each SOP needs its own Nomor SOP.',
});
