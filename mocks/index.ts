export { createScalingMock } from './mock.js';
export type {
  MockOrg,
  MockPage,
  MockSchedule,
  MockScheduleLayerInput,
  MockStatusPage,
  MockUser,
  PageFilter,
  ScalingMock,
  ScalingMockOptions,
} from './mock.js';
export type { MemberRole as MockMemberRole } from '../src/schemas/team.js';
export type { Instant, VirtualClock } from './engine/clock.js';
export { MAX_BODY_BYTES } from './handlers/route.js';
export { startMockServer } from './server/server.js';
export type { MockServer, MockServerOptions } from './server/server.js';
export { SeedError, parseSeed } from './server/seed.js';
export type { SeedInput, SeedSummary } from './server/seed.js';
