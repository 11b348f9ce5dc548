import type { HttpHandler } from 'msw';
import { type AnyEndpoint, type EndpointTable, endpointTable } from '../../src/endpoints/index.js';
import { componentRoutes } from './components.js';
import { fallbackHandler } from './fallback.js';
import { frontHandler } from './front.js';
import { incidentRoutes, incidentUpdateRoutes } from './incidents.js';
import { policyLayerRoutes, policyRoutes } from './policies.js';
import { inboundIntegrationRoutes, routingPolicyRoutes } from './routing.js';
import { longUrlHandler, type MockContext, route, type RouteHandle, type RouteHandles } from './route.js';
import { scheduleLayerRoutes, scheduleRoutes } from './schedules.js';
import { teamRoutes, userRoutes } from './team.js';
import { workingHoursRoutes } from './working-hours.js';

/** The store call of every endpoint in the table, group by group. */
const routeTable: { [Group in keyof EndpointTable]: RouteHandles<EndpointTable[Group]> } = {
  policies: policyRoutes,
  policyLayers: policyLayerRoutes,
  incidents: incidentRoutes,
  incidentUpdates: incidentUpdateRoutes,
  schedules: scheduleRoutes,
  scheduleLayers: scheduleLayerRoutes,
  team: teamRoutes,
  users: userRoutes,
  components: componentRoutes,
  workingHours: workingHoursRoutes,
  routingPolicies: routingPolicyRoutes,
  inboundIntegrations: inboundIntegrationRoutes,
};

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
 * The faults-and-overrides handler, the 414 guard, every endpoint of the table in its order, then the
 * fallback that answers unknown routes like the API.
 */
export const createHandlers = (ctx: MockContext): HttpHandler[] =>
  withoutStackTraces(() => {
    const routes = Object.entries(endpointTable).flatMap(([group, endpoints]) =>
      Object.entries(endpoints).map(([name, endpoint]) => {
        const handle = (routeTable as Record<string, Record<string, RouteHandle<AnyEndpoint>>>)[group]![name]!;
        return route(ctx, endpoint as AnyEndpoint, handle);
      }),
    );
    const own = [longUrlHandler(ctx), ...routes, fallbackHandler(ctx)];
    return [frontHandler(ctx, own), ...own];
  });
