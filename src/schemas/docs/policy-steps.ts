import { CREATED_AT, type DocsOf, UPDATED_AT } from './shared.js';

export const policyStepDocs: DocsOf<'StepParams' | 'StepsParams' | 'Step'> = {
  StepParams: {
    summary:
      'One step of `policies.create` or `policies.replace`: a layer in the Terraform provider’s shape, with a schedule ' +
      'target and its timeout in seconds.',
    fields: {
      position: 'Its place in the list, 1-based: the n-th step has position n.',
      targetType: 'Steps target schedules only.',
      targetId: 'The schedule whose on-call people the step pages.',
      escalateAfterSeconds: 'The layer’s `ackTimeoutMinutes` × 60: a whole number of minutes, from one minute to a week.',
      condition: 'A working-hours gate, or `null` for none: always sent.',
    },
  },
  StepsParams: { summary: 'Every step of a policy, in order: positions 1 to n, at most 50 steps.' },
  Step: {
    summary:
      'A policy’s layer as a step, as the API returns it. A layer with a `users` target shows as `targetType: \'users\'`, ' +
      '`targetId: null` and its `userIds`.',
    fields: {
      id: 'The layer’s id: a step is a layer.',
      position: 'Its place in the policy, 1-based.',
      targetType: 'What the step pages: a schedule, or users directly.',
      targetId: 'The schedule it pages; `null` for a users step.',
      userIds: 'The users a users step pages; absent for a schedule step.',
      escalateAfterSeconds: 'The layer’s `ackTimeoutMinutes` × 60.',
      condition: 'Its working-hours gate; `null` when the step is always eligible.',
      createdAt: CREATED_AT,
      updatedAt: UPDATED_AT,
    },
  },
};
