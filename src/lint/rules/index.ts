import type { Rule } from '../rule.js';
import { schema } from './schema.js';
import { uniqueId } from './unique-id.js';
import { uniqueNumber } from './unique-number.js';
import { relatedExists } from './related-exists.js';
import { actorDeclared } from './actor-declared.js';
import { actorUsed } from './actor-used.js';
import { stepRef } from './step-ref.js';
import { decisionBranches } from './decision-branches.js';
import { unreachableStep } from './unreachable-step.js';
import { noEnd } from './no-end.js';
import { statusRequirements } from './status-requirements.js';
import { dateValid } from './date-valid.js';
import { dateOrder } from './date-order.js';
import { nip } from './nip.js';
import { timeFormat } from './time-format.js';
import { numberPattern } from './number-pattern.js';
import { legalBasis } from './legal-basis.js';
import { qualityStandard } from './quality-standard.js';
import { maxActors } from './max-actors.js';
import { maxSteps } from './max-steps.js';
import { filenameId } from './filename-id.js';
import { lifecycleTransition } from './lifecycle-transition.js';
import { processSchema } from './process-schema.js';
import { processUnique } from './process-unique.js';
import { processParent } from './process-parent.js';
import { processCovered } from './process-covered.js';
import { processExists } from './process-exists.js';
import { processUnit } from './process-unit.js';
import { evidenceExists } from './evidence-exists.js';
import { reviewDueRule } from './review-due.js';

/** Every rule, in the order they run (schema first: others may rely on its verdict; process-schema first of the map rules). */
export const rules: readonly Rule[] = [
  schema,
  uniqueId,
  uniqueNumber,
  relatedExists,
  actorDeclared,
  actorUsed,
  stepRef,
  decisionBranches,
  unreachableStep,
  noEnd,
  statusRequirements,
  dateValid,
  dateOrder,
  nip,
  timeFormat,
  numberPattern,
  legalBasis,
  qualityStandard,
  maxActors,
  maxSteps,
  filenameId,
  lifecycleTransition,
  evidenceExists,
  reviewDueRule,
  // The business process map (scope `map`: checked on the map file), then SOPs against it.
  processSchema,
  processUnique,
  processParent,
  processCovered,
  processExists,
  processUnit,
];
