import * as z from 'zod/mini';
import { dataEnvelope, Id, PathId, Timestamp, type Known } from './common.js';
import { Layer } from './policy-layers.js';

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

/** `GET /escalation/policies/{policyId}` returns the policy with its layers in position order. */
export const PolicyWithLayers = z.looseObject({
  ...Policy.shape,
  layers: z.array(Layer),
});
export type PolicyWithLayers = Known<z.infer<typeof PolicyWithLayers>>;

export const PolicyResponse = dataEnvelope(Policy);
export const PolicyWithLayersResponse = dataEnvelope(PolicyWithLayers);
export const PolicyListResponse = dataEnvelope(z.array(Policy));
