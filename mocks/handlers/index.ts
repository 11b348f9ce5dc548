import type { HttpHandler } from 'msw';
import { fallbackHandler } from './fallback.js';
import { type Dispatcher, frontHandler } from './front.js';
import { longUrlHandler, type MockContext, route } from './route.js';
import { tableRoutes } from './route-table.js';

/**
 * MSW notes where each handler was declared (a stack trace per handler) for its own log lines; for
 * the mock's handlers that is always this file, and taking ~70 stack traces cost more than the rest
 * of `createScalingMock()` together (about 7 ms of a test's setup under vitest's source maps).
 */
const withoutStackTraces = <T,>(build: () => T): T => {
  const limit = Error.stackTraceLimit;
  Error.stackTraceLimit = 0;
  try {
    return build();
  } finally {
    Error.stackTraceLimit = limit;
  }
};

/**
 * `mock.handlers`: the front, which answers every request under the base URL itself (the
 * dispatcher: faults, overrides, routing), then the same answers as MSW handlers of their own, for a
 * setup that picks them out: the 414 guard, every endpoint of the table in its order, and the
 * fallback that answers unknown routes like the API. Behind the front, MSW never reaches them.
 */
export const createHandlers = (ctx: MockContext, dispatcher: Dispatcher): HttpHandler[] =>
  withoutStackTraces(() => [
    frontHandler(dispatcher),
    longUrlHandler(ctx),
    ...tableRoutes.map((table) => route(ctx, table.endpoint, table.handle)),
    fallbackHandler(ctx),
  ]);
