import type { Rule } from '../rule.js';
import { schema } from './schema.js';

/** Every rule, in the order they run (schema first: others may rely on its verdict). */
export const rules: readonly Rule[] = [schema];
