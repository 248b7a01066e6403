import { maxCountRule } from './max-count.js';

/** Not too many steps. */
export const maxSteps = maxCountRule({
  id: 'max-steps',
  key: 'steps',
  max: 25,
  description: 'At most `max` steps (default 25): a longer procedure is hard to follow and to print.',
  message: 'The SOP has {{count}} steps, more than {{max}}: a procedure this long is hard to follow and spans many pages. Split it into several SOPs linked with `related`.',
});
