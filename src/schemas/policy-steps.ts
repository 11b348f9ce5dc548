import * as z from 'zod/mini';
import { Id, Timestamp } from './common.js';
import { LayerCondition, LayerConditionParams, MAX_LAYERS_PER_POLICY } from './policy-layers.js';

/**
 * Steps: a policy's layers as the Terraform provider sends and reads them
 * (`docs/decisions/steps.md`). A step is a layer: same id, position and timestamps.
 */

const SECONDS_RANGE = 'must be a multiple of 60 from 60 to 604800';

// One step of `POST /escalation/policies` or `PUT /escalation/policies/{policyId}`.
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

// The whole list of steps, in order: positions must read 1..n, at most 50 steps.
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

// A step as the API returns it. A layer with a `users` target shows as `targetType: 'users'`,
// `targetId: null` and its `userIds`, so that `GET` lists every layer.
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

// Types generated from the schemas above and their docs (./docs/) by `npm run types:schemas`: do not edit
// below this line (test/schema-types.test.ts fails when it is stale).

/**
 * One step of `policies.create` or `policies.replace`: a layer in the Terraform provider’s shape, with a
 * schedule target and its timeout in seconds.
 */
export interface StepParams {
  /** Its place in the list, 1-based: the n-th step has position n. A positive integer. */
  position: number;
  /** Steps target schedules only. */
  targetType: 'schedule';
  /** The schedule whose on-call people the step pages. A non-empty string. */
  targetId: string;
  /**
   * The layer’s `ackTimeoutMinutes` × 60: a whole number of minutes, from one minute to a week. An integer
   * from 60 to 604800.
   */
  escalateAfterSeconds: number;
  /** A working-hours gate, or `null` for none: always sent. */
  condition: LayerCondition | null;
}

/** Every step of a policy, in order: positions 1 to n, at most 50 steps. */
export type StepsParams = StepParams[];

/**
 * A policy’s layer as a step, as the API returns it. A layer with a `users` target shows as `targetType:
 * 'users'`, `targetId: null` and its `userIds`.
 */
export interface Step {
  /** The layer’s id: a step is a layer. */
  id: string;
  /** Its place in the policy, 1-based. An integer. */
  position: number;
  /** What the step pages: a schedule, or users directly. */
  targetType: 'schedule' | 'users';
  /** The schedule it pages; `null` for a users step. */
  targetId: string | null;
  /** The users a users step pages; absent for a schedule step. */
  userIds?: string[];
  /** The layer’s `ackTimeoutMinutes` × 60. An integer. */
  escalateAfterSeconds: number;
  /** Its working-hours gate; `null` when the step is always eligible. */
  condition: LayerCondition | null;
  /** When it was created (ISO 8601, UTC). */
  createdAt: string;
  /** When it last changed (ISO 8601, UTC). */
  updatedAt: string;
}
