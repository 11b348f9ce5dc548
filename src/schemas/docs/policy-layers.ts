import { CREATED_AT, type DocsOf, envelope, ORG_ID, PARTIAL_UPDATE, UPDATED_AT } from './shared.js';

const ACK_TIMEOUT = 'How long the paged people have to acknowledge, in minutes, before the next layer is paged (at most a week).';

export const policyLayerDocs: DocsOf<
  | 'LayerPathParams'
  | 'ScheduleTarget'
  | 'UsersTarget'
  | 'LayerTarget'
  | 'LayerCondition'
  | 'LayerCreateParams'
  | 'LayerUpdateParams'
  | 'LayerReorderParams'
  | 'Layer'
  | 'LayerResponse'
  | 'LayerListResponse'
  | 'LayerSyncItem'
  | 'LayerSyncParams'
> = {
  LayerPathParams: {
    summary: 'The path parameters of `/escalation/policies/{policyId}/layers/{layerId}`.',
    fields: { policyId: 'The escalation policy’s id.', layerId: 'The layer’s id.' },
  },
  ScheduleTarget: {
    summary: 'A layer target that pages whoever is on call for a schedule at the instant the layer is reached.',
    fields: { type: 'Tells the target kinds apart: `\'schedule\'`.', scheduleId: 'The on-call schedule whose people are paged.' },
  },
  UsersTarget: {
    summary: 'A layer target that pages the listed users directly.',
    fields: { type: 'Tells the target kinds apart: `\'users\'`.', userIds: 'The users to page: members of the organization, no id twice.' },
  },
  LayerTarget: { summary: 'Who a layer pages: a schedule’s on-call people, or a list of users; `type` tells which.' },
  LayerCondition: {
    summary:
      'A working-hours gate on a layer: the layer is paged only while the instant it is reached falls `during` (or ' +
      '`outside`) the set’s windows, and is skipped otherwise.',
    fields: {
      workingHoursId: 'The working-hours set to test the instant against.',
      when: '`\'during\'`: page only inside the set’s windows; `\'outside\'`: only outside them.',
    },
  },
  LayerCreateParams: {
    summary: 'The body of `policies.layers.create`: a layer inserted at `position`; the layers from there on move down one.',
    fields: {
      position: 'Where to insert it, 1-based: `n + 1` appends to a policy of `n` layers; anything past that is refused.',
      ackTimeoutMinutes: ACK_TIMEOUT,
      target: 'Who the layer pages.',
      condition: 'A working-hours gate; omitted or `null`, the layer is always eligible.',
    },
  },
  LayerUpdateParams: {
    summary: `The body of \`policies.layers.update\`. ${PARTIAL_UPDATE} A layer moves through \`policies.layers.reorder\`, not here.`,
    fields: {
      ackTimeoutMinutes: `${ACK_TIMEOUT} A timer already running keeps the timeout it started with.`,
      target: 'Who the layer pages: replaces the whole target.',
      condition: 'A new working-hours gate, or `null` to remove it.',
    },
  },
  LayerReorderParams: {
    summary: 'The body of `policies.layers.reorder`.',
    fields: { layerIds: 'Every layer id of the policy, each once, in the new order.' },
  },
  Layer: {
    summary: 'A layer of an escalation policy: who is paged at its position, and how long they have to acknowledge.',
    fields: {
      id: 'The layer’s id.',
      policyId: 'The escalation policy it belongs to.',
      orgId: ORG_ID,
      position: 'Its place in the policy, 1-based: layer 1 is paged first.',
      ackTimeoutMinutes: 'Minutes the paged people have to acknowledge before the next layer is paged: 1 to 10080 (a week).',
      target: 'Who the layer pages.',
      condition: 'Its working-hours gate; absent when the layer is always eligible.',
      createdAt: CREATED_AT,
      updatedAt: `${UPDATED_AT} A move to another position counts.`,
    },
  },
  LayerResponse: envelope('Layer', 'The layer.'),
  LayerListResponse: envelope('Layer[]', 'The layers, in position order.'),
  LayerSyncItem: {
    summary: 'One layer of the list `policies.layers.sync` takes: a layer as it should be, its position being its place in the list.',
    fields: {
      id: 'Pins the item to this existing layer. Without it, the item takes a layer with the same target, or a free one.',
      ackTimeoutMinutes: ACK_TIMEOUT,
      target: 'Who the layer pages.',
    },
  },
  LayerSyncParams: {
    summary:
      'Every layer a policy should have, in order, for `policies.layers.sync`: at most 50, no id twice. An empty list ' +
      'removes every layer.',
  },
};
