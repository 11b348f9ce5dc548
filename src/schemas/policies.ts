import * as z from 'zod/mini';
import { dataEnvelope, Id, PathId, Timestamp } from './common.js';
import { Layer } from './policy-layers.js';
import { Step, StepsParams } from './policy-steps.js';

// `/escalation/policies/{policyId}`
export const PolicyPathParams = z.strictObject({ policyId: PathId });

const PolicyName = z.string().check(
  z.minLength(1, 'must be 1 to 255 characters'),
  z.maxLength(255, 'must be 1 to 255 characters'),
);
const PolicyDescription = z.nullable(z.string());

// Body of `POST /escalation/policies`.
export const PolicyCreateParams = z.strictObject({
  name: PolicyName,
  description: z.optional(PolicyDescription),
  /** The policy's layers, written as steps (schedule targets only). Omitted: no layers. */
  steps: z.optional(StepsParams),
});

// Body of `PATCH /escalation/policies/{policyId}`: only the fields you send change.
export const PolicyUpdateParams = z.strictObject({
  name: z.optional(PolicyName),
  description: z.optional(PolicyDescription),
}).check(
  z.refine((body) => body.name !== undefined || body.description !== undefined, {
    message: 'must contain at least one of name, description',
    path: ['name'],
  }),
);

// Body of `PUT /escalation/policies/{policyId}`: replaces name, description and every step.
export const PolicyReplaceParams = z.strictObject({
  name: PolicyName,
  description: PolicyDescription,
  steps: StepsParams,
});

// An escalation policy as the API returns it (unknown fields are kept).
export const Policy = z.looseObject({
  id: Id,
  orgId: Id,
  name: z.string(),
  description: z.nullable(z.string()),
  createdBy: z.string(),
  createdAt: Timestamp,
  updatedAt: Timestamp,
});

// One policy as `GET` and `PUT` return it: its layers in position order, and the
// same layers again as `steps`, the provider's view of them.
export const PolicyWithLayers = z.looseObject({
  ...Policy.shape,
  layers: z.array(Layer),
  steps: z.array(Step),
});

// `POST /escalation/policies` answers the documented `Policy`; when the request sent `steps` (the
// provider's shape), also its `layers` and `steps`, as the provider reads them back.
export const CreatedPolicy = z.looseObject({
  ...Policy.shape,
  layers: z.optional(z.array(Layer)),
  steps: z.optional(z.array(Step)),
});

export const PolicyResponse = dataEnvelope(Policy);
export const CreatedPolicyResponse = dataEnvelope(CreatedPolicy);
export const PolicyWithLayersResponse = dataEnvelope(PolicyWithLayers);
export const PolicyListResponse = dataEnvelope(z.array(Policy));

// Types generated from the schemas above and their docs (./docs/) by `npm run types:schemas`: do not edit
// below this line (test/schema-types.test.ts fails when it is stale).
import type { StepParams } from './policy-steps.js';

/** The path parameters of `/escalation/policies/{policyId}`. */
export interface PolicyPathParams {
  /** The escalation policy’s id. A non-empty string. */
  policyId: string;
}

/** The body of `policies.create`. */
export interface PolicyCreateParams {
  /** The policy’s name, unique in the organization (compared exactly). A string of 1 to 255 characters. */
  name: string;
  /** Free text; `null` or omitted for none. */
  description?: string | null;
  /**
   * The policy’s layers, written as steps (schedule targets only); omitted, the policy has no layers. A list
   * of at most 50 items.
   */
  steps?: StepParams[];
}

/** The body of `policies.update`. Only the fields you send change; it must send at least one. */
export interface PolicyUpdateParams {
  /** The policy’s name, unique in the organization (compared exactly). A string of 1 to 255 characters. */
  name?: string;
  /** Free text; `null` clears it. */
  description?: string | null;
}

/**
 * The body of `policies.replace`: name, description and every step at once. Step ids stay with their
 * positions.
 */
export interface PolicyReplaceParams {
  /** The policy’s name, unique in the organization (compared exactly). A string of 1 to 255 characters. */
  name: string;
  /** Free text, or `null` for none. */
  description: string | null;
  /** Every step, in order; `[]` removes every layer. A list of at most 50 items. */
  steps: StepParams[];
}

/**
 * An escalation policy: layers paged one after the other until someone acknowledges. As the list and `update`
 * return it, without its layers.
 */
export interface Policy {
  /** The policy’s id. */
  id: string;
  /** The organization it belongs to. */
  orgId: string;
  /** The policy’s name, unique in the organization. */
  name: string;
  /** Free text, or `null`. */
  description: string | null;
  /** The user who created it. */
  createdBy: string;
  /** When it was created (ISO 8601, UTC). */
  createdAt: string;
  /** When it last changed (ISO 8601, UTC). */
  updatedAt: string;
}

/**
 * One escalation policy as `policies.get` and `policies.replace` return it: with its layers, and the same
 * layers as steps.
 */
export interface PolicyWithLayers {
  /** The policy’s id. */
  id: string;
  /** The organization it belongs to. */
  orgId: string;
  /** The policy’s name, unique in the organization. */
  name: string;
  /** Free text, or `null`. */
  description: string | null;
  /** The user who created it. */
  createdBy: string;
  /** When it was created (ISO 8601, UTC). */
  createdAt: string;
  /** When it last changed (ISO 8601, UTC). */
  updatedAt: string;
  /** Its layers, in position order. */
  layers: Layer[];
  /** The same layers in the Terraform provider’s step shape. */
  steps: Step[];
}

/**
 * What `policies.create` returns: the policy, with its `layers` and `steps` when the request sent `steps`.
 */
export interface CreatedPolicy {
  /** The policy’s id. */
  id: string;
  /** The organization it belongs to. */
  orgId: string;
  /** The policy’s name, unique in the organization. */
  name: string;
  /** Free text, or `null`. */
  description: string | null;
  /** The user who created it. */
  createdBy: string;
  /** When it was created (ISO 8601, UTC). */
  createdAt: string;
  /** When it last changed (ISO 8601, UTC). */
  updatedAt: string;
  /** Its layers in position order; present when the request sent `steps`. */
  layers?: Layer[];
  /** The same layers as steps; present when the request sent `steps`. */
  steps?: Step[];
}

/** A response body as the API sends it: `{ data: Policy }`. The SDK’s methods resolve to the `data`. */
export interface PolicyResponse {
  /** The policy. */
  data: Policy;
}

/**
 * A response body as the API sends it: `{ data: CreatedPolicy }`. The SDK’s methods resolve to the `data`.
 */
export interface CreatedPolicyResponse {
  /** The policy created. */
  data: CreatedPolicy;
}

/**
 * A response body as the API sends it: `{ data: PolicyWithLayers }`. The SDK’s methods resolve to the `data`.
 */
export interface PolicyWithLayersResponse {
  /** The policy, with its layers. */
  data: PolicyWithLayers;
}

/** A response body as the API sends it: `{ data: Policy[] }`. The SDK’s methods resolve to the `data`. */
export interface PolicyListResponse {
  /** Every policy of the organization, without layers. */
  data: Policy[];
}
