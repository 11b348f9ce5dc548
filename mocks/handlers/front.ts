import { getResponse, http, type HttpHandler } from 'msw';
import { buildErrorResponse } from '../scaling-error.js';
import { newRequestId } from '../store/ids.js';
import { faultKindOf, type FaultAnswer } from './faults.js';
import { allowedAt, apiPathOf } from './paths.js';
import { describeRequest, type LogEntry } from './request-log.js';
import { answered, escapeRegExp, MAX_BODY_BYTES, MAX_URL_LENGTH, type MockContext } from './route.js';

/**
 * The first of the mock's handlers, on every path under the base URL: it opens the request's log
 * entry, then applies the fault rules and the `mock.use()` overrides as they stand when the request
 * arrives, so they take effect at once on `mock.fetch` and in a `setupServer` made before them.
 * When neither answers it returns nothing, and the routes answer.
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
const tooLongToMatch = (url: string) => {
  const { origin, pathname } = new URL(url);
  return origin.length + pathname.length > MAX_URL_LENGTH;
};

/** MSW's `passthrough()` answer. Behind a mock there is no network: passing through hands the request to the mock. */
const isPassthrough = (response: Response) => response.headers.get('x-msw-intention') === 'passthrough';

/** The first override that answers (on a copy of the request, so one that reads the body and falls through leaves it to the route). */
const overrideAnswer = async (ctx: MockContext, request: Request) => {
  if (ctx.overrides.length === 0 || tooLongToMatch(request.url)) return undefined;
  const response = await getResponse(ctx.overrides, request.clone());
  return response && !isPassthrough(response) ? response : undefined;
};

/** The path below the base URL, as the routes see it. */
const pathBelow = (ctx: MockContext, url: string) => new URL(url).pathname.slice(new URL(ctx.baseUrl).pathname.replace(/\/$/, '').length);

/**
 * `HEAD` is answered without a body, as HTTP says: on a path the API serves with `GET`, as that
 * `GET` (faults, overrides and all), logged as `HEAD`; elsewhere the usual 405 or 404.
 */
const headAnswer = async (ctx: MockContext, front: HttpHandler, own: HttpHandler[], request: Request): Promise<Response | undefined> => {
  const servesGet = !tooLongToMatch(request.url) && allowedAt(pathBelow(ctx, request.url)).includes('GET');
  const asGet = servesGet ? new Request(request.url, { method: 'GET', headers: request.headers, signal: request.signal }) : request;
  const response = await getResponse(servesGet ? [front, ...own] : own, asGet);
  if (servesGet) ctx.log.open(asGet, ctx.clock.nowMs()).method = 'HEAD';
  return response && (response.status === 0 ? response : new Response(null, { status: response.status, statusText: response.statusText, headers: response.headers }));
};

export const frontHandler = (ctx: MockContext, own: HttpHandler[]): HttpHandler => {
  const handler: HttpHandler = http.all(new RegExp(`^${escapeRegExp(ctx.baseUrl)}/`, 's'), async ({ request }) => {
    if (ctx.log.isIgnored(request)) return undefined;
    if (request.method === 'HEAD') return headAnswer(ctx, handler, own, request);
    const entry = ctx.log.open(request, ctx.clock.nowMs());
    const fault = ctx.faults.size === 0 ? undefined : ctx.faults.take(entry.method, { path: apiPathOf(entry.method, entry.rawPath), rawPath: entry.rawPath });
    if (!fault && ctx.overrides.length === 0) return undefined;
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
    const overridden = await overrideAnswer(ctx, request);
    if (overridden) {
      await describeRequest(entry, request, ctx.state, MAX_BODY_BYTES);
      entry.override = true;
    }
    if (fault?.afterWrite) {
      // The write happens (an override's, or the route's, which fills in the entry); its answer is lost.
      if (!overridden) await getResponse(own, request);
      return faultAnswer(ctx, entry, fault.answer!, request.signal);
    }
    return overridden ? answered(entry, overridden) : undefined;
  });
  return handler;
};
