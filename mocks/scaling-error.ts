import { errorResponse } from './handlers/route.js';
import { errorTypeFor, MockApiError } from './store/errors.js';

/** What the mock says when a test gives no message: short, like the API's own. */
const DEFAULT_MESSAGES: Record<number, string> = {
  400: 'The request is invalid.',
  401: 'The API key is invalid or has been revoked.',
  403: 'You may not do this.',
  404: 'No resource found with the given id.',
  409: 'The request conflicts with the current state.',
  429: 'Too many requests; retry later.',
  500: 'The server failed to handle the request.',
  502: 'Bad gateway.',
  503: 'The service is unavailable; retry later.',
  504: 'The gateway timed out.',
};

export const defaultErrorMessage = (status: number) => DEFAULT_MESSAGES[status] ?? `The request failed with status ${status}.`;

/**
 * The API's error answer, built where the mock builds its own (`errorResponse`): the one body and its
 * `x-request-id`. An `x-request-id` among `headers` is the body's `requestId` too.
 */
export const buildErrorResponse = (
  input: { status: number; code: string; message?: string | undefined; headers?: HeadersInit | undefined },
  requestId: () => string,
): Response => {
  const extra = new Headers(input.headers);
  const response = errorResponse(
    new MockApiError(input.status, errorTypeFor(input.status), input.code, input.message ?? defaultErrorMessage(input.status)),
    extra.get('x-request-id') ?? requestId(),
  );
  extra.forEach((value, name) => response.headers.set(name, value));
  return response;
};

/**
 * The exact error answer the Scaling API (and this mock) sends, for MSW handlers in tests:
 * `{ statusCode, type, code, message, requestId }` with the `type` the API gives `status`, and an
 * `x-request-id` header.
 *
 * ```ts
 * mock.use(http.post(`${mock.baseUrl}/incidents`, () => scalingError(503, 'server_error', { headers: { 'retry-after': '0' } }), { once: true }));
 * ```
 */
export const scalingError = (status: number, code: string, options: { message?: string; headers?: HeadersInit } = {}): Response => {
  if (!Number.isInteger(status) || status < 400 || status > 599) {
    throw new RangeError(`scalingError: status must be an error status from 400 to 599; got ${String(status)}`);
  }
  if (typeof code !== 'string' || code === '') throw new TypeError(`scalingError: code must be a non-empty string; got ${String(code)}`);
  if (typeof options !== 'object' || options === null) throw new TypeError('scalingError: options must be an object');
  if (options.message !== undefined && typeof options.message !== 'string') {
    throw new TypeError(`scalingError: options.message must be a string; got ${typeof options.message}`);
  }
  let headers: Headers;
  try {
    headers = new Headers(options.headers);
  } catch (error) {
    throw new TypeError(`scalingError: options.headers: ${error instanceof Error ? error.message : String(error)}`);
  }
  return buildErrorResponse({ status, code, message: options.message, headers }, () => crypto.randomUUID());
};
