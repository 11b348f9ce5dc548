/** ky forwards options it does not know to `fetch`; this one carries the JSON body as text. */
export const JSON_BODY = 'scalingJsonBody';

type AdapterInit = RequestInit & { [JSON_BODY]?: string };

/**
 * ky builds a `Request` and hands it to `fetch`, and undici then copies that `Request` again.
 * Passing the parts instead, with the body as the string it already is, skips the copy (about
 * 30 µs a call on loopback; see `npm run bench`). Anything else goes through untouched.
 * The global `fetch` is looked up per call, so interception installed later (MSW) still applies.
 */
export const fetchAdapter =
  (fetchImpl: typeof globalThis.fetch | undefined) =>
  async (input: string | URL | Request, init?: AdapterInit): Promise<Response> => {
    const send = fetchImpl ?? globalThis.fetch;
    const { [JSON_BODY]: body, ...rest } = init ?? {};
    if (!(input instanceof Request) || (body === undefined && input.body !== null)) return buffered(await send(input, rest));
    return buffered(await send(input.url, { method: input.method, headers: input.headers, body, signal: input.signal, ...rest }));
  };

/**
 * Reads the body inside the attempt: only there do ky's per-attempt timeout and its retries cover a
 * body that stalls or is cut off (read later, a reset mid-body was never retried and a slow body got a second timeout).
 */
const buffered = async (response: Response): Promise<Response> => {
  // A status-0 response (`Response.error()`, from a custom `fetch` or an MSW override) is a network error,
  // as `fetch` itself would have thrown: ky sees a dropped connection (retried by the same rules) and the
  // client throws `ScalingConnectionError`, never an API error with status 0. (Only an error response has status 0.)
  if (response.status === 0) throw new TypeError('Failed to fetch', { cause: response });
  return response.body === null
    ? response
    : new Response(await response.arrayBuffer(), { status: response.status, statusText: response.statusText, headers: response.headers });
};
