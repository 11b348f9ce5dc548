import { pagingTargetsAt, type OrderedSchedule } from '../oncall/rotation.js';
import type { LayerTarget } from '../schemas/policy-layers.js';
import { isWithinWorkingHours, type WeeklyHours } from '../working-hours/within.js';

/**
 * The escalation rules, shared by the mock's engine and by `simulateEscalation()`: one
 * implementation, so a simulated timeline and the mock's pages cannot disagree.
 */

/** A working-hours gate: the layer is eligible only while the instant is `during` / `outside` the set. */
export type RuleCondition = { readonly workingHoursId: string; readonly when: 'during' | 'outside' };

/** A policy layer as the rules read it. Layers are in position order: position = index + 1. */
export type RuleLayer = { id: string; ackTimeoutMinutes: number; target: LayerTarget; condition?: RuleCondition | null | undefined };

/** Whether a condition holds at an instant. */
export type ConditionHolds = (condition: RuleCondition, at: number) => boolean;

/** Without working hours to read, every condition holds (callers with conditions pass `conditionChecker`). */
const alwaysHolds: ConditionHolds = () => true;

/**
 * Reads conditions against working-hours sets. A set that is not there never holds, `during` or
 * `outside`: the mock refuses to delete a set in use, so only a simulation missing an input meets it.
 */
export const conditionChecker = (hoursOf: (workingHoursId: string) => WeeklyHours | undefined): ConditionHolds =>
  (condition, at) => {
    const set = hoursOf(condition.workingHoursId);
    return set !== undefined && isWithinWorkingHours(set, at) === (condition.when === 'during');
  };

/** Who a target pages at an instant. Read it, do not change it: it may be the target's own list. */
export type ResolveTarget = (target: LayerTarget, at: number) => readonly string[];

/** `reason` is set only for a layer skipped because its condition did not hold (else: nobody to page). */
export type SkippedLayer = { position: number; layerId: string; reason?: 'condition_not_met' };
export type PagedLayer = { position: number; layerId: string; userIds: readonly string[]; timeoutMs: number };

/** Whether the layer at `position` is skipped for its condition: never the last one (see `escalateFrom`). */
const failsCondition = (layers: readonly RuleLayer[], position: number, at: number, holds: ConditionHolds) => {
  const { condition } = layers[position - 1]!;
  return !!condition && position < layers.length && !holds(condition, at);
};

/**
 * What happens when escalation reaches `position` (position 1 when an incident opens; the next
 * position when a layer's timer runs out unacknowledged): the first layer from there on whose
 * condition holds and that resolves to someone is paged and its timer armed; the others are skipped
 * at the same instant (never held). The LAST layer's condition is never checked: reaching it means
 * every layer before it from `position` was skipped, so it pages anyway if it resolves to someone
 * (the provider's "if every step's condition fails, the last step pages anyway"). `null` means there is nobody left: escalation is
 * exhausted. `skippedLayers` lists the layers skipped on the way. This runs on every step of a
 * simulation, so it allocates only the answer.
 */
export const escalateFrom = (
  layers: readonly RuleLayer[],
  position: number,
  at: number,
  resolve: ResolveTarget,
  holds: ConditionHolds = alwaysHolds,
): PagedLayer | null => {
  for (let current = Math.max(1, position); current <= layers.length; current++) {
    const layer = layers[current - 1]!;
    if (failsCondition(layers, current, at, holds)) continue;
    const userIds = resolve(layer.target, at);
    if (userIds.length > 0) return { position: current, layerId: layer.id, userIds, timeoutMs: layer.ackTimeoutMinutes * 60_000 };
  }
  return null;
};

/** The layers `escalateFrom` skipped on its way from `position` to `paged` (or to the end). */
export const skippedLayers = (
  layers: readonly RuleLayer[],
  position: number,
  paged: PagedLayer | null,
  at: number,
  holds: ConditionHolds = alwaysHolds,
): SkippedLayer[] => {
  const skipped: SkippedLayer[] = [];
  for (let current = Math.max(1, position); current < (paged?.position ?? layers.length + 1); current++) {
    const { id } = layers[current - 1]!;
    skipped.push({ position: current, layerId: id, ...(failsCondition(layers, current, at, holds) && { reason: 'condition_not_met' as const }) });
  }
  return skipped;
};

/**
 * A `schedule` target pages the schedule's paging targets at that instant (everyone on call on an
 * active layer); a `users` target pages each listed user. Either way only current members are
 * paged, and an unknown schedule pages nobody.
 */
export const targetResolver = (
  scheduleOf: (scheduleId: string) => OrderedSchedule | undefined,
  isMember: (userId: string) => boolean,
): ResolveTarget => {
  // Usually everyone is still a member: then the list itself is the answer, and nothing is copied.
  const members = (userIds: readonly string[]) => (userIds.every(isMember) ? userIds : userIds.filter(isMember));
  return (target, at) => {
    if (target.type === 'users') return members(target.userIds);
    const schedule = scheduleOf(target.scheduleId);
    return schedule ? members(pagingTargetsAt(schedule, at)) : [];
  };
};
