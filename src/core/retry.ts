import { isHTTPError, isNetworkError, type RetryOptions } from 'ky';

/** Statuses whose `Retry-After` (seconds or HTTP date) sets the wait. */
const RETRY_AFTER_STATUSES = [429, 503];
/** Socket errors that mean the request never left this machine, so the server cannot have acted. */
const NOT_SENT = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'ENETUNREACH', 'EHOSTUNREACH']);

/** Walks `cause` and `AggregateError.errors` for a socket error code. */
const errorCodes = (error: unknown, seen = new Set<unknown>()): string[] => {
  if (typeof error !== 'object' || error === null || seen.has(error)) return [];
  seen.add(error);
  const { code, cause, errors } = error as { code?: unknown; cause?: unknown; errors?: unknown };
  return [
    ...(typeof code === 'string' ? [code] : []),
    ...errorCodes(cause, seen),
    ...(Array.isArray(errors) ? errors.flatMap((inner) => errorCodes(inner, seen)) : []),
  ];
};

/**
 * A POST that creates something is retried only when the server cannot have acted on it:
 * a 429 (refused before processing) or a connection that was never made. A 5xx, a reset or a
 * timeout may hide a write that happened, and a retry would duplicate the layer or incident.
 */
const retryUnsafePost: NonNullable<RetryOptions['shouldRetry']> = ({ error }) => {
  if (isHTTPError(error)) return error.response.status === 429 ? undefined : false;
  if (isNetworkError(error)) return errorCodes(error).some((code) => NOT_SENT.has(code)) ? undefined : false;
  return false;
};

/** The waits between attempts when the client's options name none. */
export const DEFAULT_BASE_DELAY_MS = 500;
export const DEFAULT_MAX_DELAY_MS = 8_000;

/** The waits between attempts, with the defaults filled in. */
export type RetryDelays = { baseDelayMs: number; maxDelayMs: number };

/**
 * The retry policy for one call, handed to ky's own retry machinery: exponential backoff from
 * `baseDelayMs` (ky's `delay`) with full jitter, each wait capped at `maxDelayMs`; `Retry-After`
 * honoured up to 60 s, which ky applies without jitter or cap.
 *
 * ky normalises the policy key by key when a call starts and again on each attempt, so it holds no key
 * that only repeats ky's default or cannot matter:
 * - the statuses retried are ky's default list (408, 429, 500, 502, 503, 504, and 413, which ky retries
 *   only when `afterStatusCodes` names it, as ours does not);
 * - the cap is applied by the jitter itself (ky's `backoffLimit`, applied after the jitter, stays
 *   infinite): the wait is `min(maxDelayMs, random × delay)` all the same;
 * - a creating POST needs no `retryOnTimeout`: its `shouldRetry` has already refused a timeout.
 */
export const retryPolicy = ({ unsafePost, limit, baseDelayMs, maxDelayMs }: { unsafePost: boolean; limit: number } & RetryDelays): RetryOptions => ({
  limit,
  methods: ['get', 'put', 'patch', 'delete', 'post'],
  afterStatusCodes: RETRY_AFTER_STATUSES,
  maxRetryAfter: 60_000,
  delay: (attempt) => baseDelayMs * 2 ** (attempt - 1),
  jitter: (delay) => Math.min(maxDelayMs, Math.random() * delay),
  ...(unsafePost ? { shouldRetry: retryUnsafePost } : { retryOnTimeout: true }),
});
