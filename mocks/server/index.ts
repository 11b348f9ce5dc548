/**
 * `@scaling-cloud/sdk/mocks/server`: the mock as a standalone HTTP server, for Node only (it listens with
 * `node:http`). Kept apart from `@scaling-cloud/sdk/mocks`, which runs in browsers too, as `msw/node` is
 * apart from `msw/browser`. The `scaling-mock` command line runs the same server.
 *
 * @module @scaling-cloud/sdk/mocks/server
 */
export { startMockServer } from './server.js';
export type { MockServer, MockServerOptions } from './server.js';
export { SeedError, parseSeed } from './seed.js';
export type { Seed, SeedContext, SeedInput, SeedSummary } from './seed.js';
export type { RoutingRefs, RoutingSummary } from './seed-routing.js';
export { CONTROL_HEADER } from './guard.js';
