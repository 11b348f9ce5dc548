import { http, HttpResponse, type HttpHandler } from 'msw';
import * as z from 'zod/mini';
import { describeIssues, safeParse, toValidationIssues } from '../../src/core/issues.js';
import type { ClockControl } from '../engine/clock.js';
import { MockApiError } from '../store/errors.js';
import { newRequestId } from '../store/ids.js';
import { authenticate } from '../store/orgs.js';
import type { Actor, Millis, MockState, OrgRecord } from '../store/state.js';

/** What every handler works with. `state` is swapped by `reset()`, so handlers read it per request. */
export type MockContext = { state: MockState; clock: ClockControl; baseUrl: string };

export type RouteMethod = 'get' | 'post' | 'put' | 'patch' | 'delete';

/** Larger bodies are refused with 413 before they are parsed. */
export const MAX_BODY_BYTES = 1024 * 1024;

type Schema = z.core.$ZodType;
/** What a schema gives the handler, or `Fallback` when the route has no such schema. */
type Parsed<S, Fallback> = S extends Schema ? z.output<S> : Fallback;

export type RouteInput<Params, Query, Body> = {
  state: MockState;
  actor: Actor;
  org: OrgRecord;
  params: Params;
  query: Query;
  body: Body;
  now: Millis;
};

export type RouteResult = { status?: number; body: unknown };

export type RouteSpec<P extends Schema | undefined, Q extends Schema | undefined, B extends Schema | undefined> = {
  method: RouteMethod;
  /** The path in MSW notation, relative to the base URL: `/escalation/policies/:policyId`. */
  path: string;
  /** Who may call, checked right after the key and before anything is parsed or looked up. */
  authorize?: (org: OrgRecord, actor: Actor) => void;
  /** Schemas shared with the SDK: path parameters, query string, JSON body. Omit what the route lacks. */
  params?: P;
  query?: Q;
  body?: B;
  /**
   * Schema problems are 422 `validation_error`, unless this (or the refinement's own
   * `params.apiCode`) names the documented 400 code for them (the layers reference answers a
   * malformed target with 400 `invalid_target`).
   */
  issueCode?: (issue: z.core.$ZodIssue) => string | undefined;
  handle: (input: RouteInput<Parsed<P, Record<string, never>>, Parsed<Q, URLSearchParams>, Parsed<B, undefined>>) => RouteResult;
};

/** MSW's path matcher throws on a URL (origin and path) longer than this, and a throw in a handler is a 500. */
export const MAX_URL_LENGTH = 8192;

export const isTooLong = (url: string) => {
  if (url.length <= MAX_URL_LENGTH) return false;
  const { origin, pathname } = new URL(url);
  return origin.length + pathname.length > MAX_URL_LENGTH;
};

/**
 * Decides a too-long URL before MSW's matcher can throw on it: routes never match one (`matches:
 * false`), the fallback takes it (`true`, under its base URL) and answers 414.
 */
export const guardLongUrls = (handler: HttpHandler, matches: (url: string) => boolean): HttpHandler => {
  const parse = handler.parse.bind(handler);
  handler.parse = (args) =>
    isTooLong(args.request.url) ? Promise.resolve({ match: { matches: matches(args.request.url), params: {} }, cookies: {} }) : parse(args);
  return handler;
};

export const uriTooLong = () =>
  new MockApiError(414, 'invalid_request_error', 'uri_too_long', `The URL is longer than ${MAX_URL_LENGTH} characters.`);

/** The one error body (digest §1.4), with `x-request-id` as on every response. */
export const errorResponse = (error: MockApiError, requestId: string) =>
  HttpResponse.json(
    { statusCode: error.status, type: error.type, code: error.code, message: error.message, requestId },
    { status: error.status, headers: { 'x-request-id': requestId } },
  );

/** A refinement may name its API code itself: `z.refine(fn, { params: { apiCode: 'owner_required' } })`. */
const declaredCode = (issue: z.core.$ZodIssue): string | undefined => {
  const code = issue.code === 'custom' ? (issue.params as { apiCode?: unknown } | undefined)?.apiCode : undefined;
  return typeof code === 'string' ? code : undefined;
};

const validationError = (issues: readonly z.core.$ZodIssue[], issueCode?: (issue: z.core.$ZodIssue) => string | undefined) => {
  const codes = new Set(issues.map((issue) => issueCode?.(issue) ?? declaredCode(issue)));
  const [only] = codes;
  return codes.size === 1 && only !== undefined
    ? new MockApiError(400, 'invalid_request_error', only, describeIssues(toValidationIssues(issues)))
    : new MockApiError(422, 'validation_error', 'validation_error', describeIssues(toValidationIssues(issues)));
};

/** Reads a JSON body the way a careful server does: media type, size, encoding, syntax. */
const readJson = async (request: Request): Promise<unknown> => {
  const declared = Number(request.headers.get('content-length') ?? 0);
  if (declared > MAX_BODY_BYTES) throw tooLarge();
  const bytes = new Uint8Array(await request.arrayBuffer());
  if (bytes.byteLength === 0) return undefined;
  if (bytes.byteLength > MAX_BODY_BYTES) throw tooLarge();
  const type = request.headers.get('content-type') ?? '';
  if (!/^application\/(?:[\w.+-]+\+)?json\s*(?:;|$)/i.test(type)) {
    throw new MockApiError(415, 'invalid_request_error', 'unsupported_media_type', 'Send the body as JSON with `Content-Type: application/json`.');
  }
  try {
    return JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes));
  } catch {
    throw new MockApiError(400, 'invalid_request_error', 'invalid_json', 'The body is not valid UTF-8 JSON.');
  }
};

const tooLarge = () =>
  new MockApiError(413, 'invalid_request_error', 'payload_too_large', `The body is larger than ${MAX_BODY_BYTES} bytes.`);

/** The first value of each query parameter, for a schema to check. */
const queryObject = (query: URLSearchParams) => Object.fromEntries([...query.keys()].map((key) => [key, query.get(key)]));

/** Checks one part of the request against its schema, or refuses it with the API's error. */
const check = (schema: Schema, value: unknown, issueCode?: (issue: z.core.$ZodIssue) => string | undefined) => {
  const parsed = safeParse(schema, value);
  if (!parsed.success) throw validationError(parsed.error.issues, issueCode);
  return parsed.data;
};

/**
 * Makes one MSW handler: request id → auth → authorize → params, query, body → store → response. Everything a
 * handler file writes is its `handle`; every refusal is a `MockApiError` with the API's body.
 */
export const route = <P extends Schema | undefined = undefined, Q extends Schema | undefined = undefined, B extends Schema | undefined = undefined>(
  ctx: MockContext,
  spec: RouteSpec<P, Q, B>,
): HttpHandler =>
  // A path over 8 KiB made MSW's matcher throw (a 500 with a stack): no route takes it, the fallback answers 414.
  guardLongUrls(http[spec.method](`${ctx.baseUrl}${spec.path}`, async ({ request, params }) => {
    const { state } = ctx;
    const requestId = newRequestId(state.requestIdRandom);
    try {
      const actor = authenticate(state, request.headers.get('authorization'));
      const org = state.orgs.get(actor.orgId);
      if (!org) throw new MockApiError(401, 'not_authorized_error', 'invalid_api_key', 'The API key is invalid or has been revoked.');
      spec.authorize?.(org, actor);
      const searchParams = new URL(request.url).searchParams;
      const input = {
        state,
        actor,
        org,
        params: spec.params ? check(spec.params, params) : {},
        query: spec.query ? check(spec.query, queryObject(searchParams)) : searchParams,
        body: spec.body ? check(spec.body, await readJson(request), spec.issueCode) : undefined,
        now: ctx.clock.nowMs(),
      };
      const result = spec.handle(input as Parameters<typeof spec.handle>[0]);
      ctx.clock.reschedule();
      return HttpResponse.json(result.body as never, { status: result.status ?? 200, headers: { 'x-request-id': requestId } });
    } catch (error) {
      if (error instanceof MockApiError) return errorResponse(error, requestId);
      // A bug in the mock, not a behaviour of the API: say so plainly rather than pretend.
      const message = `The Scaling mock failed: ${error instanceof Error ? error.message : String(error)}`;
      return errorResponse(new MockApiError(500, 'internal_error', 'server_error', message), requestId);
    }
  }), () => false);
