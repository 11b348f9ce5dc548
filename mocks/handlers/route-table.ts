import { type AnyEndpoint, type EndpointTable, endpointTable } from '../../src/endpoints/index.js';
import { componentRoutes } from './components.js';
import { incidentRoutes, incidentUpdateRoutes } from './incidents.js';
import { policyLayerRoutes, policyRoutes } from './policies.js';
import type { RouteHandle, RouteHandles } from './route.js';
import { inboundIntegrationRoutes, routingPolicyRoutes } from './routing.js';
import { scheduleLayerRoutes, scheduleRoutes } from './schedules.js';
import { teamRoutes, userRoutes } from './team.js';
import { workingHoursRoutes } from './working-hours.js';

/** The store call of every endpoint in the table, group by group. */
const routeHandles: { [Group in keyof EndpointTable]: RouteHandles<EndpointTable[Group]> } = {
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

/** One endpoint with its store call, and its path split into segments (`undefined`: a parameter). */
export type TableRoute = {
  endpoint: AnyEndpoint;
  handle: RouteHandle<AnyEndpoint>;
  segments: ReadonlyArray<string | undefined>;
  paramNames: readonly string[];
};

/** Every endpoint of the table with its store call, in the table's order (the order MSW would try them in). */
export const tableRoutes: readonly TableRoute[] = Object.entries(endpointTable).flatMap(([group, endpoints]) =>
  Object.entries(endpoints).map(([name, endpoint]): TableRoute => {
    const handle = (routeHandles as Record<string, Record<string, RouteHandle<AnyEndpoint>>>)[group]![name]!;
    const parts = (endpoint as AnyEndpoint).path.split('/');
    return {
      endpoint: endpoint as AnyEndpoint,
      handle,
      segments: parts.map((part) => (/^\{\w+\}$/.test(part) ? undefined : part)),
      paramNames: parts.flatMap((part) => /^\{(\w+)\}$/.exec(part)?.slice(1) ?? []),
    };
  }),
);

/**
 * The routes by method and number of segments, each list in the table's order: a request is compared
 * with the few that could match it, not walked past every route before it. Built once per process.
 */
const candidates = new Map<string, TableRoute[][]>();
for (const route of tableRoutes) {
  const method = route.endpoint.method.toUpperCase();
  const byLength = candidates.get(method) ?? [];
  candidates.set(method, byLength);
  (byLength[route.segments.length] ??= []).push(route);
}

/** A parameter as MSW gives it: percent-decoded, or as sent when it is not valid percent-encoding. */
const decoded = (segment: string) => {
  if (!segment.includes('%')) return segment;
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
};

export type RouteMatch = { route: TableRoute; params: Record<string, string> };

/**
 * The endpoint a request names, as MSW matched the per-endpoint handlers: the first in the table's
 * order with this method whose literal segments are equal and whose parameters are not empty; one
 * trailing slash is allowed (`/components/` lists). Literal segments are compared as sent, as the
 * fallback's 405 and the request log's paths read them (msw 3 would also take `%70olicies` for
 * `policies`; msw 2 did not). `path` is below the base URL.
 */
export const findRoute = (method: string, path: string): RouteMatch | undefined => {
  const trimmed = path.length > 1 && path.endsWith('/') ? path.slice(0, -1) : path;
  const segments = trimmed.split('/');
  const list = candidates.get(method.toUpperCase())?.[segments.length];
  if (!list) return undefined;
  next: for (const route of list) {
    for (let i = 0; i < segments.length; i++) {
      const literal = route.segments[i];
      if (literal === undefined ? segments[i] === '' : literal !== segments[i]) continue next;
    }
    const params: Record<string, string> = {};
    let name = 0;
    for (let i = 0; i < segments.length; i++) {
      if (route.segments[i] === undefined) params[route.paramNames[name++]!] = decoded(segments[i]!);
    }
    return { route, params };
  }
  return undefined;
};
