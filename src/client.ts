import { DEFAULT_BASE_URL } from './core/constants.js';
import { DEFAULT_MAX_RETRIES, DEFAULT_TIMEOUT_MS, Http } from './core/http.js';
import { ScalingError } from './core/errors.js';
import { ClientOptions, parseOrThrow } from './core/request-options.js';
import { Policies } from './resources/policies.js';

const env = (name: string): string | undefined =>
  typeof process === 'undefined' ? undefined : process.env?.[name] || undefined;

/**
 * The Scaling API client.
 *
 * ```ts
 * const scaling = new Scaling({ apiKey: process.env.SCALING_API_KEY });
 * const policy = await scaling.policies.create({ name: 'Platform Default' });
 * ```
 */
export class Scaling {
  /** Escalation policies, and their layers under `policies.layers`. */
  readonly policies: Policies;

  constructor(options: ClientOptions = {}) {
    const parsed = parseOrThrow(ClientOptions, options, 'options');
    const apiKey = parsed.apiKey ?? env('SCALING_API_KEY');
    if (!apiKey) {
      throw new ScalingError('Missing API key: pass `apiKey` to `new Scaling()` or set SCALING_API_KEY.');
    }
    const baseUrl = (parsed.baseUrl ?? env('SCALING_BASE_URL') ?? DEFAULT_BASE_URL).replace(/\/+$/, '');
    const http = new Http({
      apiKey,
      baseUrl,
      timeoutMs: parsed.timeoutMs ?? DEFAULT_TIMEOUT_MS,
      maxRetries: parsed.maxRetries ?? DEFAULT_MAX_RETRIES,
      fetch: parsed.fetch,
      headers: parsed.headers ?? {},
      validateResponses: parsed.validateResponses ?? true,
    });
    this.policies = new Policies(http);
  }
}
