export { createScalingMock } from './mock.js';
export type { MockOrg, MockSchedule, MockScheduleLayerInput, MockStatusPage, MockUser, ScalingMock, ScalingMockOptions } from './mock.js';
export type { Instant, VirtualClock } from './engine/clock.js';
export { MAX_BODY_BYTES } from './handlers/route.js';
