import type { HttpHandler } from 'msw';
import { componentHandlers } from './components.js';
import { fallbackHandler } from './fallback.js';
import { incidentHandlers } from './incidents.js';
import { policyHandlers } from './policies.js';
import { policyLayerHandlers } from './policy-layers.js';
import type { MockContext } from './route.js';
import { scheduleHandlers } from './schedules.js';
import { teamHandlers } from './team.js';

/** Every endpoint of the mock, then the fallback that answers unknown routes like the API. */
export const createHandlers = (ctx: MockContext): HttpHandler[] => {
  const routes = [
    ...policyHandlers(ctx),
    ...policyLayerHandlers(ctx),
    ...incidentHandlers(ctx),
    ...scheduleHandlers(ctx),
    ...teamHandlers(ctx),
    ...componentHandlers(ctx),
  ];
  return [...routes, fallbackHandler(ctx, routes)];
};
