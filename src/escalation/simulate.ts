import type { LayerTarget } from '../schemas/policy-layers.js';
import type { OrderedSchedule } from '../oncall/rotation.js';
import type { WeeklyHours } from '../working-hours/within.js';
import type { LayerCondition } from '../schemas/policy-layers.js';
import { conditionChecker, escalateFrom, skippedLayers, targetResolver, type RuleLayer } from './rules.js';

/**
 * `simulateEscalation()`: who would be paged, and when, for an incident opened under a policy, with
 * no mock and no network. It runs the very rules the mock's engine runs, so the two cannot
 * disagree; a test checks it on random policies.
 */

/** A layer as `policies.get()` returns it: only these fields are read. */
export type SimulatedLayer = {
  id: string;
  position: number;
  ackTimeoutMinutes: number;
  target: LayerTarget;
  /** A working-hours gate, as `policies.get()` shows it (absent or `null`: always eligible). */
  condition?: LayerCondition | null | undefined;
};

/** A working-hours set as `workingHours.get()` returns it: only these fields are read. */
export interface SimulatedWorkingHours extends WeeklyHours {
  id: string;
}

/** A schedule as `schedules.get()` returns it: only these fields are read. */
export type SimulatedSchedule = {
  id: string;
  timezone: string;
  layers: ReadonlyArray<{
    id: string;
    position: number;
    rotationLengthDays: number;
    handoffTime: string;
    effectiveFrom: string;
    effectiveUntil: string | null;
    participantIds: readonly string[];
  }>;
};

export type SimulateEscalationOptions = {
  /** The schedules the policy's layers target (a missing one pages nobody). */
  schedules?: readonly SimulatedSchedule[];
  /** The working-hours sets the layers' conditions name (a missing one never holds). */
  workingHours?: readonly SimulatedWorkingHours[];
  /** When the incident opens: a `Date`, an ISO 8601 string or epoch milliseconds. */
  at: Date | string | number;
  /** Acknowledged this many minutes after opening: later steps do not happen. */
  acknowledgeAfterMinutes?: number;
  /** When given, only these users can be paged (the API pages current members only). */
  members?: readonly string[];
};

export type EscalationStep =
  | { type: 'paged'; at: string; position: number; layerId: string; userIds: string[] }
  | { type: 'skipped'; at: string; position: number; layerId: string; reason?: 'condition_not_met' }
  | { type: 'exhausted'; at: string }
  | { type: 'acknowledged'; at: string };

export type EscalationWarning = {
  code: 'layer_pages_nobody' | 'short_final_layer' | 'slow_exhaustion' | 'same_user_on_consecutive_layers';
  message: string;
  position?: number;
};

export type EscalationSimulation = {
  /** Every step in time order. */
  timeline: EscalationStep[];
  /** One entry per user paged, in order: what `mock.pages()` would list. */
  pages: Array<{ userId: string; layerId: string; position: number; at: string }>;
  /** When escalation runs out of layers, or `null` if it was acknowledged first. */
  exhaustedAt: string | null;
  /** When it was acknowledged (`acknowledgeAfterMinutes`), before or after exhaustion. */
  acknowledgedAt: string | null;
  warnings: EscalationWarning[];
};

const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;

const toMillis = (instant: Date | string | number): number => {
  const ms = instant instanceof Date ? instant.getTime() : typeof instant === 'string' ? Date.parse(instant) : instant;
  if (!Number.isFinite(ms)) throw new RangeError(`at must be a Date, an ISO 8601 string or epoch milliseconds; got ${String(instant)}`);
  return ms;
};

const ordered = (schedule: SimulatedSchedule): OrderedSchedule => ({
  timezone: schedule.timezone,
  layers: [...schedule.layers]
    .sort((a, b) => a.position - b.position)
    .map((layer) => ({
      id: layer.id,
      rotationLengthDays: layer.rotationLengthDays,
      handoffTime: layer.handoffTime,
      effectiveFrom: Date.parse(layer.effectiveFrom),
      effectiveUntil: layer.effectiveUntil === null ? null : Date.parse(layer.effectiveUntil),
      participantIds: layer.participantIds,
    })),
});

/**
 * The timeline of an incident opened at `at` under `policy`: layer 1 is paged at once; each layer's
 * `ackTimeoutMinutes` later the next one is; a layer that pages nobody is skipped on the spot; after
 * the last layer's timeout escalation is exhausted. A step due exactly when the incident is
 * acknowledged still happens (as in the mock, when the clock reaches it before the acknowledgment).
 */
export const simulateEscalation = (
  policy: { layers: readonly SimulatedLayer[] },
  options: SimulateEscalationOptions,
): EscalationSimulation => {
  const start = toMillis(options.at);
  const acknowledgeAt = options.acknowledgeAfterMinutes === undefined ? undefined : start + options.acknowledgeAfterMinutes * MINUTE;
  if (acknowledgeAt !== undefined && !(acknowledgeAt >= start)) throw new RangeError('acknowledgeAfterMinutes must be a number >= 0');
  const layers: RuleLayer[] = [...policy.layers].sort((a, b) => a.position - b.position);
  const schedules = new Map((options.schedules ?? []).map((schedule) => [schedule.id, ordered(schedule)]));
  const members = options.members && new Set(options.members);
  const resolve = targetResolver((id) => schedules.get(id), (userId) => members?.has(userId) ?? true);
  const hours = new Map((options.workingHours ?? []).map((set) => [set.id, set]));
  const holds = conditionChecker((id) => hours.get(id));

  const iso = (time: number) => new Date(time).toISOString();
  const simulation: EscalationSimulation = { timeline: [], pages: [], exhaustedAt: null, acknowledgedAt: null, warnings: [] };
  const pagedBy: Array<{ position: number; userIds: readonly string[] }> = [];
  let at = start;
  let position = 1;
  for (;;) {
    const paged = escalateFrom(layers, position, at, resolve, holds);
    for (const skipped of skippedLayers(layers, position, paged, at, holds)) {
      simulation.timeline.push({ type: 'skipped', at: iso(at), ...skipped });
      // A gated layer skipped is the policy working as written, not a gap to warn about.
      if (skipped.reason) continue;
      simulation.warnings.push({
        code: 'layer_pages_nobody',
        position: skipped.position,
        message: `Layer ${skipped.position} pages nobody at ${iso(at)}: it is skipped.`,
      });
    }
    if (paged === null) {
      simulation.exhaustedAt = iso(at);
      simulation.timeline.push({ type: 'exhausted', at: iso(at) });
      // Someone may still acknowledge an exhausted incident; it is recorded all the same.
      if (acknowledgeAt !== undefined) {
        simulation.acknowledgedAt = iso(acknowledgeAt);
        simulation.timeline.push({ type: 'acknowledged', at: iso(acknowledgeAt) });
      }
      break;
    }
    simulation.timeline.push({ type: 'paged', at: iso(at), position: paged.position, layerId: paged.layerId, userIds: [...paged.userIds] });
    for (const userId of paged.userIds) simulation.pages.push({ userId, layerId: paged.layerId, position: paged.position, at: iso(at) });
    pagedBy.push(paged);
    const next = at + paged.timeoutMs;
    if (acknowledgeAt !== undefined && acknowledgeAt < next) {
      simulation.acknowledgedAt = iso(acknowledgeAt);
      simulation.timeline.push({ type: 'acknowledged', at: iso(acknowledgeAt) });
      break;
    }
    at = next;
    position = paged.position + 1;
  }
  simulation.warnings.push(...warningsOf(layers, pagedBy, simulation, start));
  return simulation;
};

const warningsOf = (
  layers: readonly RuleLayer[],
  pagedBy: ReadonlyArray<{ position: number; userIds: readonly string[] }>,
  simulation: EscalationSimulation,
  start: number,
): EscalationWarning[] => {
  const warnings: EscalationWarning[] = [];
  const last = layers.at(-1);
  if (last && last.ackTimeoutMinutes < 5) {
    warnings.push({
      code: 'short_final_layer',
      position: layers.length,
      message: `The final layer waits only ${last.ackTimeoutMinutes} minute(s) before escalation is exhausted: give the last responder time to act.`,
    });
  }
  if (simulation.exhaustedAt !== null && Date.parse(simulation.exhaustedAt) - start > DAY) {
    const hours = ((Date.parse(simulation.exhaustedAt) - start) / 3_600_000).toFixed(1);
    warnings.push({ code: 'slow_exhaustion', message: `Escalation takes ${hours} hours to run out: over 24 hours.` });
  }
  for (let i = 1; i < pagedBy.length; i++) {
    const [before, after] = [pagedBy[i - 1]!, pagedBy[i]!];
    const twice = after.userIds.filter((userId) => before.userIds.includes(userId));
    if (after.position === before.position + 1 && twice.length > 0) {
      warnings.push({
        code: 'same_user_on_consecutive_layers',
        position: after.position,
        message: `Layers ${before.position} and ${after.position} both page ${twice.join(', ')}: escalating does not reach anyone new.`,
      });
    }
  }
  return warnings;
};
