import { http, type HttpHandler, type RequestHandler } from 'msw';
import * as z from 'zod/mini';
import { describeIssues, safeParse, toValidationIssues } from '../../src/core/issues.js';
import { type AnyEndpoint, type BadRequestCode, type EndpointResponseBody, toMswPath } from '../../src/endpoints/endpoint.js';
import type { ClockControl } from '../engine/clock.js';
import { MockApiError } from '../store/errors.js';
import { newRequestId } from '../store/ids.js';
import { authenticate } from '../store/orgs.js';
import { requireAdmin } from '../store/team.js';
import type { Actor, Millis, MockState, OrgRecord } from '../store/state.js';
import type { FaultList } from './faults.js';
import { DirectRequest } from './direct-request.js';
import { jsonResponse } from './json-response.js';
import { orgIdOf, type LogEntry, type RequestLog } from './request-log.js';

/**
 * What every handler works with. `state` is swapped by `reset()`, so handlers read it per request;
 * so are `overrides` (`mock.use()`), which the first handler consults.
 */
export type MockContext = {
  state: MockState;
  clock: ClockControl;
  baseUrl: string;
  log: RequestLog;
  faults: FaultList;
  overrides: RequestHandler[];
};

/** Notes the status in the request's log entry, and passes the answer on. */
export const answered = (entry: LogEntry, response: Response): Response => {
  entry.status = response.status;
  return response;
};

/** Larger bodies are refused with 413 before they are parsed. */
export const MAX_BODY_BYTES = 1024 * 1024;

type Schema = z.core.$ZodType;
/** What a schema gives the handler, or `Fallback` when the route has no such schema. */
type Parsed<S, Fallback> = S extends Schema ? z.output<S> : Fallback;

/** What a route's store call gets: the request, parsed with the endpoint's schemas. */
export type RouteInput<E extends AnyEndpoint> = {
  state: MockState;
  actor: Actor;
  org: OrgRecord;
  params: Parsed<E['params'], Record<string, never>>;
  query: Parsed<E['query'], undefined>;
  body: Parsed<E['body'], undefined>;
  now: Millis;
};

/** A route supplies only its store call; it answers with the endpoint's whole response body. */
export type RouteHandle<E extends AnyEndpoint> = (input: RouteInput<E>) => EndpointResponseBody<E>;

/** MSW's path matcher throws on a URL (origin and path) longer than this, and a throw in a handler is a 500. */
export const MAX_URL_LENGTH = 8192;

const uriTooLong = () =>
  new MockApiError(414, 'invalid_request_error', 'uri_too_long', `The URL is longer than ${MAX_URL_LENGTH} characters.`);

export const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** The 414 answer to a URL (origin and path) longer than `MAX_URL_LENGTH`. */
export const uriTooLongAnswer = (ctx: MockContext, request: Request): Response => {
  const entry = ctx.log.open(request, ctx.clock.nowMs());
  entry.orgId = orgIdOf(ctx.state, request);
  return answered(entry, errorResponse(uriTooLong(), newRequestId(ctx.state.requestIdRandom)));
};

/**
 * Answers 414 for a URL too long for MSW's path matcher, before any route's matcher sees it: it
 * comes first among the handlers after the front and matches with a RegExp, which MSW tests against
 * the URL without its query and fragment (origin and path, what the matcher measures).
 */
export const longUrlHandler = (ctx: MockContext): HttpHandler =>
  http.all(new RegExp(`^(?=.{${MAX_URL_LENGTH + 1}})${escapeRegExp(ctx.baseUrl)}/`, 's'), ({ request }) => uriTooLongAnswer(ctx, request));

/** The one error body (digest §1.4), with `x-request-id` as on every response. */
export const errorResponse = (error: MockApiError, requestId: string) =>
  jsonResponse({ statusCode: error.status, type: error.type, code: error.code, message: error.message, requestId }, error.status, requestId);

/** A refinement may name its API code itself: `z.refine(fn, { params: { apiCode: 'owner_required' } })`. */
const declaredCode = (issue: z.core.$ZodIssue): string | undefined => {
  const code = issue.code === 'custom' ? (issue.params as { apiCode?: unknown } | undefined)?.apiCode : undefined;
  return typeof code === 'string' ? code : undefined;
};

/** The documented 400 code an endpoint gives this schema problem, if any (see `BadRequestCode`). */
const badRequestCode = (codes: readonly BadRequestCode[], issue: z.core.$ZodIssue): string | undefined =>
  codes.find(
    ({ field, refinementsOnly }) => (field === undefined || issue.path[0] === field) && (!refinementsOnly || issue.code === 'custom'),
  )?.code;

const validationError = (issues: readonly z.core.$ZodIssue[], codes: readonly BadRequestCode[]) => {
  const found = new Set(issues.map((issue) => badRequestCode(codes, issue) ?? declaredCode(issue)));
  const [only] = found;
  return found.size === 1 && only !== undefined
    ? new MockApiError(400, 'invalid_request_error', only, describeIssues(toValidationIssues(issues)))
    : new MockApiError(422, 'validation_error', 'validation_error', describeIssues(toValidationIssues(issues)));
};

/** Refuses bad UTF-8 rather than replacing it; one is enough, as each `decode()` starts afresh. */
const strictUtf8 = new TextDecoder('utf-8', { fatal: true });

const encoder = new TextEncoder();

/** The UTF-8 size of a body sent as text, past the limit or not (the length alone tells, mostly). */
const tooLargeText = (text: string) => text.length > MAX_BODY_BYTES || (text.length * 3 > MAX_BODY_BYTES && encoder.encode(text).byteLength > MAX_BODY_BYTES);

/** Reads a JSON body the way a careful server does: media type, size, encoding, syntax. */
const readJson = async (request: Request | DirectRequest): Promise<unknown> => {
  const declared = Number(request.headers.get('content-length') ?? 0);
  if (declared > MAX_BODY_BYTES) throw tooLarge();
  let text: string | Uint8Array;
  if (request instanceof DirectRequest) {
    // A string, as sent (no lone surrogates: see `directRequestOf`), so its UTF-8 is valid by construction.
    text = request.bodyText ?? '';
    if (text === '') return undefined;
    if (tooLargeText(text)) throw tooLarge();
  } else {
    text = new Uint8Array(await request.arrayBuffer());
    if (text.byteLength === 0) return undefined;
    if (text.byteLength > MAX_BODY_BYTES) throw tooLarge();
  }
  const type = request.headers.get('content-type') ?? '';
  if (!/^application\/(?:[\w.+-]+\+)?json\s*(?:;|$)/i.test(type)) {
    throw new MockApiError(415, 'invalid_request_error', 'unsupported_media_type', 'Send the body as JSON with `Content-Type: application/json`.');
  }
  try {
    return JSON.parse(typeof text === 'string' ? text : strictUtf8.decode(text));
  } catch {
    throw new MockApiError(400, 'invalid_request_error', 'invalid_json', 'The body is not valid UTF-8 JSON.');
  }
};

/** The JSON body as sent goes into the log (`null` for none), and on to the schema. */
const logged = (entry: LogEntry, body: unknown) => {
  entry.body = body === undefined ? null : body;
  return body;
};

const tooLarge = () =>
  new MockApiError(413, 'invalid_request_error', 'payload_too_large', `The body is larger than ${MAX_BODY_BYTES} bytes.`);

/** The first value of each query parameter, for a schema to check. */
const queryObject = (query: URLSearchParams) => Object.fromEntries([...query.keys()].map((key) => [key, query.get(key)]));

/** Checks one part of the request against its schema, or refuses it with the API's error. */
const check = (schema: Schema, value: unknown, codes: readonly BadRequestCode[] = []) => {
  const parsed = safeParse(schema, value);
  if (!parsed.success) throw validationError(parsed.error.issues, codes);
  return parsed.data;
};

/**
 * Answers a request for one endpoint of the table: request id → auth → access → params, query,
 * body (the endpoint's schemas) → the store call → the endpoint's status. Every refusal is a
 * `MockApiError` with the API's body. `params` are the path's, decoded; `query` the URL's.
 */
export const answerRoute = async <E extends AnyEndpoint>(
  ctx: MockContext,
  endpoint: E,
  handle: RouteHandle<E>,
  request: Request | DirectRequest,
  params: Record<string, unknown>,
  query?: URLSearchParams,
): Promise<Response> => {
  const { state } = ctx;
  const entry = ctx.log.open(request, ctx.clock.nowMs());
  entry.path = endpoint.path;
  const requestId = newRequestId(state.requestIdRandom);
  try {
    const actor = authenticate(state, request.headers.get('authorization'));
    entry.orgId = actor.orgId;
    const org = state.orgs.get(actor.orgId);
    if (!org) throw new MockApiError(401, 'not_authorized_error', 'invalid_api_key', 'The API key is invalid or has been revoked.');
    if (endpoint.access === 'admin') requireAdmin(org, actor);
    const querySchema = endpoint.urlQuery ?? endpoint.query;
    const input = {
      state,
      actor,
      org,
      params: endpoint.params ? check(endpoint.params, params) : {},
      query: querySchema ? check(querySchema, queryObject(query ?? new URL(request.url).searchParams)) : undefined,
      body: endpoint.body ? check(endpoint.body, logged(entry, await readJson(request)), endpoint.badRequestCodes) : undefined,
      now: ctx.clock.nowMs(),
    } as RouteInput<E>;
    // Typed by the endpoint's response schema; JSON by construction (views build plain data).
    const body = handle(input);
    ctx.clock.reschedule();
    return answered(entry, jsonResponse(body, endpoint.status, requestId));
  } catch (error) {
    if (error instanceof MockApiError) return answered(entry, errorResponse(error, requestId));
    // A bug in the mock, not a behaviour of the API: say so plainly rather than pretend.
    const message = `The Scaling mock failed: ${error instanceof Error ? error.message : String(error)}`;
    return answered(entry, errorResponse(new MockApiError(500, 'internal_error', 'server_error', message), requestId));
  }
};

/**
 * The MSW handler of one endpoint of the table, on its own: `mock.handlers` lists one per endpoint
 * (behind the front, which answers every request itself), for a setup that wants a single route.
 */
export const route = <E extends AnyEndpoint>(ctx: MockContext, endpoint: E, handle: RouteHandle<E>): HttpHandler =>
  http[endpoint.method](`${ctx.baseUrl}${toMswPath(endpoint.path)}`, ({ request, params }) => answerRoute(ctx, endpoint, handle, request, params));

/** The store call of every endpoint of a table group: a missing one is a compile error. */
export type RouteHandles<Group extends Record<string, AnyEndpoint>> = { [Name in keyof Group]: RouteHandle<Group[Name]> };
