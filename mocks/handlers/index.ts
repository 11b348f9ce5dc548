import type { HttpHandler } from 'msw';
import { fallbackHandler } from './fallback.js';
import { policyHandlers } from './policies.js';
import { policyLayerHandlers } from './policy-layers.js';
import type { MockContext } from './route.js';

/** Every endpoint of the mock, then the fallback that answers unknown routes like the API. */
export const createHandlers = (ctx: MockContext): HttpHandler[] => {
  const routes = [...policyHandlers(ctx), ...policyLayerHandlers(ctx)];
  return [...routes, fallbackHandler(ctx, routes)];
};
