import { pagingTargetsAt, type OrderedSchedule } from '../oncall/rotation.js';
import type { LayerTarget } from '../schemas/policy-layers.js';

/**
 * The escalation rules, shared by the mock's engine and by `simulateEscalation()`: one
 * implementation, so a simulated timeline and the mock's pages cannot disagree.
 */

/** A policy layer as the rules read it. Layers are in position order: position = index + 1. */
export type RuleLayer = { id: string; ackTimeoutMinutes: number; target: LayerTarget };

/** Who a target pages at an instant: a fresh array, which the caller may keep. */
export type ResolveTarget = (target: LayerTarget, at: number) => string[];

export type SkippedLayer = { position: number; layerId: string };
export type PagedLayer = { position: number; layerId: string; userIds: string[]; timeoutMs: number };

/**
 * What happens when escalation reaches `position` (position 1 when an incident opens; the next
 * position when a layer's timer runs out unacknowledged): the layer there is paged and its timer
 * armed, or, when it resolves to nobody, it is skipped (`onSkip`) and the next one is tried at the
 * same instant. `null` means there is nobody left: escalation is exhausted. This runs on every
 * step of a simulation, so it allocates only the answer.
 */
export const escalateFrom = (
  layers: readonly RuleLayer[],
  position: number,
  at: number,
  resolve: ResolveTarget,
  onSkip: (skipped: SkippedLayer) => void,
): PagedLayer | null => {
  for (let current = Math.max(1, position); current <= layers.length; current++) {
    const layer = layers[current - 1]!;
    const userIds = resolve(layer.target, at);
    if (userIds.length > 0) return { position: current, layerId: layer.id, userIds, timeoutMs: layer.ackTimeoutMinutes * 60_000 };
    onSkip({ position: current, layerId: layer.id });
  }
  return null;
};

/**
 * A `schedule` target pages the schedule's paging targets at that instant (everyone on call on an
 * active layer); a `users` target pages each listed user. Either way only current members are
 * paged, and an unknown schedule pages nobody.
 */
export const targetResolver =
  (scheduleOf: (scheduleId: string) => OrderedSchedule | undefined, isMember: (userId: string) => boolean): ResolveTarget =>
  (target, at) => {
    if (target.type === 'users') return target.userIds.filter(isMember);
    const schedule = scheduleOf(target.scheduleId);
    return schedule ? pagingTargetsAt(schedule, at).filter(isMember) : [];
  };
