import { getResponse, http, type HttpHandler } from 'msw';
import { buildErrorResponse } from '../scaling-error.js';
import { newRequestId } from '../store/ids.js';
import { faultKindOf, type FaultAnswer } from './faults.js';
import { fallbackAnswer } from './fallback.js';
import { allowedAt, apiPathOf, baseOf, pathBelow } from './paths.js';
import { describeRequest, type LogEntry } from './request-log.js';
import { answered, answerRoute, escapeRegExp, MAX_BODY_BYTES, MAX_URL_LENGTH, type MockContext, uriTooLongAnswer } from './route.js';
import { findRoute, type RouteMatch } from './route-table.js';
import { type DirectRequest, directRequestOf } from './direct-request.js';

/**
 * How the mock answers a request under its base URL, on `mock.fetch` and in a `setupServer` alike:
 * it opens the request's log entry, then applies the fault rules and the `mock.use()` overrides as
 * they stand when the request arrives (so they take effect at once, even in a `setupServer` made
 * before them), then routes the request to its endpoint.
 */

/** Waits `ms` of real time, or less if the caller gives up: no timer outlives the request. */
const sleep = (ms: number, signal: AbortSignal) =>
  new Promise<void>((resolve) => {
    if (signal.aborted) return resolve();
    const done = () => {
      clearTimeout(timer);
      signal.removeEventListener('abort', done);
      resolve();
    };
    const timer = setTimeout(done, ms);
    signal.addEventListener('abort', done, { once: true });
  });

/** Settles when the caller gives up, and not before: no timer, so nothing keeps a process alive. */
const untilAborted = (signal: AbortSignal) =>
  new Promise<void>((resolve) => {
    if (signal.aborted) resolve();
    else signal.addEventListener('abort', () => resolve(), { once: true });
  });

/**
 * A connection that answers nothing. The caller has its own rejection once it aborts (fetch rejects
 * at once), so the handler resolves quietly rather than throwing into MSW, which would log it.
 */
const noAnswer = (entry: LogEntry) => {
  entry.status = 0;
  return Response.error();
};

const faultAnswer = async (ctx: MockContext, entry: LogEntry, answer: FaultAnswer, signal: AbortSignal): Promise<Response> => {
  switch (answer.kind) {
    case 'status': {
      const headers = answer.retryAfter === undefined ? undefined : { 'retry-after': String(answer.retryAfter) };
      return answered(entry, buildErrorResponse({ ...answer, headers }, () => newRequestId(ctx.state.requestIdRandom)));
    }
    case 'reset':
      return noAnswer(entry);
    case 'timeout': {
      // Listed at once (status 0), though it is never answered.
      entry.status = 0;
      await untilAborted(signal);
      return noAnswer(entry);
    }
    default:
      return answer satisfies never;
  }
};

/** MSW's string path matcher throws on a URL (origin and path) longer than this: the 414 guard answers those. */
const tooLongToMatch = (url: URL) => url.origin.length + url.pathname.length > MAX_URL_LENGTH;

/** MSW's `passthrough()` answer. Behind a mock there is no network: passing through hands the request to the mock. */
const isPassthrough = (response: Response) => response.headers.get('x-msw-intention') === 'passthrough';

/** The first override that answers (on a copy of the request, so one that reads the body and falls through leaves it to the route). */
const overrideAnswer = async (ctx: MockContext, request: Request, url: URL) => {
  if (ctx.overrides.length === 0 || tooLongToMatch(url)) return undefined;
  const response = await getResponse(ctx.overrides, request.clone());
  return response && !isPassthrough(response) ? response : undefined;
};

/** Answers requests under the base URL: `mock.fetch` calls it, and so does the first of `mock.handlers`. */
export type Dispatcher = {
  /** The base URL with a trailing slash, as `Request` writes it: every URL the mock answers starts with it. */
  prefix: string;
  /** The mock's answer, or `undefined` for a URL outside the base URL. */
  answer(request: Request): Promise<Response | undefined>;
  /**
   * `mock.fetch`'s answer without a `Request` (see `DirectRequest`), or `undefined` when this call
   * needs one: a fault rule or an override to apply, a `HEAD`, no route, or input only a `Request` reads right.
   */
  answerDirect(input: unknown, init: RequestInit | undefined): Promise<Response> | undefined;
};

/**
 * Routes each request itself, by method and path (see `findRoute`), instead of offering it to an MSW
 * handler per endpoint in turn: the first route and the last cost the same. In order: the log entry,
 * the fault rules and the `mock.use()` overrides as they stand when the request arrives, then the
 * 414 guard, the endpoint, or the fallback's 404/405.
 */
export const createDispatcher = (ctx: MockContext): Dispatcher => {
  // As `Request` writes URLs (host in lower case, no default port), so that a prefix test is enough.
  const { prefix, path: basePath } = baseOf(ctx.baseUrl);

  /** The 414 guard, the endpoint, or the fallback: what answers when no fault or override does. */
  const own = (request: Request, url: URL): Promise<Response> | Response => {
    if (tooLongToMatch(url)) return uriTooLongAnswer(ctx, request);
    const match = findRoute(request.method, pathBelow(basePath, url));
    if (!match) return fallbackAnswer(ctx, request);
    return answerRoute(ctx, match.route.endpoint, match.route.handle, request, match.params, url.searchParams);
  };

  /**
   * `HEAD` is answered without a body, as HTTP says: on a path the API serves with `GET`, as that
   * `GET` (faults, overrides and all), logged as `HEAD`; elsewhere the usual 405 or 404.
   */
  const headAnswer = async (request: Request, url: URL): Promise<Response> => {
    const servesGet = !tooLongToMatch(url) && allowedAt(pathBelow(basePath, url)).includes('GET');
    if (!servesGet) return withoutBody(await own(request, url));
    const asGet = new Request(request.url, { method: 'GET', headers: request.headers, signal: request.signal });
    const response = await front(asGet, url);
    ctx.log.open(asGet, ctx.clock.nowMs(), url).method = 'HEAD';
    return withoutBody(response);
  };

  const front = async (request: Request, url: URL): Promise<Response> => {
    if (ctx.log.isIgnored(request)) return own(request, url);
    if (request.method === 'HEAD') return headAnswer(request, url);
    const entry = ctx.log.open(request, ctx.clock.nowMs(), url);
    const fault = ctx.faults.size === 0 ? undefined : ctx.faults.take(entry.method, { path: apiPathOf(entry.method, entry.rawPath), rawPath: entry.rawPath });
    if (!fault && ctx.overrides.length === 0) return own(request, url);
    if (fault) {
      entry.fault = faultKindOf(fault);
      if (fault.delayMs > 0) await sleep(fault.delayMs, request.signal);
      if (request.signal.aborted) {
        await describeRequest(entry, request, ctx.state, MAX_BODY_BYTES);
        return noAnswer(entry);
      }
      if (fault.answer && !fault.afterWrite) {
        await describeRequest(entry, request, ctx.state, MAX_BODY_BYTES);
        return faultAnswer(ctx, entry, fault.answer, request.signal);
      }
    }
    const overridden = await overrideAnswer(ctx, request, url);
    if (overridden) {
      await describeRequest(entry, request, ctx.state, MAX_BODY_BYTES);
      entry.override = true;
    }
    if (fault?.afterWrite) {
      // The write happens (an override's, or the route's, which fills in the entry); its answer is lost.
      if (!overridden) await own(request, url);
      return faultAnswer(ctx, entry, fault.answer!, request.signal);
    }
    return overridden ? answered(entry, overridden) : own(request, url);
  };

  /** As `front` answers a request that no fault rule or override applies to and a route takes, after the same checks of the signal as `mock.fetch`'s. */
  const direct = async (request: DirectRequest, url: URL, match: RouteMatch): Promise<Response> => {
    const { signal } = request;
    if (signal?.aborted) throw signal.reason;
    ctx.log.open(request, ctx.clock.nowMs(), url);
    const response = await answerRoute(ctx, match.route.endpoint, match.route.handle, request, match.params, url.searchParams);
    if (signal?.aborted) throw signal.reason;
    return response;
  };

  return {
    prefix,
    answer: async (request) => (request.url.startsWith(prefix) ? front(request, new URL(request.url)) : undefined),
    answerDirect: (input, init) => {
      if (ctx.faults.size > 0 || ctx.overrides.length > 0) return undefined;
      const found = directRequestOf(input, init, prefix);
      if (!found || tooLongToMatch(found.url)) return undefined;
      const match = findRoute(found.request.method, pathBelow(basePath, found.url));
      return match && direct(found.request, found.url, match);
    },
  };
};

/** A `HEAD` answer: the status and headers, no body (a dropped connection stays one). */
const withoutBody = (response: Response) =>
  response.status === 0 ? response : new Response(null, { status: response.status, statusText: response.statusText, headers: response.headers });

/**
 * The first of `mock.handlers`, on every path under the base URL: it answers every request there
 * itself (the dispatcher), so MSW never walks the per-endpoint handlers behind it.
 */
export const frontHandler = (dispatcher: Dispatcher): HttpHandler =>
  http.all(new RegExp(`^${escapeRegExp(dispatcher.prefix)}`, 's'), ({ request }) => dispatcher.answer(request));
