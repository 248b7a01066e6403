import type { Rule } from '../rule.js';
import { schema } from './document/schema.js';
import { uniqueId } from './document/unique-id.js';
import { uniqueNumber } from './document/unique-number.js';
import { relatedExists } from './document/related-exists.js';
import { actorDeclared } from './flow/actor-declared.js';
import { actorUsed } from './flow/actor-used.js';
import { stepRef } from './flow/step-ref.js';
import { decisionBranches } from './flow/decision-branches.js';
import { unreachableStep } from './flow/unreachable-step.js';
import { noEnd } from './flow/no-end.js';
import { statusRequirements } from './document/status-requirements.js';
import { dateValid } from './records/date-valid.js';
import { dateOrder } from './records/date-order.js';
import { nip } from './document/nip.js';
import { timeFormat } from './document/time-format.js';
import { numberPattern } from './document/number-pattern.js';
import { legalBasis } from './document/legal-basis.js';
import { qualityStandard } from './document/quality-standard.js';
import { maxActors } from './flow/max-actors.js';
import { maxSteps } from './flow/max-steps.js';
import { filenameId } from './document/filename-id.js';
import { lifecycleTransition } from './records/lifecycle-transition.js';
import { processSchema } from './process/process-schema.js';
import { processUnique } from './process/process-unique.js';
import { processParent } from './process/process-parent.js';
import { processCovered } from './process/process-covered.js';
import { processExists } from './process/process-exists.js';
import { processUnit } from './process/process-unit.js';
import { evidenceExists } from './records/evidence-exists.js';
import { reviewDueRule } from './records/review-due.js';

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
