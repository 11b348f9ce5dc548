import { CREATED_AT, CREATED_BY, type DocsOf, envelope, ORG_ID, PARTIAL_UPDATE, UPDATED_AT } from './shared.js';

const NAME = 'The policy’s name, unique in the organization (compared exactly).';
const policy = {
  id: 'The policy’s id.',
  orgId: ORG_ID,
  name: 'The policy’s name, unique in the organization.',
  description: 'Free text, or `null`.',
  createdBy: CREATED_BY,
  createdAt: CREATED_AT,
  updatedAt: UPDATED_AT,
};

export const policyDocs: DocsOf<
  | 'PolicyPathParams'
  | 'PolicyCreateParams'
  | 'PolicyUpdateParams'
  | 'PolicyReplaceParams'
  | 'Policy'
  | 'PolicyWithLayers'
  | 'CreatedPolicy'
  | 'PolicyResponse'
  | 'CreatedPolicyResponse'
  | 'PolicyWithLayersResponse'
  | 'PolicyListResponse'
> = {
  PolicyPathParams: {
    summary: 'The path parameters of `/escalation/policies/{policyId}`.',
    fields: { policyId: 'The escalation policy’s id.' },
  },
  PolicyCreateParams: {
    summary: 'The body of `policies.create`.',
    fields: {
      name: NAME,
      description: 'Free text; `null` or omitted for none.',
      steps: 'The policy’s layers, written as steps (schedule targets only); omitted, the policy has no layers.',
    },
  },
  PolicyUpdateParams: {
    summary: `The body of \`policies.update\`. ${PARTIAL_UPDATE}`,
    fields: { name: NAME, description: 'Free text; `null` clears it.' },
  },
  PolicyReplaceParams: {
    summary: 'The body of `policies.replace`: name, description and every step at once. Step ids stay with their positions.',
    fields: { name: NAME, description: 'Free text, or `null` for none.', steps: 'Every step, in order; `[]` removes every layer.' },
  },
  Policy: {
    summary:
      'An escalation policy: layers paged one after the other until someone acknowledges. As the list and `update` ' +
      'return it, without its layers.',
    fields: policy,
  },
  PolicyWithLayers: {
    summary: 'One escalation policy as `policies.get` and `policies.replace` return it: with its layers, and the same layers as steps.',
    fields: {
      ...policy,
      layers: 'Its layers, in position order.',
      steps: 'The same layers in the Terraform provider’s step shape.',
    },
  },
  CreatedPolicy: {
    summary: 'What `policies.create` returns: the policy, with its `layers` and `steps` when the request sent `steps`.',
    fields: {
      ...policy,
      layers: 'Its layers in position order; present when the request sent `steps`.',
      steps: 'The same layers as steps; present when the request sent `steps`.',
    },
  },
  PolicyResponse: envelope('Policy', 'The policy.'),
  CreatedPolicyResponse: envelope('CreatedPolicy', 'The policy created.'),
  PolicyWithLayersResponse: envelope('PolicyWithLayers', 'The policy, with its layers.'),
  PolicyListResponse: envelope('Policy[]', 'Every policy of the organization, without layers.'),
};
