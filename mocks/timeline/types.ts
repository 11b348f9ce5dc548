/**
 * An escalation's story in time, as plain JSON-safe data: what `mock.timeline(incidentId)` returns,
 * what `timelineOfSimulation()` makes of a `simulateEscalation()` result, and all that `toSVG()` and
 * `toText()` read. One shape for both, so a dry run and the mock are drawn alike.
 */

/** Why a layer was passed over: its working-hours condition did not hold, or it resolved to nobody. */
export type SkipReason = 'condition_not_met' | 'nobody_to_page';

export type TimelineEvent =
  /** The incident opened (the time axis starts here). */
  | { kind: 'opened'; at: string }
  /** One user notified: reached by escalation, or handed the incident. `position` is `null` for a handoff without a layer. */
  | { kind: 'page'; at: string; position: number | null; layerId: string | null; userId: string; reason: 'escalation' | 'handoff' }
  /** A layer's timer ran out unacknowledged: escalation moved on from `fromPosition` to `toPosition` (`null` when it ran out of layers). */
  | { kind: 'escalated'; at: string; fromPosition: number | null; toPosition: number | null }
  | { kind: 'skipped'; at: string; position: number; layerId: string; reason: SkipReason }
  /** `userId` is `null` in a simulation (`acknowledgeAfterMinutes` names no one). */
  | { kind: 'acknowledged'; at: string; userId: string | null }
  | { kind: 'handoff'; at: string; fromUserId: string | null; toUserId: string }
  /** Every layer timed out (or none was left to reach): nobody more will be paged. */
  | { kind: 'exhausted'; at: string }
  | { kind: 'resolved'; at: string }
  /** The escalation stopped because its policy was deleted. */
  | { kind: 'stopped'; at: string; reason: 'policy_deleted' }
  /** A status change other than resolution (`investigating` → `identified` → `monitoring`). */
  | { kind: 'status'; at: string; from: string; to: string };

export type TimelineEventKind = TimelineEvent['kind'];

/** One lane per layer position of the policy, in position order. */
export type TimelineLane = {
  position: number;
  layerId: string;
  ackTimeoutMinutes: number | null;
  /** Who the layer targets, for people: a schedule's name or the users' names. */
  target: string;
  /** A working-hours gate, described (`during Office hours`), or `null`. */
  condition: string | null;
};

export type Timeline = {
  /** `mock` for `mock.timeline()`, `simulation` for `timelineOfSimulation()`. */
  source: 'mock' | 'simulation';
  /** The incident's id; `null` for a simulation. */
  incidentId: string | null;
  /** The incident's title, or the simulation's (default `Simulated escalation`). */
  title: string;
  /** The incident's status now; `null` for a simulation. */
  status: string | null;
  /** Where the escalation stands (`active`, `acknowledged`, `exhausted`, `resolved`, `stopped`); `null` without a policy. */
  escalationState: string | null;
  policy: { id: string | null; name: string | null } | null;
  lanes: TimelineLane[];
  /** When the incident opened: ISO 8601. */
  start: string;
  /** The mock clock's time when the timeline was read; `null` for a simulation. */
  now: string | null;
  /** The next due escalation step: when the layer at `position` times out. `null` when none is armed. */
  next: { at: string; position: number | null } | null;
  /** Every event in the order it happened. */
  events: TimelineEvent[];
  /** Display names of the users the events name, by id (a removed member reads `Former member`). */
  names: Record<string, string>;
};

/** What `mock.timeline()` returns: the data, with the two renderers bound to it. */
export type MockTimeline = Timeline & {
  /** The timeline drawn as a standalone SVG document (see `toSVG`). */
  toSVG(options?: TimelineSVGOptions): string;
  /** The timeline as text, one event a line (see `toText`). */
  toText(): string;
};

export type TimelineSVGOptions = {
  /** The drawing's width in pixels. Default 1200, at least 480. */
  width?: number;
};
