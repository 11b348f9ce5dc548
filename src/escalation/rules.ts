import { pagingTargetsAt, type OrderedSchedule } from '../oncall/rotation.js';
import type { LayerTarget } from '../schemas/policy-layers.js';

/**
 * The escalation rules, shared by the mock's engine and by `simulateEscalation()`: one
 * implementation, so a simulated timeline and the mock's pages cannot disagree.
 */

/** A policy layer as the rules read it. Layers are in position order: position = index + 1. */
export type RuleLayer = { id: string; ackTimeoutMinutes: number; target: LayerTarget };

/** Who a target pages at an instant. Read it, do not change it: it may be the target's own list. */
export type ResolveTarget = (target: LayerTarget, at: number) => readonly string[];

export type SkippedLayer = { position: number; layerId: string };
export type PagedLayer = { position: number; layerId: string; userIds: readonly string[]; timeoutMs: number };

/**
 * What happens when escalation reaches `position` (position 1 when an incident opens; the next
 * position when a layer's timer runs out unacknowledged): the layer there is paged and its timer
 * armed, or, when it resolves to nobody, it is skipped and the next one is tried at the same
 * instant. `null` means there is nobody left: escalation is exhausted. The layers from `position`
 * up to the paged one (or to the last, when exhausted) were skipped; `skippedLayers` lists them.
 * This runs on every step of a simulation, so it allocates only the answer.
 */
export const escalateFrom = (layers: readonly RuleLayer[], position: number, at: number, resolve: ResolveTarget): PagedLayer | null => {
  for (let current = Math.max(1, position); current <= layers.length; current++) {
    const layer = layers[current - 1]!;
    const userIds = resolve(layer.target, at);
    if (userIds.length > 0) return { position: current, layerId: layer.id, userIds, timeoutMs: layer.ackTimeoutMinutes * 60_000 };
  }
  return null;
};

/** The layers `escalateFrom` skipped on its way from `position` to `paged` (or to the end). */
export const skippedLayers = (layers: readonly RuleLayer[], position: number, paged: PagedLayer | null): SkippedLayer[] => {
  const skipped: SkippedLayer[] = [];
  for (let current = Math.max(1, position); current < (paged?.position ?? layers.length + 1); current++) {
    skipped.push({ position: current, layerId: layers[current - 1]!.id });
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
