import * as z from 'zod/mini';
import { Id, Timestamp, type Known } from './common.js';
import { LayerCondition, LayerConditionParams, MAX_LAYERS_PER_POLICY } from './policy-layers.js';

/**
 * Steps: a policy's layers as the Terraform provider sends and reads them
 * (`docs/decisions/steps.md`). A step is a layer: same id, position and timestamps.
 */

const SECONDS_RANGE = 'must be a multiple of 60 from 60 to 604800';

/** One step of `POST /escalation/policies` or `PUT /escalation/policies/{policyId}`. */
export const StepParams = z.strictObject({
  /** 1-based and equal to the step's place in the list (the provider sends `i + 1`). */
  position: z.int().check(z.positive('must be a positive integer')),
  /** Steps target schedules only; a users layer is served as a step but cannot be written as one. */
  targetType: z.literal('schedule'),
  targetId: Id,
  /** The layer's `ackTimeoutMinutes` × 60: a multiple of 60, so the exact integer comes back. */
  escalateAfterSeconds: z.int().check(
    z.minimum(60, SECONDS_RANGE),
    z.maximum(10080 * 60, SECONDS_RANGE),
    // A refine, not `z.multipleOf`: that check is used nowhere else and cost ~170 B of the client budget.
    z.refine((seconds) => seconds % 60 === 0, SECONDS_RANGE),
  ),
  /** Always sent: an object gates the step, `null` leaves (or makes) it unconditional. */
  condition: LayerConditionParams,
});
export type StepParams = z.input<typeof StepParams>;

/** The whole list of steps, in order: positions must read 1..n, at most 50 steps. */
export const StepsParams = z.array(StepParams).check(
  z.maxLength(MAX_LAYERS_PER_POLICY, `must list at most ${MAX_LAYERS_PER_POLICY} steps`),
  // Reported at the step itself (`steps[2].position`), so the message points at the line to fix.
  z.superRefine((steps, ctx) => {
    steps.forEach((step, index) => {
      if (step.position !== index + 1) {
        ctx.addIssue({ code: 'custom', message: `must be ${index + 1} (1..n in list order)`, path: [index, 'position'], input: step.position });
      }
    });
  }),
);
export type StepsParams = z.input<typeof StepsParams>;

/**
 * A step as the API returns it. A layer with a `users` target shows as `targetType: 'users'`,
 * `targetId: null` and its `userIds`, so that `GET` lists every layer.
 */
export const Step = z.looseObject({
  id: Id,
  position: z.int(),
  targetType: z.enum(['schedule', 'users']),
  targetId: z.nullable(Id),
  userIds: z.optional(z.array(Id)),
  escalateAfterSeconds: z.int(),
  condition: z.nullable(LayerCondition),
  createdAt: Timestamp,
  updatedAt: Timestamp,
});
export type Step = Known<z.infer<typeof Step>>;
