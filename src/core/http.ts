import kyImport, { isHTTPError, isNetworkError, isTimeoutError, type KyInstance, type Options as KyOptions } from 'ky';
import * as z from 'zod/mini';
import {
  createAPIError,
  ScalingAbortError,
  ScalingConnectionError,
  ScalingError,
  ScalingNotFoundError,
  ScalingResponseTooLargeError,
  ScalingResponseValidationError,
  ScalingTimeoutError,
  type RequestTarget,
} from './errors.js';
import type { AnyEndpoint, EndpointInput, EndpointResult, HttpMethod } from '../endpoints/endpoint.js';
import { bodyText, fetchAdapter, ResponseTooLarge, type FetchAdapter } from './fetch-adapter.js';
import { redactor, type Redactor } from './redact.js';
import { buildPath } from './path.js';
import { safeParse } from './issues.js';
import { parseOrThrow, RequestOptions } from './request-options.js';
import { DEFAULT_BASE_DELAY_MS, DEFAULT_MAX_DELAY_MS, retryPolicy, type RetryDelays } from './retry.js';
import { scalingPromise, type ResponseSlot, type ScalingPromise } from './scaling-promise.js';
import { describeCause } from './cause.js';

/**
 * ky is ESM-only. The CJS build loads it with `require(esm)`, which hands back the module
 * namespace, so the default export is one level down there. (A call, so that the build can mark
 * it free of side effects: an `in` test at the top level would keep ky in a bundle that never calls it.)
 */
const ky: KyInstance = ((module) => ('create' in module ? module : (module as unknown as { default: KyInstance }).default))(kyImport);

export const DEFAULT_TIMEOUT_MS = 30_000;
export const DEFAULT_MAX_RETRIES = 2;
export const DEFAULT_MAX_RESPONSE_BYTES = 16 * 1024 * 1024;
export { DEFAULT_BASE_DELAY_MS, DEFAULT_MAX_DELAY_MS };

/** The client's settings after defaults, as the transport needs them. */
export type HttpConfig = {
  apiKey: string;
  baseUrl: string;
  timeoutMs: number;
  maxRetries: number;
  retryDelays: RetryDelays;
  fetch: typeof globalThis.fetch | undefined;
  headers: Record<string, string>;
  validateResponses: boolean;
  maxResponseBytes: number;
};

/**
 * What the error hook needs to know of a call and ky's options do not carry: its timeout, for the
 * message. Only a call with a timeout of its own has one; the others have the client's.
 */
type CallContext = { timeoutMs?: number };

/**
 * The transport: ky with the client's settings. Error mapping is a ky hook written once; retries and
 * timeouts are ky's own (see `retry.ts` for the policy). The key is a header of every call, set last.
 *
 * Each call hands ky one options object with everything set (no instance defaults for ky to merge
 * again per call), a `Request` without a body (the adapter sends the JSON text, see
 * `fetch-adapter.ts`), and no retry policy at all when no retry can happen. ky copies that object once
 * per key it holds (and its retry policy once per attempt), so it holds no key a call does not need.
 */
export class Http {
  readonly #config: HttpConfig;
  readonly #redact: Redactor;
  readonly #fetch: FetchAdapter;
  readonly #hooks: KyOptions['hooks'];
  /**
   * `accept`, the client's headers and `authorization`, then the same with `content-type` for a JSON
   * body. Private fields, so that no `inspect` or `JSON.stringify` of the client shows the key.
   */
  readonly #headers: { plain: Record<string, string>; json: Record<string, string> };
  /** The client's retry settings for the two retry classes; `0` when `maxRetries` is 0. */
  readonly #retry: { idempotent: KyOptions['retry']; unsafePost: KyOptions['retry'] };

  constructor(config: HttpConfig) {
    this.#config = config;
    const authorization = `Bearer ${config.apiKey}`;
    const redact = (this.#redact = redactor(config.apiKey));
    this.#fetch = fetchAdapter(config.fetch, config.maxResponseBytes);
    this.#hooks = {
      beforeError: [
        ({ request, error, retryCount, options }) =>
          toScalingError(error, targetOf(request, config.baseUrl), retryCount + 1, redact, (options.context as CallContext).timeoutMs ?? config.timeoutMs),
      ],
    };
    const plain = { accept: 'application/json', ...withoutAuthorization(config.headers), authorization };
    this.#headers = { plain, json: { ...plain, 'content-type': 'application/json' } };
    this.#retry = {
      idempotent: retrySetting(false, config.maxRetries, config.retryDelays),
      unsafePost: retrySetting(true, config.maxRetries, config.retryDelays),
    };
  }

  /**
   * Calls one endpoint of the table: validates its path parameters, query and body with the
   * endpoint's schemas (an error names the field), sends it with the endpoint's retry class, and
   * resolves to the part of the response its entry names. The promise has `.withResponse()`.
   */
  call<E extends AnyEndpoint>(endpoint: E, input: EndpointInput<E>, options: RequestOptions | undefined): ScalingPromise<EndpointResult<E>> {
    const slot: ResponseSlot = { response: undefined };
    return scalingPromise(this.#call(endpoint, input, options, slot, true) as Promise<EndpointResult<E>>, slot);
  }

  /** As `call`, resolving to nothing: for the deletes, whose body tells the caller nothing. */
  callVoid<E extends AnyEndpoint>(endpoint: E, input: EndpointInput<E>, options: RequestOptions | undefined): ScalingPromise<void> {
    const slot: ResponseSlot = { response: undefined };
    return scalingPromise(this.#call(endpoint, input, options, slot, false) as Promise<void>, slot);
  }

  /**
   * Validates the call's input (path parameters, query, body, then options: the first bad one throws),
   * sends it and parses the response; the final response goes into `slot` before the promise resolves.
   * One async function from the input to the result: every call pays for one promise, not one per layer.
   */
  async #call(endpoint: AnyEndpoint, input: unknown, rawOptions: RequestOptions | undefined, slot: ResponseSlot, keepResult: boolean): Promise<unknown> {
    const { params, query, body } = input as { params?: Record<string, string>; query?: unknown; body?: unknown };
    const { method } = endpoint;
    const path = endpoint.params ? buildPath(endpoint.path, endpoint.params, params ?? {}) : endpoint.path;
    const querySchema = endpoint.sdkQuery ?? endpoint.query;
    const searchParams = querySchema ? (parseOrThrow(querySchema, query ?? {}) as Record<string, string | number | undefined>) : undefined;
    const data: unknown = endpoint.body ? parseOrThrow(endpoint.body, body) : undefined;
    const options = rawOptions === undefined ? undefined : parseOrThrow(RequestOptions, rawOptions, 'options');
    // A POST that the API treats as idempotent (acknowledge, redact) is retried like a PUT.
    const unsafePost = method === 'post' && endpoint.retry !== 'idempotent';
    const json = data === undefined ? undefined : JSON.stringify(data);
    const kyOptions: KyOptions = {
      method,
      headers: data === undefined ? this.#headers.plain : this.#headers.json,
      retry: unsafePost ? this.#retry.unsafePost : this.#retry.idempotent,
      timeout: this.#config.timeoutMs,
      hooks: this.#hooks,
      // The JSON text rides in the call's own `fetch`: an option ky does not know would be one more key to copy.
      fetch: json === undefined ? this.#fetch : (request, init) => this.#fetch(request, init, json),
    };
    if (searchParams) kyOptions.searchParams = searchParams;
    if (options) {
      if (options.headers) {
        const headers: Record<string, string> = { ...this.#headers.plain, ...withoutAuthorization(options.headers), authorization: this.#headers.plain.authorization! };
        if (data !== undefined) headers['content-type'] = 'application/json';
        kyOptions.headers = headers;
      }
      if (options.timeoutMs !== undefined) {
        kyOptions.timeout = options.timeoutMs;
        kyOptions.context = { timeoutMs: options.timeoutMs } satisfies CallContext;
      }
      // A per-call `maxRetries` gets the whole policy, even on a client whose own is 0.
      if (options.maxRetries !== undefined || options.retry !== undefined) {
        const limit = options.maxRetries ?? this.#config.maxRetries;
        const { baseDelayMs, maxDelayMs } = this.#config.retryDelays;
        const delays = { baseDelayMs: options.retry?.baseDelayMs ?? baseDelayMs, maxDelayMs: options.retry?.maxDelayMs ?? maxDelayMs };
        kyOptions.retry = options.maxRetries === undefined ? retrySetting(unsafePost, limit, delays) : retryPolicy({ unsafePost, limit, ...delays });
      }
      if (options.signal) kyOptions.signal = options.signal;
    }
    const validate = this.#config.validateResponses ? endpoint.response : undefined;
    let result: unknown;
    try {
      // The fetch adapter has already read the body within the attempt (timeout and retries cover it).
      const response = await ky(this.#config.baseUrl + path, kyOptions);
      slot.response = response;
      result = parseBody(validate, bodyText(response), response, method, path, this.#redact);
    } catch (error) {
      const target = targetOfCall(method, path);
      if (options?.signal?.aborted) throw new ScalingAbortError({ ...target, cause: options.signal.reason });
      // A DELETE retried after a lost answer finds nothing left: that is the outcome asked for.
      // `.withResponse()` gets that final 404's status and headers (with `data` undefined, as awaiting gives).
      if (method === 'delete' && error instanceof ScalingNotFoundError && error.attempts > 1) {
        slot.response = new Response(null, { status: error.status, headers: error.headers });
        result = parseBody(validate, '', slot.response, method, path, this.#redact);
      } else throw toScalingError(error, target, 1, this.#redact, kyOptions.timeout as number);
    }
    if (!keepResult) return undefined;
    for (const key of endpoint.unwrap) result = (result as Record<string, unknown>)[key];
    return result;
  }
}

/** A caller's headers without `Authorization` in any case: the client's key is always the one sent. */
const withoutAuthorization = (headers: Record<string, string>): Record<string, string> =>
  Object.fromEntries(Object.entries(headers).filter(([name]) => name.toLowerCase() !== 'authorization'));

/** No retry machinery at all (no policy to normalise, no `Request` kept for a second attempt) when none can happen. */
const retrySetting = (unsafePost: boolean, limit: number, delays: RetryDelays): KyOptions['retry'] =>
  limit === 0 ? 0 : retryPolicy({ unsafePost, limit, ...delays });

const targetOfCall = (method: HttpMethod, path: string): RequestTarget => ({ method: method.toUpperCase(), path });

/** An empty body (204) is `undefined`; anything else must be JSON that matches the schema. */
const parseBody = <Schema extends z.core.$ZodType>(
  schema: Schema | undefined,
  text: string,
  response: Response,
  method: HttpMethod,
  path: string,
  redact: Redactor,
): z.output<Schema> => {
  let body: unknown;
  try {
    body = text === '' ? undefined : JSON.parse(text);
  } catch {
    throw unexpectedResponse(targetOfCall(method, path), response, redact, text, [{ code: 'custom', path: [], message: 'body is not valid JSON', input: text }]);
  }
  if (!schema) return body as z.output<Schema>;
  const result = safeParse(schema, body);
  if (!result.success) throw unexpectedResponse(targetOfCall(method, path), response, redact, body, result.error.issues);
  return result.data;
};

/** What the server sent is kept on the error, without the client's key should the server echo it. */
const unexpectedResponse = (
  target: RequestTarget,
  response: Response,
  redact: Redactor,
  body: unknown,
  zodIssues: readonly z.core.$ZodIssue[],
) =>
  new ScalingResponseValidationError({
    ...target,
    status: response.status,
    requestId: redact.text(response.headers.get('x-request-id') ?? '') || undefined,
    body: redact.deep(body),
    zodIssues: redact.deep(zodIssues),
  });

const targetOf = (request: Request, baseUrl: string): RequestTarget => {
  const url = request.url.startsWith(baseUrl) ? request.url.slice(baseUrl.length) : new URL(request.url).pathname;
  return { method: request.method, path: url || '/' };
};

/**
 * The one place where anything thrown by a call becomes a `ScalingError`. A connection error's
 * message ends with what went wrong (`ECONNREFUSED 127.0.0.1:4010`), a timeout's with the limit:
 * a log line that shows only the message still says what to fix.
 */
const toScalingError = (error: unknown, target: RequestTarget, attempts: number, redact: Redactor, timeoutMs: number): Error => {
  if (error instanceof ScalingError) return error;
  if (error instanceof ResponseTooLarge) {
    return new ScalingResponseTooLargeError({ ...target, status: error.response.status, maxResponseBytes: error.limit });
  }
  if (isHTTPError(error)) return apiErrorFrom(error.response, redact.deep(error.data), target, attempts, redact);
  if (isTimeoutError(error)) {
    return new ScalingTimeoutError({ ...target, attempts, message: 'Request timed out', detail: `no complete response within timeoutMs (${timeoutMs} ms)` });
  }
  // ky's own errors hold the `Request`, whose headers carry the key: keep only their cause.
  if (isNetworkError(error)) return new ScalingConnectionError({ ...target, attempts, cause: error.cause, detail: describeCause(error.cause, redact.text) });
  if (error instanceof Error && error.name === 'AbortError') return new ScalingAbortError({ ...target, cause: error });
  return new ScalingConnectionError({ ...target, attempts, message: 'Request failed', cause: error, detail: describeCause(error, redact.text) });
};

const asRecord = (value: unknown): Record<string, unknown> =>
  typeof value === 'object' && value !== null ? (value as Record<string, unknown>) : {};
const asString = (value: unknown) => (typeof value === 'string' ? value : undefined);

/**
 * Reads both documented error shapes (with and without `message`) and tolerates a nested `error`
 * object or a non-JSON page from a proxy: the status alone still picks the class.
 */
const apiErrorFrom = (response: Response, data: unknown, target: RequestTarget, attempts: number, redact: Redactor) => {
  const top = asRecord(data);
  const body = 'error' in top && typeof top.error === 'object' ? asRecord(top.error) : top;
  const headers = redact.headers(response.headers);
  return createAPIError({
    ...target,
    status: response.status,
    code: asString(body.code),
    type: asString(body.type),
    message: asString(body.message),
    requestId: asString(body.requestId) ?? headers.get('x-request-id') ?? undefined,
    body: data,
    headers,
    attempts,
  });
};
