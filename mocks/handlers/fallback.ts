import { http, type HttpHandler } from 'msw';
import { MockApiError } from '../store/errors.js';
import { newRequestId } from '../store/ids.js';
import { allowedAt } from './paths.js';
import { describeRequest } from './request-log.js';
import { answered, errorResponse, MAX_BODY_BYTES, type MockContext } from './route.js';

/**
 * Answers what no route took, under the base URL, with the API's error body instead of letting
 * the request through to the network: 405 with `Allow` when the path exists with other methods,
 * else 404.
 */
export const fallbackAnswer = async (ctx: MockContext, request: Request): Promise<Response> => {
  const entry = ctx.log.open(request, ctx.clock.nowMs());
  await describeRequest(entry, request, ctx.state, MAX_BODY_BYTES);
  const requestId = newRequestId(ctx.state.requestIdRandom);
  const allowed = allowedAt(entry.rawPath);
  if (allowed.length > 0) {
    const response = errorResponse(
      new MockApiError(405, 'invalid_request_error', 'method_not_allowed', `${request.method} is not allowed here; use ${allowed.join(', ')}.`),
      requestId,
    );
    response.headers.set('allow', allowed.join(', '));
    return answered(entry, response);
  }
  return answered(
    entry,
    errorResponse(new MockApiError(404, 'invalid_request_error', 'route_not_found', `No endpoint ${request.method} ${new URL(request.url).pathname}.`), requestId),
  );
};

/** The fallback as an MSW handler, last in `mock.handlers`. */
export const fallbackHandler = (ctx: MockContext): HttpHandler => http.all(`${ctx.baseUrl}/*`, ({ request }) => fallbackAnswer(ctx, request));
