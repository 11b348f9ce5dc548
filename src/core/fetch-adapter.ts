/** What the transport hands ky as `fetch`: a call with a JSON body passes its text as the third argument. */
export type FetchAdapter = (input: string | URL | Request, init?: RequestInit, jsonBody?: string) => Promise<Response>;

/** The adapter's refusal of a body past `maxResponseBytes`; the transport turns it into `ScalingResponseTooLargeError`. */
export class ResponseTooLarge extends Error {
  constructor(
    readonly limit: number,
    readonly response: Response,
  ) {
    super(`The response body is larger than ${limit} bytes`);
  }
}

/** The text of each successful response the adapter read, for the transport to parse. */
const bodies = new WeakMap<Response, string>();
const decoder = new TextDecoder();

/** The body of a successful response as the adapter read it (`''` for none), as `Response.text()` would decode it. */
export const bodyText = (response: Response): string => bodies.get(response) ?? '';

/**
 * ky builds a `Request` (without a body: the transport's per-call `fetch` adds the JSON text as
 * `jsonBody`) and passes it here; undici would copy that `Request` again, so the adapter passes the
 * parts instead, with the body as the string it already is. Anything else goes through untouched.
 * The global `fetch` is looked up per call, so interception installed later (MSW) still applies.
 */
export const fetchAdapter =
  (fetchImpl: typeof globalThis.fetch | undefined, maxBytes: number): FetchAdapter =>
  async (input, init, body) => {
    const send = fetchImpl ?? globalThis.fetch;
    if (!(input instanceof Request) || (body === undefined && input.body !== null)) return buffered(await send(input, init), maxBytes);
    return buffered(await send(input.url, { method: input.method, headers: input.headers, body, signal: input.signal }), maxBytes);
  };

/**
 * Reads the body inside the attempt: only there do ky's per-attempt timeout and its retries cover a
 * body that stalls or is cut off (read later, a reset mid-body was never retried and a slow body got a second timeout).
 * It counts the decoded bytes as they stream and stops past `maxBytes`: a gzip bomb or a runaway
 * proxy costs at most that much memory, never the process.
 *
 * A success keeps its text aside (`bodyText`) and is handed back as it is, its body consumed: the
 * transport parses that text, so nothing copies the response or reads it twice. An error status gets
 * its bytes back in a new `Response`, for ky to read as the error's `data`.
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
  const bytes = chunks.length === 1 ? chunks[0]! : concat(chunks, size);
  if (response.ok) {
    bodies.set(response, decoder.decode(bytes));
    return response;
  }
  return new Response(bytes as Uint8Array<ArrayBuffer>, { status: response.status, statusText: response.statusText, headers: response.headers });
};

const concat = (chunks: readonly Uint8Array[], size: number): Uint8Array => {
  const bytes = new Uint8Array(size);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return bytes;
};
