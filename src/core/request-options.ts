import * as z from 'zod/mini';
import { ScalingValidationError } from './errors.js';
import { safeParse } from './issues.js';

const TimeoutMs = z.int().check(z.positive(), z.maximum(2_147_483_647));
const MaxRetries = z.int().check(z.nonnegative(), z.maximum(10));
/** A wait in milliseconds: finite (zod's `number` refuses `Infinity` and `NaN`), and within what `setTimeout` can wait. */
const DelayMs = z.number().check(z.nonnegative(), z.maximum(2_147_483_647));

/**
 * How long to wait between attempts, on the client (`new Scaling({ retry })`) and per call (a field
 * left out keeps the client's). The wait before retry `n` is a random time between 0 and
 * `baseDelayMs × 2^(n−1)`, and never longer than `maxDelayMs`. A `Retry-After` on a 429 or 503 sets
 * the wait instead (up to 60 s), whatever these say.
 *
 * ```ts
 * // In tests: retry at once.
 * const scaling = new Scaling({ apiKey, retry: { baseDelayMs: 0 } });
 * ```
 */
export interface RetryOptions {
  /** Milliseconds, at least 0 (default 500): the first retry waits up to this long, each next one up to twice as long as the one before. `0` retries at once. */
  baseDelayMs?: number | undefined;
  /** Milliseconds, at least 0 and at least `baseDelayMs` when both are given (default 8 000): no wait is longer. */
  maxDelayMs?: number | undefined;
}

/**
 * `RetryOptions`, checked. A strict object, so that a misspelt key is refused rather than silently
 * leaving the default in place; the cap is checked against the base only when both are given in the
 * same object (a cap alone is a cap, whatever base it meets). Typed as the interface, so that the
 * options' types name it (the annotation also refuses a field whose type differs from the interface's).
 */
const RetryOptionsSchema: z.ZodMiniType<RetryOptions, RetryOptions> = z.strictObject({
  baseDelayMs: z.optional(DelayMs),
  maxDelayMs: z.optional(DelayMs),
}).check(
  z.refine((delays) => delays.baseDelayMs === undefined || delays.maxDelayMs === undefined || delays.maxDelayMs >= delays.baseDelayMs, {
    message: 'must be at least baseDelayMs',
    path: ['maxDelayMs'],
  }),
);
/**
 * A plain object of header values, with `z.record`'s messages and paths. Checked by hand rather than
 * with `z.record`, whose code would be in every bundle for this one use.
 */
const Headers = z.custom<Record<string, string>>().check(
  z.superRefine((value, ctx) => {
    const prototype = typeof value === 'object' && value !== null ? Object.getPrototypeOf(value) : undefined;
    if (prototype !== Object.prototype && prototype !== null) {
      ctx.addIssue({ code: 'invalid_type', expected: 'record', input: value });
      return;
    }
    for (const [name, item] of Object.entries(value)) {
      if (typeof item !== 'string') ctx.addIssue({ code: 'invalid_type', expected: 'string', path: [name], input: item });
    }
  }),
);

/**
 * An absolute http(s) URL: `z.url({ protocol: /^https?$/ })`'s rules (`://` after the scheme, then
 * whatever `URL` can parse), without `z.url`'s code in every bundle. The client trims it as `z.url` did.
 */
const isHttpUrl = (value: string) => /^https?:\/\//i.test(value.trim()) && URL.canParse(value.trim());

/** Options every method takes as its last argument. They override the client's for that call. */
export const RequestOptions = z.object({
  /** Cancels the request (and any retry waiting to happen). Rejects with `ScalingAbortError`. */
  signal: z.optional(z.custom<AbortSignal>((value) => value instanceof AbortSignal, 'must be an AbortSignal')),
  /** Per-attempt timeout in milliseconds (connecting, waiting and reading the body). */
  timeoutMs: z.optional(TimeoutMs),
  /** How many times to retry a failed attempt (see docs/client.md, "Retries"). */
  maxRetries: z.optional(MaxRetries),
  /** The waits between attempts for this call; a field left out keeps the client's. */
  retry: z.optional(RetryOptionsSchema),
  /** Extra headers for this call. `Authorization` is always the client's. */
  headers: z.optional(Headers),
});

/**
 * Options every method takes as its last argument, all optional: they override the client's for
 * that one call.
 *
 * ```ts
 * await scaling.incidents.get(id, { timeoutMs: 5_000, signal: controller.signal });
 * ```
 */
export interface RequestOptions {
  /** Cancels the request, and any retry waiting to happen: the call rejects with `ScalingAbortError`. */
  signal?: AbortSignal;
  /**
   * The timeout of each attempt, in milliseconds (connecting, waiting and reading the body): a positive
   * integer, at most 2147483647. Past it the attempt fails; after the retries, with `ScalingTimeoutError`.
   */
  timeoutMs?: number;
  /**
   * How many times a failed attempt may be retried: an integer from 0 to 10. This call gets the retry
   * policy even when the client's `maxRetries` is 0.
   */
  maxRetries?: number;
  /** The waits between attempts for this call; a field left out keeps the client's. `Retry-After` still sets the wait. */
  retry?: RetryOptions;
  /** Extra headers for this call, over the client's. `Authorization` is always the client's own. */
  headers?: Record<string, string>;
}

/** Options of `new Scaling(...)`. */
export const ClientOptions = z.object({
  /** Defaults to `process.env.SCALING_API_KEY`. */
  apiKey: z.optional(z.string().check(z.minLength(1, 'must be a non-empty API key'))),
  /** Defaults to `process.env.SCALING_BASE_URL`, then `https://api.scaling.cloud/v1`. */
  baseUrl: z.optional(z.string().check(z.refine(isHttpUrl, 'must be an absolute http(s) URL'))),
  /** Per-attempt timeout in milliseconds. Default 30 000. */
  timeoutMs: z.optional(TimeoutMs),
  /** Retries after the first attempt. Default 2. */
  maxRetries: z.optional(MaxRetries),
  /**
   * The waits between attempts: `{ baseDelayMs, maxDelayMs }` (defaults 500 and 8 000). The wait
   * before retry `n` is random between 0 and `baseDelayMs × 2^(n−1)`, capped at `maxDelayMs`;
   * `{ baseDelayMs: 0 }` retries at once (what a test wants). A `Retry-After` on a 429 or 503 still
   * sets the wait (up to 60 s).
   */
  retry: z.optional(RetryOptionsSchema),
  /** A `fetch` to use instead of the global one (a mock's `fetch`, an instrumented one…). */
  fetch: z.optional(z.custom<typeof globalThis.fetch>((value) => typeof value === 'function', 'must be a function')),
  /** Headers sent with every request. */
  headers: z.optional(Headers),
  /** Check every response against the schemas (default `true`). */
  validateResponses: z.optional(z.boolean()),
  /**
   * The largest response body to read, in decoded bytes (default 16 MiB): past it the call fails with
   * `ScalingResponseTooLargeError` and stops reading, so a wrong `baseUrl` or a broken proxy cannot
   * exhaust memory.
   */
  maxResponseBytes: z.optional(z.int().check(z.positive(), z.maximum(2_147_483_647))),
});

/**
 * The options of `new Scaling(options)` (and of `new ScalingPolicies(options)`), all optional. A bad
 * value throws `ScalingValidationError` naming it (`options.timeoutMs`), before any request.
 *
 * ```ts
 * const scaling = new Scaling({ apiKey: process.env.SCALING_API_KEY, timeoutMs: 10_000, maxRetries: 3 });
 * ```
 */
export interface ScalingOptions {
  /**
   * The API key, sent as `Authorization: Bearer …` with every request. Defaults to the
   * `SCALING_API_KEY` environment variable; with neither, the constructor throws `ScalingError`.
   */
  apiKey?: string;
  /**
   * The API's base URL: an absolute http(s) URL (a trailing `/` is dropped). Defaults to the
   * `SCALING_BASE_URL` environment variable, then `https://api.scaling.cloud/v1`. A mock's `baseUrl`
   * for tests.
   */
  baseUrl?: string;
  /**
   * The timeout of each attempt, in milliseconds (connecting, waiting and reading the body): a positive
   * integer, at most 2147483647. Default 30000.
   */
  timeoutMs?: number;
  /**
   * How many times a failed attempt is retried: an integer from 0 to 10. Default 2. A read, `PUT`,
   * `PATCH`, `DELETE` or idempotent `POST` is retried after a network error, a timeout, 408, 429, 500,
   * 502, 503 or 504, waiting with exponential backoff (or as `Retry-After` says); a `POST` that creates
   * something only after a 429 or a connection that was never made, so that it cannot act twice.
   */
  maxRetries?: number;
  /**
   * The waits between attempts: retry `n` waits a random time up to `baseDelayMs × 2^(n−1)`, never more
   * than `maxDelayMs` (defaults 500 and 8 000 ms). `{ baseDelayMs: 0 }` retries at once, as a test wants.
   * A `Retry-After` on a 429 or 503 still sets the wait.
   */
  retry?: RetryOptions;
  /** The `fetch` to send requests with, instead of the global one: a mock's `fetch`, an instrumented one. */
  fetch?: typeof globalThis.fetch;
  /** Headers sent with every request. `Authorization` is always the client's own. */
  headers?: Record<string, string>;
  /**
   * Whether to check every response against the API's schemas (default `true`): a response that does
   * not match throws `ScalingResponseValidationError` instead of handing on data of the wrong shape.
   */
  validateResponses?: boolean;
  /**
   * The largest response body to read, in decoded bytes: a positive integer, default 16 MiB. Past it
   * the call fails with `ScalingResponseTooLargeError` and stops reading, so that a wrong `baseUrl` or
   * a broken proxy cannot exhaust memory.
   */
  maxResponseBytes?: number;
}

/** The options of `new Scaling(options)`: another name of `ScalingOptions`. */
export type ClientOptions = ScalingOptions;

/** Parses with a schema or throws a `ScalingValidationError` naming the field (under `prefix`). */
export const parseOrThrow = <T extends z.core.$ZodType>(schema: T, value: unknown, prefix = ''): z.output<T> => {
  const result = safeParse(schema, value);
  if (!result.success) throw ScalingValidationError.fromZod(result.error.issues, prefix);
  return result.data;
};
