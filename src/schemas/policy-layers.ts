import * as z from 'zod/mini';
import { dataEnvelope, Id, PathId, Timestamp, uniqueIds } from './common.js';

/** The most layers a policy may have: `PUT …/layers/order` accepts 1–50 ids. */
export const MAX_LAYERS_PER_POLICY = 50;

// `/escalation/policies/{policyId}/layers/{layerId}`
export const LayerPathParams = z.strictObject({ policyId: PathId, layerId: PathId });

// Notify whoever is on call for the schedule when the layer is paged.
export const ScheduleTarget = z.looseObject({
  type: z.literal('schedule'),
  scheduleId: Id,
});

// Notify these users directly.
export const UsersTarget = z.looseObject({
  type: z.literal('users'),
  userIds: uniqueIds('user ids', 1),
});

// Who a layer notifies: a discriminated union on `type`.
export const LayerTarget = z.discriminatedUnion('type', [ScheduleTarget, UsersTarget]);

/** Targets in request bodies: no unknown keys, so a typo is an error rather than ignored. */
const LayerTargetParams = z.discriminatedUnion('type', [
  z.strictObject(ScheduleTarget.shape),
  z.strictObject(UsersTarget.shape),
]);

// A working-hours gate: the layer (step) is paged only while the instant is `during` or `outside`
// the set's windows. Requests send an object or `null` (no gate, or clearing one).
export const LayerCondition = z.looseObject({
  workingHoursId: Id,
  when: z.enum(['during', 'outside']),
});
export const LayerConditionParams = z.nullable(z.strictObject(LayerCondition.shape));

const Position = z.int().check(z.positive('must be a positive integer'));
const AckTimeoutMinutes = z.int().check(
  z.minimum(1, 'must be an integer from 1 to 10080'),
  z.maximum(10080, 'must be an integer from 1 to 10080'),
);

// Body of `POST /escalation/policies/{policyId}/layers`.
export const LayerCreateParams = z.strictObject({
  position: Position,
  ackTimeoutMinutes: AckTimeoutMinutes,
  target: LayerTargetParams,
  /** Omitted or `null`: the layer is always eligible. */
  condition: z.optional(LayerConditionParams),
});

// Body of `PATCH …/layers/{layerId}`. `target` replaces the whole target. Order changes go through reorder.
export const LayerUpdateParams = z.strictObject({
  ackTimeoutMinutes: z.optional(AckTimeoutMinutes),
  target: z.optional(LayerTargetParams),
  /** `null` clears the condition. */
  condition: z.optional(LayerConditionParams),
}).check(
  z.refine((body) => body.ackTimeoutMinutes !== undefined || body.target !== undefined || body.condition !== undefined, {
    message: 'must contain at least one of ackTimeoutMinutes, target, condition',
    path: ['ackTimeoutMinutes'],
  }),
);

// Body of `PUT …/layers/order`: every layer id of the policy, once, in the new order.
export const LayerReorderParams = z.strictObject({
  layerIds: uniqueIds('layer ids', 1, MAX_LAYERS_PER_POLICY),
});

// A policy layer as the API returns it (unknown fields are kept).
export const Layer = z.looseObject({
  id: Id,
  policyId: Id,
  orgId: Id,
  position: z.int(),
  ackTimeoutMinutes: z.int(),
  target: LayerTarget,
  /** Present only when the layer is gated: the layers reference shows no such field otherwise. */
  condition: z.optional(LayerCondition),
  createdAt: Timestamp,
  updatedAt: Timestamp,
});

export const LayerResponse = dataEnvelope(Layer);
export const LayerListResponse = dataEnvelope(z.array(Layer));

// One item of `policies.layers.sync(policyId, desired)`: a layer as it should be, its position implied
// by its place in the list. `id` pins it to that existing layer; without it, the layer is matched by
// target (see `layer-sync.ts`). Same rules as a create body, without `position`.
export const LayerSyncItem = z.strictObject({
  id: z.optional(Id),
  ackTimeoutMinutes: LayerCreateParams.shape.ackTimeoutMinutes,
  target: LayerCreateParams.shape.target,
});

// The full desired list of a policy's layers, in order: at most 50, no id twice. Empty removes every layer.
export const LayerSyncParams = z.array(LayerSyncItem).check(
  z.maxLength(MAX_LAYERS_PER_POLICY, `must list at most ${MAX_LAYERS_PER_POLICY} layers`),
  // Reported at the repeat itself (`[3].id`), so the message points at the line to fix.
  z.superRefine((items, ctx) => {
    const seen = new Set<string>();
    items.forEach((item, index) => {
      if (item.id === undefined) return;
      if (seen.has(item.id)) {
        ctx.addIssue({ code: 'custom', message: 'must not repeat a layer id', path: [index, 'id'], input: item.id });
      }
      seen.add(item.id);
    });
  }),
);

// Types generated from the schemas above and their docs (./docs/) by `npm run types:schemas`: do not edit
// below this line (test/schema-types.test.ts fails when it is stale).

/** The path parameters of `/escalation/policies/{policyId}/layers/{layerId}`. */
export interface LayerPathParams {
  /** The escalation policy’s id. A non-empty string. */
  policyId: string;
  /** The layer’s id. A non-empty string. */
  layerId: string;
}

/** A layer target that pages whoever is on call for a schedule at the instant the layer is reached. */
export interface ScheduleTarget {
  /** Tells the target kinds apart: `'schedule'`. */
  type: 'schedule';
  /** The on-call schedule whose people are paged. */
  scheduleId: string;
}

/** A layer target that pages the listed users directly. */
export interface UsersTarget {
  /** Tells the target kinds apart: `'users'`. */
  type: 'users';
  /** The users to page: members of the organization, no id twice. A list of at least 1 item. */
  userIds: string[];
}

/** Who a layer pages: a schedule’s on-call people, or a list of users; `type` tells which. */
export type LayerTarget = ScheduleTarget | UsersTarget;

/**
 * A working-hours gate on a layer: the layer is paged only while the instant it is reached falls `during` (or
 * `outside`) the set’s windows, and is skipped otherwise.
 */
export interface LayerCondition {
  /** The working-hours set to test the instant against. */
  workingHoursId: string;
  /** `'during'`: page only inside the set’s windows; `'outside'`: only outside them. */
  when: 'during' | 'outside';
}

/**
 * The body of `policies.layers.create`: a layer inserted at `position`; the layers from there on move down
 * one.
 */
export interface LayerCreateParams {
  /**
   * Where to insert it, 1-based: `n + 1` appends to a policy of `n` layers; anything past that is refused. A
   * positive integer.
   */
  position: number;
  /**
   * How long the paged people have to acknowledge, in minutes, before the next layer is paged (at most a
   * week). An integer from 1 to 10080.
   */
  ackTimeoutMinutes: number;
  /** Who the layer pages. */
  target: LayerTarget;
  /** A working-hours gate; omitted or `null`, the layer is always eligible. */
  condition?: LayerCondition | null;
}

/**
 * The body of `policies.layers.update`. Only the fields you send change; it must send at least one. A layer
 * moves through `policies.layers.reorder`, not here.
 */
export interface LayerUpdateParams {
  /**
   * How long the paged people have to acknowledge, in minutes, before the next layer is paged (at most a
   * week). A timer already running keeps the timeout it started with. An integer from 1 to 10080.
   */
  ackTimeoutMinutes?: number;
  /** Who the layer pages: replaces the whole target. */
  target?: LayerTarget;
  /** A new working-hours gate, or `null` to remove it. */
  condition?: LayerCondition | null;
}

/** The body of `policies.layers.reorder`. */
export interface LayerReorderParams {
  /**
   * Every layer id of the policy, each once, in the new order. A list of 1 to 50 items, each a non-empty
   * string.
   */
  layerIds: string[];
}

/** A layer of an escalation policy: who is paged at its position, and how long they have to acknowledge. */
export interface Layer {
  /** The layer’s id. */
  id: string;
  /** The escalation policy it belongs to. */
  policyId: string;
  /** The organization it belongs to. */
  orgId: string;
  /** Its place in the policy, 1-based: layer 1 is paged first. An integer. */
  position: number;
  /**
   * Minutes the paged people have to acknowledge before the next layer is paged: 1 to 10080 (a week). An
   * integer.
   */
  ackTimeoutMinutes: number;
  /** Who the layer pages. */
  target: LayerTarget;
  /** Its working-hours gate; absent when the layer is always eligible. */
  condition?: LayerCondition;
  /** When it was created (ISO 8601, UTC). */
  createdAt: string;
  /** When it last changed (ISO 8601, UTC). A move to another position counts. */
  updatedAt: string;
}

/** A response body as the API sends it: `{ data: Layer }`. The SDK’s methods resolve to the `data`. */
export interface LayerResponse {
  /** The layer. */
  data: Layer;
}

/** A response body as the API sends it: `{ data: Layer[] }`. The SDK’s methods resolve to the `data`. */
export interface LayerListResponse {
  /** The layers, in position order. */
  data: Layer[];
}

/**
 * One layer of the list `policies.layers.sync` takes: a layer as it should be, its position being its place
 * in the list.
 */
export interface LayerSyncItem {
  /**
   * Pins the item to this existing layer. Without it, the item takes a layer with the same target, or a free
   * one. A non-empty string.
   */
  id?: string;
  /**
   * How long the paged people have to acknowledge, in minutes, before the next layer is paged (at most a
   * week). An integer from 1 to 10080.
   */
  ackTimeoutMinutes: number;
  /** Who the layer pages. */
  target: LayerTarget;
}

/**
 * Every layer a policy should have, in order, for `policies.layers.sync`: at most 50, no id twice. An empty
 * list removes every layer.
 */
export type LayerSyncParams = LayerSyncItem[];
