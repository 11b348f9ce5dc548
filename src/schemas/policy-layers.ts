import * as z from 'zod/mini';
import { dataEnvelope, Id, PathId, Timestamp, uniqueIds, type Known } from './common.js';

/** The most layers a policy may have: `PUT …/layers/order` accepts 1–50 ids. */
export const MAX_LAYERS_PER_POLICY = 50;

/** `/escalation/policies/{policyId}/layers/{layerId}` */
export const LayerPathParams = z.strictObject({ policyId: PathId, layerId: PathId });
export type LayerPathParams = Known<z.infer<typeof LayerPathParams>>;

/** Notify whoever is on call for the schedule when the layer is paged. */
export const ScheduleTarget = z.looseObject({
  type: z.literal('schedule'),
  scheduleId: Id,
});
export type ScheduleTarget = Known<z.infer<typeof ScheduleTarget>>;

/** Notify these users directly. */
export const UsersTarget = z.looseObject({
  type: z.literal('users'),
  userIds: uniqueIds('user ids', 1),
});
export type UsersTarget = Known<z.infer<typeof UsersTarget>>;

/** Who a layer notifies: a discriminated union on `type`. */
export const LayerTarget = z.discriminatedUnion('type', [ScheduleTarget, UsersTarget]);
export type LayerTarget = Known<z.infer<typeof LayerTarget>>;

/** Targets in request bodies: no unknown keys, so a typo is an error rather than ignored. */
const LayerTargetParams = z.discriminatedUnion('type', [
  z.strictObject(ScheduleTarget.shape),
  z.strictObject(UsersTarget.shape),
]);

/**
 * A working-hours gate: the layer (step) is paged only while the instant is `during` or `outside`
 * the set's windows. Requests send an object or `null` (no gate, or clearing one).
 */
export const LayerCondition = z.looseObject({
  workingHoursId: Id,
  when: z.enum(['during', 'outside']),
});
export type LayerCondition = Known<z.infer<typeof LayerCondition>>;
export const LayerConditionParams = z.nullable(z.strictObject(LayerCondition.shape));

const Position = z.int().check(z.positive('must be a positive integer'));
const AckTimeoutMinutes = z.int().check(
  z.minimum(1, 'must be an integer from 1 to 10080'),
  z.maximum(10080, 'must be an integer from 1 to 10080'),
);

/** Body of `POST /escalation/policies/{policyId}/layers`. */
export const LayerCreateParams = z.strictObject({
  position: Position,
  ackTimeoutMinutes: AckTimeoutMinutes,
  target: LayerTargetParams,
  /** Omitted or `null`: the layer is always eligible. */
  condition: z.optional(LayerConditionParams),
});
export type LayerCreateParams = z.input<typeof LayerCreateParams>;

/** Body of `PATCH …/layers/{layerId}`. `target` replaces the whole target. Order changes go through reorder. */
export const LayerUpdateParams = z.strictObject({
  ackTimeoutMinutes: z.optional(AckTimeoutMinutes),
  target: z.optional(LayerTargetParams),
  /** `null` clears the condition. */
  condition: z.optional(LayerConditionParams),
}).check(
  z.refine((body) => body.ackTimeoutMinutes !== undefined || body.target !== undefined || body.condition !== undefined, {
    message: 'must contain at least one of ackTimeoutMinutes, target, condition',
  }),
);
export type LayerUpdateParams = z.input<typeof LayerUpdateParams>;

/** Body of `PUT …/layers/order`: every layer id of the policy, once, in the new order. */
export const LayerReorderParams = z.strictObject({
  layerIds: uniqueIds('layer ids', 1, MAX_LAYERS_PER_POLICY),
});
export type LayerReorderParams = z.input<typeof LayerReorderParams>;

/** A policy layer as the API returns it (unknown fields are kept). */
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
export type Layer = Known<z.infer<typeof Layer>>;

export const LayerResponse = dataEnvelope(Layer);
export const LayerListResponse = dataEnvelope(z.array(Layer));

/**
 * One item of `policies.layers.sync(policyId, desired)`: a layer as it should be, its position implied
 * by its place in the list. `id` pins it to that existing layer; without it, the layer is matched by
 * target (see `layer-sync.ts`). Same rules as a create body, without `position`.
 */
export const LayerSyncItem = z.strictObject({
  id: z.optional(Id),
  ackTimeoutMinutes: LayerCreateParams.shape.ackTimeoutMinutes,
  target: LayerCreateParams.shape.target,
});
export type LayerSyncItem = z.input<typeof LayerSyncItem>;

/** The full desired list of a policy's layers, in order: at most 50, no id twice. Empty removes every layer. */
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
export type LayerSyncParams = z.input<typeof LayerSyncParams>;
