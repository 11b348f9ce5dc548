/**
 * The in-memory mock of the whole Scaling API for tests, with its escalation engine under a virtual
 * clock: `createScalingMock()`, served through MSW or its own `fetch`. Runs in Node and in browsers.
 *
 * @module @scaling-cloud/sdk/mocks
 */
export { createScalingMock } from './mock.js';
export { scalingError } from './scaling-error.js';
export type {
  FaultKind,
  MockFaultRule,
  MockRequest,
  MockRequestFilter,
  MockOrg,
  MockPage,
  MockSchedule,
  MockScheduleLayerInput,
  MockSnapshot,
  MockStatusPage,
  MockUser,
  MockAlertResult,
  MockInboundIntegration,
  PageFilter,
  ScalingMock,
  ScalingMockOptions,
} from './mock.js';
export type { MemberRole as MockMemberRole } from '../src/schemas/team.js';
export type { Instant, VirtualClock } from './engine/clock.js';
export type { PageReason } from './engine/page-log.js';
export { MAX_BODY_BYTES } from './handlers/route.js';
// Escalation timelines: `mock.timeline(id)` returns the data; these draw it, or a `simulateEscalation()` result.
export { timelineOfSimulation, toSVG, toText } from './timeline/index.js';
export type { MockTimeline, SimulationTimelineOptions, SkipReason, Timeline, TimelineEvent, TimelineEventKind, TimelineLane, TimelineSVGOptions } from './timeline/index.js';
