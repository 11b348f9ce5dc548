import { http, matchRequestUrl, type HttpHandler } from 'msw';
import { MockApiError } from '../store/errors.js';
import { newRequestId } from '../store/ids.js';
import { errorResponse, guardLongUrls, isTooLong, type MockContext, uriTooLong } from './route.js';

/**
 * Answers what no route took, under the base URL, with the API's error body instead of letting
 * the request through to the network: 405 when the path exists with other methods, else 404.
 */
export const fallbackHandler = (ctx: MockContext, routes: readonly HttpHandler[]): HttpHandler =>
  // A path over 8 KiB is taken here before MSW's matcher throws on it (that was a 500): 414.
  guardLongUrls(http.all(`${ctx.baseUrl}/*`, ({ request }) => {
    const requestId = newRequestId(ctx.state.requestIdRandom);
    if (isTooLong(request.url)) return errorResponse(uriTooLong(), requestId);
    const url = new URL(request.url);
    const allowed = routes
      .filter((handler) => typeof handler.info.path === 'string' && matchRequestUrl(url, handler.info.path).matches)
      .map((handler) => String(handler.info.method));
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
  }), (url) => url.startsWith(`${ctx.baseUrl}/`));
