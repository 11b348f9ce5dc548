import { iso } from '../store/views.js';
import { authenticate } from '../store/orgs.js';
import type { MockState } from '../store/state.js';
import { apiPathOf, basePathOf, pathBelow } from './paths.js';
import type { IncomingRequest } from './direct-request.js';
import { pathMatches } from './request-match.js';
import type { FaultKind, MockRequest, MockRequestFilter } from '../types.js';

/**
 * `mock.requests()`: every request the mock answered, in the order they arrived. An entry is opened
 * by the first of the mock's handlers to see the request (the overrides-and-faults handler, or a route
 * when that one is not installed) and filled in by whichever answers it; it is listed once answered.
 */

/** The log keeps this many requests, the most recent: a long-running standalone server stays bounded. */
export const REQUEST_LOG_LIMIT = 10_000;

/** One request as the log holds it; `status` stays `undefined` until it is answered. */
export type LogEntry = {
  method: string;
  /** The endpoint table's path once known (the route sets it), else the path below the base URL. */
  path: string;
  /** The path below the base URL, as sent: what a `RegExp` in a filter or a fault rule is tested against. */
  rawPath: string;
  url: string;
  status: number | undefined;
  orgId: string | null;
  body: unknown;
  at: number;
  fault?: FaultKind;
  override?: true;
};

export type RequestLog = {
  /** The entry of this request, opened (and appended) by the first handler that asks; `url` is `request.url`, parsed. */
  open(request: IncomingRequest, at: number, url?: URL): LogEntry;
  /** The mock's own requests (the standalone server's seed): never logged, and no fault or override applies. */
  ignore(request: Request): void;
  isIgnored(request: Request): boolean;
  list(filter?: MockRequestFilter): MockRequest[];
  clear(): void;
};

/** The org whose key the request carries, or `null`: the log never refuses anything. */
export const orgIdOf = (state: MockState, request: Request): string | null => {
  try {
    return authenticate(state, request.headers.get('authorization')).orgId;
  } catch {
    return null;
  }
};

/** The body as JSON, or `null` (none, not JSON, or too large to keep): read from a copy, so the route can still read it. */
export const jsonBodyOf = async (request: Request, limit: number): Promise<unknown> => {
  if (request.body === null || request.bodyUsed || Number(request.headers.get('content-length') ?? 0) > limit) return null;
  try {
    const text = await request.clone().text();
    return text === '' || text.length > limit ? null : (JSON.parse(text) as unknown);
  } catch {
    return null;
  }
};

/** What a handler that answers before (or instead of) a route knows about the request. */
export const describeRequest = async (entry: LogEntry, request: Request, state: MockState, bodyLimit: number) => {
  entry.path = apiPathOf(entry.method, entry.rawPath);
  entry.orgId = orgIdOf(state, request);
  entry.body = await jsonBodyOf(request, bodyLimit);
};

const view = (entry: LogEntry): MockRequest => ({
  method: entry.method,
  path: entry.path,
  url: entry.url,
  status: entry.status!,
  orgId: entry.orgId,
  // A copy: what a test does with the list never changes the log.
  body: entry.body === null || typeof entry.body !== 'object' ? entry.body : structuredClone(entry.body),
  at: iso(entry.at),
  ...(entry.fault === undefined ? {} : { fault: entry.fault }),
  ...(entry.override ? { override: true as const } : {}),
});

export const createRequestLog = (baseUrl: string, limit = REQUEST_LOG_LIMIT): RequestLog => {
  const basePath = basePathOf(baseUrl);
  const byRequest = new WeakMap<IncomingRequest, LogEntry>();
  const ignored = new WeakSet<object>();
  // A ring: once full, each new entry takes the oldest one's place.
  const ring: LogEntry[] = [];
  let oldest = 0;

  const open = (request: IncomingRequest, at: number, parsed?: URL): LogEntry => {
    const known = byRequest.get(request);
    if (known) return known;
    const url = parsed ?? new URL(request.url);
    const rawPath = pathBelow(basePath, url);
    const entry: LogEntry = { method: request.method.toUpperCase(), path: rawPath, rawPath, url: request.url, status: undefined, orgId: null, body: null, at };
    byRequest.set(request, entry);
    if (ignored.has(request)) return entry;
    if (ring.length < limit) ring.push(entry);
    else {
      ring[oldest] = entry;
      oldest = (oldest + 1) % limit;
    }
    return entry;
  };

  return {
    open,
    ignore: (request) => void ignored.add(request),
    isIgnored: (request) => ignored.has(request),
    list: (filter = {}) => {
      const method = filter.method?.toUpperCase();
      const ordered = oldest === 0 ? ring : [...ring.slice(oldest), ...ring.slice(0, oldest)];
      return ordered
        .filter(
          (entry) =>
            entry.status !== undefined &&
            (method === undefined || entry.method === method) &&
            (filter.path === undefined || pathMatches(filter.path, entry)) &&
            (filter.status === undefined || entry.status === filter.status),
        )
        .map(view);
    },
    clear: () => {
      ring.length = 0;
      oldest = 0;
    },
  };
};
