import type { EscalationSimulation, SimulatedLayer } from '../../src/escalation/simulate.js';
import type { Timeline, TimelineEvent, TimelineLane } from './types.js';

/** What a simulation does not know, for the picture: names, and the policy for its lanes. */
export type SimulationTimelineOptions = {
  /** Default `Simulated escalation`. */
  title?: string;
  /** The policy simulated: one lane per layer (without it, one per position the timeline reaches). */
  policy?: { id?: string; name?: string; layers: readonly SimulatedLayer[] };
  /** Display names by user id (default: the ids). */
  names?: Readonly<Record<string, string>>;
  /** The schedules, as given to `simulateEscalation()` or from `schedules.get()`: their names label the lanes. */
  schedules?: ReadonlyArray<{ id: string; name?: string }>;
  /** The working-hours sets, as given to `simulateEscalation()`: their names describe the gates. */
  workingHours?: ReadonlyArray<{ id: string; name?: string }>;
};

const isSimulation = (value: unknown): value is EscalationSimulation =>
  typeof value === 'object' && value !== null && Array.isArray((value as EscalationSimulation).timeline) && 'exhaustedAt' in value && 'warnings' in value;

/** A `simulateEscalation()` result, or a timeline already: what `toSVG` and `toText` take. */
export const asTimeline = (input: Timeline | EscalationSimulation): Timeline => (isSimulation(input) ? timelineOfSimulation(input) : input);

const nameIn = (list: ReadonlyArray<{ id: string; name?: string }> | undefined, id: string) => list?.find((item) => item.id === id)?.name;

const lanesOf = (options: SimulationTimelineOptions): TimelineLane[] =>
  [...(options.policy?.layers ?? [])]
    .sort((a, b) => a.position - b.position)
    .map((layer) => ({
      position: layer.position,
      layerId: layer.id,
      ackTimeoutMinutes: layer.ackTimeoutMinutes,
      target:
        layer.target.type === 'schedule'
          ? (nameIn(options.schedules, layer.target.scheduleId) ?? `schedule ${layer.target.scheduleId}`)
          : layer.target.userIds.map((userId) => options.names?.[userId] ?? userId).join(', '),
      condition: layer.condition ? `${layer.condition.when} ${nameIn(options.workingHours, layer.condition.workingHoursId) ?? layer.condition.workingHoursId}` : null,
    }));

/**
 * The timeline of a dry run, in the shape `mock.timeline()` has, so both draw alike: an `escalated`
 * step is written where a layer's timeout moved escalation on (before the layer paged or skipped
 * then, and not when the last layer simply ran out), as the mock's engine writes it.
 */
export const timelineOfSimulation = (simulation: EscalationSimulation, options: SimulationTimelineOptions = {}): Timeline => {
  const steps = simulation.timeline;
  const start = steps[0]?.at ?? simulation.exhaustedAt ?? new Date(0).toISOString();
  const events: TimelineEvent[] = [{ kind: 'opened', at: start }];
  let lastPaged: number | null = null;
  let lastAt = start;
  for (const step of steps) {
    if (step.at !== lastAt && (step.type === 'paged' || step.type === 'skipped')) {
      events.push({ kind: 'escalated', at: step.at, fromPosition: lastPaged, toPosition: step.position });
    }
    if (step.type !== 'acknowledged') lastAt = step.at;
    switch (step.type) {
      case 'paged':
        for (const userId of step.userIds) events.push({ kind: 'page', at: step.at, position: step.position, layerId: step.layerId, userId, reason: 'escalation' });
        lastPaged = step.position;
        break;
      case 'skipped':
        events.push({ kind: 'skipped', at: step.at, position: step.position, layerId: step.layerId, reason: step.reason ?? 'nobody_to_page' });
        break;
      case 'exhausted':
        events.push({ kind: 'exhausted', at: step.at });
        break;
      case 'acknowledged':
        events.push({ kind: 'acknowledged', at: step.at, userId: null });
        break;
    }
  }
  const names: Record<string, string> = {};
  for (const event of events) if (event.kind === 'page' && options.names?.[event.userId] !== undefined) names[event.userId] = options.names[event.userId]!;
  return {
    source: 'simulation',
    incidentId: null,
    title: options.title ?? 'Simulated escalation',
    status: null,
    escalationState: steps.at(-1)?.type ?? null,
    policy: options.policy ? { id: options.policy.id ?? null, name: options.policy.name ?? null } : null,
    lanes: lanesOf(options),
    start,
    now: null,
    next: null,
    events,
    names,
  };
};
