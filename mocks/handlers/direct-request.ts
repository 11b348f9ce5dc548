/**
 * `mock.fetch`'s request when a `Request` would only be built to be taken apart again: the SDK's
 * calls (a URL string, a `Headers`, a JSON string body) on a route, with no fault rule or override
 * to apply. Building an undici `Request` (URL, method and header checks, an `AbortSignal` that
 * follows the caller's, a body stream to read back) cost more than answering many routes. What the
 * route reads of a `Request` (URL, method, three headers, the body's text, the signal) reads the
 * same here; anything else (an unusual init, a body that is not a string, a URL the `Request`
 * would rewrite or refuse) builds the `Request` as before, which also throws the same errors.
 */

/** The headers a route reads: `authorization`, `content-type`, `content-length`. */
export type HeaderReader = { get(name: string): string | null };

/** The parts of a request the routes and the request log read: a `Request`, or a `DirectRequest`. */
export type IncomingRequest = {
  readonly url: string;
  readonly method: string;
  readonly headers: HeaderReader;
};

/** What a `Request` made of a string body sends as its type when the caller named none. */
const TEXT_TYPE = 'text/plain;charset=UTF-8';

/**
 * The caller's headers as the `Request` would hold them: with a string body and no type, the
 * `Request`'s `text/plain;charset=UTF-8`. Read in place rather than copied: a route reads them (the
 * key, and a body's type and length) before `mock.fetch` returns to its caller, so no change the
 * caller makes afterwards could reach them, as none reaches a `Request`'s copy.
 */
class DirectHeaders implements HeaderReader {
  constructor(
    readonly headers: Headers | undefined,
    readonly hasBody: boolean,
  ) {}

  get(name: string): string | null {
    const value = this.headers?.get(name) ?? null;
    return value === null && this.hasBody && name.toLowerCase() === 'content-type' ? TEXT_TYPE : value;
  }
}

export class DirectRequest implements IncomingRequest {
  constructor(
    readonly url: string,
    readonly method: string,
    readonly headers: HeaderReader,
    /** The caller's signal (a `Request` would follow it: aborted when it is, with its reason). */
    readonly signal: AbortSignal | undefined,
    /** The body as sent; `undefined` for none. */
    readonly bodyText: string | undefined,
  ) {}
}

/** The methods a `Request` keeps as they are spelled (upper case), other than `HEAD`, which the front answers as a `GET`. */
const PLAIN_METHODS = new Set(['GET', 'POST', 'PUT', 'PATCH', 'DELETE']);
const INIT_KEYS = new Set(['method', 'headers', 'body', 'signal']);
/** A lone surrogate would become U+FFFD in a `Request`'s UTF-8 body: such bodies (rare) take the `Request`. */
const SURROGATE = /[\uD800-\uDFFF]/;

/**
 * The caller's `Headers` as they are, or a record or list of pairs read as a `Request` reads them
 * (the same checks); `undefined` for anything else, or headers the `Request` would refuse.
 */
const headersOf = (init: HeadersInit): Headers | undefined => {
  if (init instanceof Headers) return init;
  if (!Array.isArray(init) && (init === null || typeof init !== 'object' || Object.getPrototypeOf(init) !== Object.prototype)) return undefined;
  try {
    return new Headers(init);
  } catch {
    return undefined;
  }
};

/**
 * The direct request for `fetch(input, init)` under `prefix`, with its parsed URL, or `undefined`
 * when only a `Request` reads `input` and `init` right.
 */
export const directRequestOf = (input: unknown, init: RequestInit | undefined, prefix: string): { request: DirectRequest; url: URL } | undefined => {
  if (typeof input !== 'string' || !input.startsWith(prefix)) return undefined;
  let method = 'GET';
  let headers: Headers | undefined;
  let body: string | undefined;
  let signal: AbortSignal | undefined;
  if (init !== undefined) {
    // A plain object only: a `Request` or a class instance as `init` is read through its getters.
    if (init === null || typeof init !== 'object' || Object.getPrototypeOf(init) !== Object.prototype) return undefined;
    for (const key of Object.keys(init)) if (!INIT_KEYS.has(key)) return undefined;
    if (init.method !== undefined) {
      if (typeof init.method !== 'string' || !PLAIN_METHODS.has(init.method)) return undefined;
      method = init.method;
    }
    if (init.body !== undefined && init.body !== null) {
      if (typeof init.body !== 'string' || method === 'GET' || SURROGATE.test(init.body)) return undefined;
      body = init.body;
    }
    if (init.signal !== undefined && init.signal !== null) {
      if (!(init.signal instanceof AbortSignal)) return undefined;
      signal = init.signal;
    }
  }
  let url: URL;
  try {
    url = new URL(input);
  } catch {
    return undefined;
  }
  // A URL the `Request` would spell otherwise (`..`, a default port, credentials) takes the `Request`.
  if (url.href !== input || url.username !== '' || url.password !== '') return undefined;
  // Last: once the headers are read, only their own refusal hands the call to the `Request` (which reads them again and throws its error).
  if (init?.headers !== undefined) {
    headers = headersOf(init.headers);
    if (!headers) return undefined;
  }
  return { request: new DirectRequest(input, method, new DirectHeaders(headers, body !== undefined), signal, body), url };
};
