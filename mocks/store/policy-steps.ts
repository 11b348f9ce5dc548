import type { StepParams } from '../../src/schemas/policy-steps.js';
import { badRequest } from './errors.js';
import { newId } from './ids.js';
import type { LayerConditionRecord, LayerRecord, Millis, MockState, OrgRecord, PolicyRecord } from './state.js';

/**
 * Steps are the Terraform provider's view of a policy's layers (`docs/decisions/steps.md`): writing
 * steps writes layers. Checks run over the whole list before anything is written, so a refused
 * request changes nothing.
 */

type ConditionInput = { workingHoursId: string; when: 'during' | 'outside' } | null | undefined;

/** A condition must name working hours of the org (400 `invalid_working_hours`, naming the field). */
export const assertConditionInOrg = (org: OrgRecord, condition: ConditionInput, field: string) => {
  if (condition && !org.workingHours.has(condition.workingHoursId)) {
    throw badRequest('invalid_working_hours',
      `${field}.workingHoursId: no working hours ${condition.workingHoursId} in this organization.`, `${field}.workingHoursId`);
  }
};

/** Copied, so that no record shares an object with a request body. */
export const conditionRecord = (condition: ConditionInput): LayerConditionRecord | null =>
  condition ? { workingHoursId: condition.workingHoursId, when: condition.when } : null;

/** Every step's schedule (400 `invalid_target`, as for layers) and working hours must be the org's. */
export const assertStepsInOrg = (org: OrgRecord, steps: readonly StepParams[]) => {
  steps.forEach((step, index) => {
    if (!org.schedules.has(step.targetId)) {
      throw badRequest('invalid_target', `steps[${index}].targetId: no schedule ${step.targetId} in this organization.`, `steps[${index}].targetId`);
    }
    assertConditionInOrg(org, step.condition, `steps[${index}].condition`);
  });
};

/**
 * Makes the policy's layers exactly `steps` (already checked): the layer at position N is reused,
 * keeping its id and `createdAt`, ids are minted only for new positions, and surplus layers go.
 */
export const writeSteps = (state: MockState, policy: PolicyRecord, steps: readonly StepParams[], now: Millis) => {
  policy.layers = steps.map((step, index): LayerRecord => {
    const fields = {
      ackTimeoutMinutes: step.escalateAfterSeconds / 60,
      target: { type: 'schedule' as const, scheduleId: step.targetId },
      condition: conditionRecord(step.condition),
      updatedAt: now,
    };
    const existing = policy.layers[index];
    if (existing) return Object.assign(existing, fields);
    return { id: newId(state.random, 'layer'), policyId: policy.id, orgId: policy.orgId, ...fields, createdAt: now };
  });
};
