import * as z from 'zod/mini';
import { dataEnvelope, Id, PathId, Timestamp, type Known } from './common.js';
import { Layer } from './policy-layers.js';
import { Step, StepsParams } from './policy-steps.js';

/** `/escalation/policies/{policyId}` */
export const PolicyPathParams = z.strictObject({ policyId: PathId });
export type PolicyPathParams = Known<z.infer<typeof PolicyPathParams>>;

const PolicyName = z.string().check(
  z.minLength(1, 'must be 1 to 255 characters'),
  z.maxLength(255, 'must be 1 to 255 characters'),
);
const PolicyDescription = z.nullable(z.string());

/** Body of `POST /escalation/policies`. */
export const PolicyCreateParams = z.strictObject({
  name: PolicyName,
  description: z.optional(PolicyDescription),
  /** The policy's layers, written as steps (schedule targets only). Omitted: no layers. */
  steps: z.optional(StepsParams),
});
export type PolicyCreateParams = z.input<typeof PolicyCreateParams>;

/** Body of `PATCH /escalation/policies/{policyId}`: only the fields you send change. */
export const PolicyUpdateParams = z.strictObject({
  name: z.optional(PolicyName),
  description: z.optional(PolicyDescription),
}).check(
  z.refine((body) => body.name !== undefined || body.description !== undefined, {
    message: 'must contain at least one of name, description',
  }),
);
export type PolicyUpdateParams = z.input<typeof PolicyUpdateParams>;

/** Body of `PUT /escalation/policies/{policyId}`: replaces name, description and every step. */
export const PolicyReplaceParams = z.strictObject({
  name: PolicyName,
  description: PolicyDescription,
  steps: StepsParams,
});
export type PolicyReplaceParams = z.input<typeof PolicyReplaceParams>;

/** An escalation policy as the API returns it (unknown fields are kept). */
export const Policy = z.looseObject({
  id: Id,
  orgId: Id,
  name: z.string(),
  description: z.nullable(z.string()),
  createdBy: z.string(),
  createdAt: Timestamp,
  updatedAt: Timestamp,
});
export type Policy = Known<z.infer<typeof Policy>>;

/**
 * One policy as `GET` and `PUT` return it: its layers in position order, and the
 * same layers again as `steps`, the provider's view of them.
 */
export const PolicyWithLayers = z.looseObject({
  ...Policy.shape,
  layers: z.array(Layer),
  steps: z.array(Step),
});
export type PolicyWithLayers = Known<z.infer<typeof PolicyWithLayers>>;

/**
 * `POST /escalation/policies` answers the documented `Policy`; when the request sent `steps` (the
 * provider's shape), also its `layers` and `steps`, as the provider reads them back.
 */
export const CreatedPolicy = z.looseObject({
  ...Policy.shape,
  layers: z.optional(z.array(Layer)),
  steps: z.optional(z.array(Step)),
});
export type CreatedPolicy = Known<z.infer<typeof CreatedPolicy>>;

export const PolicyResponse = dataEnvelope(Policy);
export const CreatedPolicyResponse = dataEnvelope(CreatedPolicy);
export const PolicyWithLayersResponse = dataEnvelope(PolicyWithLayers);
export const PolicyListResponse = dataEnvelope(z.array(Policy));
