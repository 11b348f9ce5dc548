import * as z from 'zod/mini';
import { describeIssues, safeParse, toValidationIssues } from '../../src/core/issues.js';
import { AlertInput } from '../alert-fixtures.js';
import { checkOutcome, outcomeFields } from '../handlers/faults.js';
import { Method, PathString } from '../handlers/request-match.js';
import { MAX_BODY_BYTES, errorResponse } from '../handlers/route.js';
import { MockApiError } from '../store/errors.js';
import type { MockSnapshot, PageFilter, ScalingMock } from '../types.js';
import type { SeedSummary } from './seed.js';
import type { ControlEndpoint } from './control-endpoint.js';
import { uiEndpoints } from './ui/routes.js';

/**
 * The standalone server's test controls under `/__mock`: what a test in another language needs
 * from the mock object (the clock, the page log, fault rules, the request log, reset, snapshots).
 * No key needed: they are not the API.
 */

export const CONTROL_PREFIX = '/__mock';

/**
 * `POST /__mock/restore` takes a snapshot, which outgrows the API's 1 MiB limit: a thousand
 * incidents are 1–2 MiB of JSON. Still bounded, so a runaway upload cannot exhaust the memory.
 */
export const MAX_SNAPSHOT_BYTES = 64 * 1024 * 1024;

/** The most a request to `path` may send: the snapshot's limit for a restore, else the API's. */
export const bodyLimitOf = (path: string) => (path.replace(/\/+$/, '') === `${CONTROL_PREFIX}/restore` ? MAX_SNAPSHOT_BYTES : MAX_BODY_BYTES);

export type ControlContext = {
  mock: ScalingMock;
  /** The current seed's summary (`null` without a seed). */
  seed: () => SeedSummary | null;
  /** `mock.reset()`, then the seed (same ids, same keys) or the `--state` snapshot again. */
  reset: () => Promise<SeedSummary | null>;
  /** `mock.restore(snapshot)`, in turn with resets: never in the middle of one. */
  restore: (snapshot: MockSnapshot) => Promise<void>;
};

/** What the bridge read: the body, or how many bytes it saw before giving up on one over `limit`. */
export type ReadBody = { bytes: Uint8Array<ArrayBuffer> } | { tooLarge: number; limit: number };

const refuse = (status: number, code: string, message: string) => new MockApiError(status, 'invalid_request_error', code, message);

const Advance = z
  .strictObject({
    ms: z.optional(z.number().check(z.minimum(0, 'must be a number of milliseconds >= 0'))),
    to: z.optional(z.iso.datetime({ offset: true, error: 'must be an ISO 8601 datetime with an offset, e.g. 2026-04-07T10:05:00Z' })),
  })
  .check(z.refine((body) => (body.ms === undefined) !== (body.to === undefined), 'must have exactly one of ms, to'));

const NonEmpty = z.string().check(z.minLength(1, 'must not be empty'));
/** `GET /__mock/pages`'s filters, as the document describes them. */
const PagesQuery = z.strictObject({
  incidentId: z.optional(NonEmpty),
  userId: z.optional(NonEmpty),
  layerId: z.optional(NonEmpty),
  orgId: z.optional(NonEmpty),
  position: z.optional(z.int().check(z.minimum(1), z.maximum(999_999))),
  reason: z.optional(z.enum(['escalation', 'handoff'], { error: 'must be escalation or handoff' })),
});
/** The same filters as they arrive in a query string (every value a string). */
const PagesUrlQuery = z.strictObject({
  ...PagesQuery.shape,
  position: z.optional(z.pipe(z.string().check(z.regex(/^[1-9]\d{0,5}$/, 'must be a positive integer')), z.transform(Number))),
});

/** A RegExp source, for `pathPattern`: JSON has no RegExp. */
export const Pattern = z.string().check(
  z.minLength(1, 'must not be empty'),
  z.refine((source) => {
    try {
      new RegExp(source);
      return true;
    } catch {
      return false;
    }
  }, 'must be a valid regular expression (JavaScript syntax), tested against the path below the base URL'),
);

/** `POST /__mock/faults`: a rule of `mock.faults.add`, with `pathPattern` (a RegExp's source) in place of a RegExp `path`. */
const FaultBody = z
  .strictObject({ method: z.optional(Method), path: z.optional(PathString), pathPattern: z.optional(Pattern), ...outcomeFields })
  .check(
    z.superRefine((rule, ctx) => {
      if (rule.path !== undefined && rule.pathPattern !== undefined) {
        ctx.addIssue({ code: 'custom', path: ['pathPattern'], message: 'cannot go with path: give one of them', input: rule });
      }
      checkOutcome(rule, ctx);
    }),
  );

/** `GET /__mock/requests`'s filters, as the document describes them. */
const RequestsQuery = z.strictObject({
  method: z.optional(Method),
  path: z.optional(PathString),
  pathPattern: z.optional(Pattern),
  status: z.optional(z.int().check(z.minimum(0), z.maximum(599))),
});
/** The same filters as they arrive in a query string. */
const RequestsUrlQuery = z.strictObject({
  ...RequestsQuery.shape,
  status: z.optional(z.pipe(z.string().check(z.regex(/^\d{1,3}$/, 'must be a status from 0 to 599')), z.transform(Number))),
});

/** `POST /__mock/reset` takes no body, or an empty object. */
const ResetBody = z.strictObject({});

/** `POST /__mock/alerts`: `mock.sendAlert(integrationId, alert)` with the integration in the body. */
const AlertBody = z.strictObject({ integrationId: NonEmpty, ...AlertInput.shape });

/** A query string as an object, each parameter's first value. */
const queryOf = (url: URL) => Object.fromEntries([...url.searchParams.keys()].map((key) => [key, url.searchParams.get(key)]));

const parse = <T extends z.core.$ZodType>(schema: T, value: unknown): z.output<T> => {
  const result = safeParse(schema, value);
  if (!result.success) throw refuse(400, 'invalid_request_error', describeIssues(toValidationIssues(result.error.issues)));
  return result.data;
};

/** Control bodies are JSON whatever their `Content-Type` says: curl's `-d` alone sends a form type. */
const json = (body: ReadBody): unknown => {
  if ('tooLarge' in body) throw refuse(413, 'payload_too_large', `The body is larger than ${body.limit} bytes.`);
  if (body.bytes.byteLength === 0) return undefined;
  try {
    return JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(body.bytes));
  } catch {
    throw refuse(400, 'invalid_json', 'The body is not valid UTF-8 JSON.');
  }
};

/**
 * Every test control, in the order the README's table lists them, then the timeline page's
 * (`ui/routes.ts`). The server routes by this table, and `mock-openapi.json` is built from it.
 */
export const controlEndpoints: ReadonlyArray<ControlEndpoint<ControlContext, ReadBody>> = [
  {
    name: 'clock.get', method: 'GET', path: '/clock',
    handle: async ({ mock }) => ({ now: mock.clock.now().toISOString() }),
  },
  {
    name: 'clock.advance', method: 'POST', path: '/clock/advance', body: Advance,
    handle: async ({ mock }, _url, body) => {
      const { ms, to } = parse(Advance, json(body) ?? {});
      try {
        await (to === undefined ? mock.clock.advance(ms ?? 0) : mock.clock.set(to));
      } catch (error) {
        // The clock refuses to go back in time: the caller's mistake, not the mock's.
        throw refuse(400, 'invalid_request_error', error instanceof Error ? error.message : String(error));
      }
      return { now: mock.clock.now().toISOString() };
    },
  },
  {
    name: 'pages.list', method: 'GET', path: '/pages', query: PagesQuery,
    handle: async ({ mock }, url) => {
      const filter: PageFilter = parse(PagesUrlQuery, queryOf(url));
      return { pages: mock.pages(filter) };
    },
  },
  {
    name: 'alerts.send', method: 'POST', path: '/alerts', body: AlertBody,
    handle: async ({ mock }, _url, body) => {
      const { integrationId, ...alert } = parse(AlertBody, json(body));
      try {
        return mock.sendAlert(integrationId, alert);
      } catch (error) {
        if (error instanceof RangeError) throw refuse(404, 'not_found', error.message);
        throw error;
      }
    },
  },
  {
    name: 'faults.add', method: 'POST', path: '/faults', body: FaultBody,
    handle: async ({ mock }, _url, body) => {
      const { path, pathPattern, ...rule } = parse(FaultBody, json(body));
      mock.faults.add({ ...rule, ...(path === undefined ? {} : { path }), ...(pathPattern === undefined ? {} : { path: new RegExp(pathPattern) }) });
      return { fault: { ...rule, ...(path === undefined ? {} : { path }), ...(pathPattern === undefined ? {} : { pathPattern }) } };
    },
  },
  {
    name: 'faults.clear', method: 'DELETE', path: '/faults',
    handle: async ({ mock }) => {
      mock.faults.clear();
      return { success: true };
    },
  },
  {
    name: 'requests.list', method: 'GET', path: '/requests', query: RequestsQuery,
    handle: async ({ mock }, url) => {
      const { path, pathPattern, status, ...filter } = parse(RequestsUrlQuery, queryOf(url));
      if (path !== undefined && pathPattern !== undefined) throw refuse(400, 'invalid_request_error', 'pathPattern: cannot go with path: give one of them');
      if (status !== undefined && status > 599) throw refuse(400, 'invalid_request_error', 'status: must be a status from 0 to 599');
      return {
        requests: mock.requests({
          ...filter,
          ...(status === undefined ? {} : { status }),
          ...(path === undefined ? {} : { path }),
          ...(pathPattern === undefined ? {} : { path: new RegExp(pathPattern) }),
        }),
      };
    },
  },
  {
    name: 'reset', method: 'POST', path: '/reset', body: ResetBody, bodyRequired: false,
    handle: async (ctx, _url, body) => {
      parse(z.optional(ResetBody), json(body));
      const seed = await ctx.reset();
      return { now: ctx.mock.clock.now().toISOString(), seed };
    },
  },
  {
    name: 'seed.get', method: 'GET', path: '/seed',
    handle: async (ctx) => ({ seed: ctx.seed() }),
  },
  // The snapshot itself is the body, so that `curl …/__mock/snapshot > state.json` gives a file for
  // `--state` and for `POST /__mock/restore` as it is.
  {
    name: 'snapshot.get', method: 'GET', path: '/snapshot',
    handle: async ({ mock }) => mock.snapshot(),
  },
  {
    // `restore` checks the snapshot itself, naming the field; the document describes its header.
    name: 'snapshot.restore', method: 'POST', path: '/restore',
    handle: async (ctx, _url, body) => {
      const snapshot = json(body);
      if (snapshot === undefined) throw refuse(400, 'invalid_snapshot', 'Send a snapshot from GET /__mock/snapshot as the body.');
      try {
        await ctx.restore(snapshot as MockSnapshot);
      } catch (error) {
        // `restore` names what is wrong with the snapshot, and has changed nothing.
        if (error instanceof TypeError) throw refuse(400, 'invalid_snapshot', error.message);
        throw error;
      }
      return { now: ctx.mock.clock.now().toISOString() };
    },
  },
  // The timeline page and the read-only views it polls.
  ...uiEndpoints,
];

/** The table by path, then method. */
const routes = new Map<string, Map<string, ControlEndpoint<ControlContext, ReadBody>>>();
for (const endpoint of controlEndpoints) {
  const methods = routes.get(endpoint.path) ?? new Map<string, ControlEndpoint<ControlContext, ReadBody>>();
  methods.set(endpoint.method, endpoint);
  routes.set(endpoint.path, methods);
}

/** Answers a request whose path starts with `/__mock`, with the API's error body for anything refused. */
export const handleControl = async (ctx: ControlContext, method: string, url: URL, body: ReadBody): Promise<Response> => {
  const requestId = crypto.randomUUID();
  const path = url.pathname.slice(CONTROL_PREFIX.length).replace(/\/+$/, '');
  const methods = routes.get(path);
  try {
    if (!methods) throw refuse(404, 'route_not_found', `No endpoint ${method} ${url.pathname}.`);
    const control = methods.get(method);
    if (!control) {
      const allowed = [...methods.keys()].join(', ');
      const response = errorResponse(refuse(405, 'method_not_allowed', `${method} is not allowed here; use ${allowed}.`), requestId);
      response.headers.set('allow', allowed);
      return response;
    }
    const result = await control.handle(ctx, url, body);
    // A route that answers other than JSON (the timeline page, an SVG) gives its own Response.
    if (result instanceof Response) {
      result.headers.set('x-request-id', requestId);
      return result;
    }
    return Response.json(result, { headers: { 'x-request-id': requestId } });
  } catch (error) {
    if (error instanceof MockApiError) return errorResponse(error, requestId);
    throw error;
  }
};
