import { resolveOnCall, type OnCallSchedule } from '../oncall/rotation.js';
import type { LayerTarget } from '../schemas/policy-layers.js';

/**
 * The escalation rules, shared by the mock's engine and by `simulateEscalation()`: one
 * implementation, so a simulated timeline and the mock's pages cannot disagree.
 */

/** A policy layer as the rules read it. Layers are in position order: position = index + 1. */
export type RuleLayer = { id: string; ackTimeoutMinutes: number; target: LayerTarget };

/** Who a target pages at an instant. */
export type ResolveTarget = (target: LayerTarget, at: number) => readonly string[];

export type SkippedLayer = { position: number; layerId: string };
export type PagedLayer = { position: number; layerId: string; userIds: readonly string[]; timeoutMs: number };

/**
 * What happens when escalation reaches `position` (position 1 when an incident opens; the next
 * position when a layer's timer runs out unacknowledged): the layer there is paged and its timer
 * armed, or, when it resolves to nobody, it is skipped and the next one is tried at the same
 * instant. `paged: null` means there is nobody left: escalation is exhausted.
 */
export const escalateFrom = (
  layers: readonly RuleLayer[],
  position: number,
  at: number,
  resolve: ResolveTarget,
): { skipped: SkippedLayer[]; paged: PagedLayer | null } => {
  const skipped: SkippedLayer[] = [];
  for (let current = Math.max(1, position); current <= layers.length; current++) {
    const layer = layers[current - 1]!;
    const userIds = resolve(layer.target, at);
    if (userIds.length > 0) {
      return { skipped, paged: { position: current, layerId: layer.id, userIds, timeoutMs: layer.ackTimeoutMinutes * 60_000 } };
    }
    skipped.push({ position: current, layerId: layer.id });
  }
  return { skipped, paged: null };
};

/**
 * A `schedule` target pages the schedule's paging targets at that instant (everyone on call on an
 * active layer); a `users` target pages each listed user who is still a member. An unknown
 * schedule pages nobody.
 */
export const targetResolver =
  (scheduleOf: (scheduleId: string) => OnCallSchedule | undefined, isMember: (userId: string) => boolean): ResolveTarget =>
  (target, at) => {
    if (target.type === 'users') return target.userIds.filter(isMember);
    const schedule = scheduleOf(target.scheduleId);
    return schedule ? resolveOnCall(schedule, at).pagingTargets : [];
  };
