/** ky forwards options it does not know to `fetch`; this one carries the JSON body as text. */
export const JSON_BODY = 'scalingJsonBody';

type AdapterInit = RequestInit & { [JSON_BODY]?: string };

/** The adapter's refusal of a body past `maxResponseBytes`; the transport turns it into `ScalingResponseTooLargeError`. */
export class ResponseTooLarge extends Error {
  constructor(
    readonly limit: number,
    readonly response: Response,
  ) {
    super(`The response body is larger than ${limit} bytes`);
  }
}

/**
 * ky builds a `Request` and hands it to `fetch`, and undici then copies that `Request` again.
 * Passing the parts instead, with the body as the string it already is, skips the copy (about
 * 30 µs a call on loopback; see `npm run bench`). Anything else goes through untouched.
 * The global `fetch` is looked up per call, so interception installed later (MSW) still applies.
 */
export const fetchAdapter =
  (fetchImpl: typeof globalThis.fetch | undefined, maxBytes: number) =>
  async (input: string | URL | Request, init?: AdapterInit): Promise<Response> => {
    const send = fetchImpl ?? globalThis.fetch;
    const { [JSON_BODY]: body, ...rest } = init ?? {};
    if (!(input instanceof Request) || (body === undefined && input.body !== null)) return buffered(await send(input, rest), maxBytes);
    return buffered(await send(input.url, { method: input.method, headers: input.headers, body, signal: input.signal, ...rest }), maxBytes);
  };

/**
 * Reads the body inside the attempt: only there do ky's per-attempt timeout and its retries cover a
 * body that stalls or is cut off (read later, a reset mid-body was never retried and a slow body got a second timeout).
 * It counts the decoded bytes as they stream and stops past `maxBytes`: a gzip bomb or a runaway
 * proxy costs at most that much memory, never the process.
 */
const buffered = async (response: Response, maxBytes: number): Promise<Response> => {
  // A status-0 response (`Response.error()`, from a custom `fetch` or an MSW override) is a network error,
  // as `fetch` itself would have thrown: ky sees a dropped connection (retried by the same rules) and the
  // client throws `ScalingConnectionError`, never an API error with status 0. (Only an error response has status 0.)
  if (response.status === 0) throw new TypeError('Failed to fetch', { cause: response });
  if (response.body === null) return response;
  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (let read = await reader.read(); !read.done; read = await reader.read()) {
    size += read.value.byteLength;
    if (size > maxBytes) {
      reader.cancel().catch(() => undefined);
      throw new ResponseTooLarge(maxBytes, response);
    }
    chunks.push(read.value);
  }
  const bytes = chunks.length === 1 ? chunks[0]! : new Uint8Array(size);
  if (chunks.length !== 1) {
    let offset = 0;
    for (const chunk of chunks) {
      bytes.set(chunk, offset);
      offset += chunk.byteLength;
    }
  }
  return new Response(bytes as Uint8Array<ArrayBuffer>, { status: response.status, statusText: response.statusText, headers: response.headers });
};
