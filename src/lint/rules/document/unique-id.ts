import { uniqueFieldRule } from './unique-field.js';

/** No two SOPs of the repository share an `id`. */
export const uniqueId = uniqueFieldRule({
  id: 'unique-id',
  key: 'id',
  index: (repo) => repo.byId,
  description: 'Every SOP `id` is unique across the repository.',
  message: '`id` "{{value}}" is not unique: it is also the id of {{others}}. Each SOP needs its own id (cross-references use it).',
});
