import { DEFAULT_BASE_URL } from './constants.js';
import { ScalingError } from './errors.js';
import { DEFAULT_BASE_DELAY_MS, DEFAULT_MAX_DELAY_MS, DEFAULT_MAX_RESPONSE_BYTES, DEFAULT_MAX_RETRIES, DEFAULT_TIMEOUT_MS, Http } from './http.js';
import { ClientOptions, parseOrThrow } from './request-options.js';

const env = (name: string): string | undefined =>
  typeof process === 'undefined' ? undefined : process.env?.[name] || undefined;

/**
 * The transport for a client's options, checked (an error names the field) and with their defaults:
 * what `new Scaling()` and each single-resource client (`@scaling-cloud/sdk/policies`) start from.
 */
export const connect = (options: ClientOptions): Http => {
  const parsed = parseOrThrow(ClientOptions, options, 'options');
  const apiKey = parsed.apiKey ?? env('SCALING_API_KEY');
  if (!apiKey) {
    throw new ScalingError('Missing API key: pass `apiKey` to `new Scaling()` or set SCALING_API_KEY.');
  }
  // Trimmed, and without tabs and newlines, as `URL` reads it.
  const given = parsed.baseUrl?.trim().replace(/[\t\n\r]/g, '');
  const baseUrl = (given ?? env('SCALING_BASE_URL') ?? DEFAULT_BASE_URL).replace(/\/+$/, '');
  return new Http({
    apiKey,
    baseUrl,
    timeoutMs: parsed.timeoutMs ?? DEFAULT_TIMEOUT_MS,
    maxRetries: parsed.maxRetries ?? DEFAULT_MAX_RETRIES,
    retryDelays: {
      baseDelayMs: parsed.retry?.baseDelayMs ?? DEFAULT_BASE_DELAY_MS,
      maxDelayMs: parsed.retry?.maxDelayMs ?? DEFAULT_MAX_DELAY_MS,
    },
    fetch: parsed.fetch,
    headers: parsed.headers ?? {},
    validateResponses: parsed.validateResponses ?? true,
    maxResponseBytes: parsed.maxResponseBytes ?? DEFAULT_MAX_RESPONSE_BYTES,
  });
};
