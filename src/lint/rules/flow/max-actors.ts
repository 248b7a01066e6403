import { maxCountRule } from './max-count.js';

/** Not too many swim lanes. */
export const maxActors = maxCountRule({
  id: 'max-actors',
  key: 'actors',
  max: 6,
  description: 'At most `max` actors (default 6): more makes the flowchart columns too narrow to read.',
  message: 'The SOP has {{count}} actors, more than {{max}}: the flowchart columns get too narrow to read. Merge positions that act together, or split the SOP.',
});
