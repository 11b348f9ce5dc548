import { http, type HttpHandler } from 'msw';
import { endpoints } from '../../src/endpoints/index.js';
import { MockApiError } from '../store/errors.js';
import { newRequestId } from '../store/ids.js';
import { errorResponse, type MockContext } from './route.js';

/** Each path template of the table once, as a pattern over the path below the base URL. */
const templates = [...new Set(endpoints.map((endpoint) => endpoint.path))].map((path) => ({
  path,
  pattern: new RegExp(`^${path.replace(/\{\w+\}/g, '[^/]+')}$`),
  methods: endpoints.filter((endpoint) => endpoint.path === path).map((endpoint) => endpoint.method.toUpperCase()),
}));

/** The methods the API serves at a path, from the table (`…/layers/order` also names a layer). */
const allowedAt = (path: string): string[] =>
  templates.filter((template) => template.pattern.test(path)).flatMap((template) => template.methods);

/**
 * Answers what no route took, under the base URL, with the API's error body instead of letting
 * the request through to the network: 405 with `Allow` when the path exists with other methods,
 * else 404.
 */
export const fallbackHandler = (ctx: MockContext): HttpHandler =>
  http.all(`${ctx.baseUrl}/*`, ({ request }) => {
    const requestId = newRequestId(ctx.state.requestIdRandom);
    const url = new URL(request.url);
    const allowed = allowedAt(url.pathname.slice(new URL(ctx.baseUrl).pathname.replace(/\/$/, '').length));
    if (allowed.length > 0) {
      const response = errorResponse(
        new MockApiError(405, 'invalid_request_error', 'method_not_allowed', `${request.method} is not allowed here; use ${allowed.join(', ')}.`),
        requestId,
      );
      response.headers.set('allow', allowed.join(', '));
      return response;
    }
    return errorResponse(
      new MockApiError(404, 'invalid_request_error', 'route_not_found', `No endpoint ${request.method} ${url.pathname}.`),
      requestId,
    );
  });
