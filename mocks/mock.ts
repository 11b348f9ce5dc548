import { getResponse, type HttpHandler } from 'msw';
import { DEFAULT_BASE_URL } from '../src/core/constants.js';
import { createClock, toMillis } from './engine/clock.js';
import { timersOf } from './engine/escalation.js';
import { createAlertFixtures } from './alert-fixtures.js';
import { createComponentFixtures } from './component-fixtures.js';
import { createFixtures } from './fixtures.js';
import { createFaultList, parseFaultRule } from './handlers/faults.js';
import { createHandlers } from './handlers/index.js';
import { createRequestLog } from './handlers/request-log.js';
import { parseRequestFilter } from './handlers/request-match.js';
import type { MockContext } from './handlers/route.js';
import { addUser, createOrgRecord, issueApiKey } from './store/orgs.js';
import { createState, type MockState } from './store/state.js';
import { pageIndicesOf } from './engine/escalation-log.js';
import { findPages, pageReason, readPage } from './engine/page-log.js';
import { incidentDetailView } from './store/incident-views.js';
import { iso } from './store/views.js';
import { readSnapshot, takeSnapshot } from './snapshot.js';
import { withRenderers } from './timeline/index.js';
import { findIncident, incidentTimeline } from './timeline/of-incident.js';
import type { MockPage, PageFilter, ScalingMock, ScalingMockOptions } from './types.js';

export type * from './types.js';

/**
 * MSW resolves the request against the handlers directly: no globals are patched. It settles as
 * `fetch` does: a caller that gave up gets its signal's reason, a dropped connection (a
 * `Response.error()`) is a `TypeError`.
 */
const resolveWith = (handlers: HttpHandler[], baseUrl: string) => async (request: Request): Promise<Response> => {
  if (request.signal.aborted) throw request.signal.reason;
  const response = await getResponse(handlers, request);
  if (request.signal.aborted) throw request.signal.reason;
  if (!response) throw new TypeError(`mock.fetch: ${request.method} ${request.url} is not under the mock's baseUrl ${baseUrl}`);
  if (response.type === 'error' || response.status === 0) throw droppedConnection(request);
  return response;
};

/** What `fetch` throws for a connection reset: a `TypeError` whose cause has the socket's code. */
const droppedConnection = (request: Request) =>
  new TypeError('Failed to fetch', {
    cause: Object.assign(new Error(`mock.fetch: the connection of ${request.method} ${request.url} was dropped (a Response.error())`), {
      code: DROPPED_CONNECTION_CODE,
    }),
  });

export const DROPPED_CONNECTION_CODE = 'ECONNRESET';

/** A `fetch` for the mock's own requests (the standalone server's seed): not logged, and no fault or override applies. */
const internalFetches = new WeakMap<ScalingMock, typeof globalThis.fetch>();
export const internalFetchOf = (mock: ScalingMock): typeof globalThis.fetch => internalFetches.get(mock) ?? mock.fetch;

const isRequestHandler = (value: unknown) => typeof (value as { run?: unknown } | null)?.run === 'function';

/**
 * The pages that match, oldest first. An incident's pages come from its own entries in the
 * escalation log (the index `GET /incidents/{id}` reads), the rest is a pass over the page log's
 * integer columns: with 700,000 pages a filtered call costs what it returns, not a read of each.
 */
const pagesView = (state: MockState, filter: PageFilter = {}): MockPage[] => {
  const { pages, log } = state.engine;
  const candidates = filter.incidentId === undefined ? undefined : pageIndicesOf(log, filter.incidentId);
  return findPages(pages, filter, candidates).map((index): MockPage => {
    const page = readPage(pages, index);
    return {
      incidentId: page.incidentId,
      userId: page.userId,
      layerId: page.layerId,
      position: page.position,
      at: iso(page.at),
      reason: pageReason(page.cause),
      orgId: page.orgId,
    };
  });
};

/** The incident's escalation as the API shows it, looked up in every org (test helpers are not tenants). */
const escalationOf = (state: MockState, incidentId: string) => {
  for (const org of state.orgs.values()) {
    const incident = org.incidents.get(incidentId);
    if (incident) return incidentDetailView(state, org, incident).escalation;
  }
  throw new TypeError(`mock.escalationOf: no incident ${incidentId} in this mock`);
};

/** The incident's timeline, whichever org it belongs to. */
const timelineOf = (state: MockState, incidentId: string, now: number) => {
  const found = findIncident(state, incidentId);
  if (!found) throw new TypeError(`mock.timeline: no incident ${incidentId} in this mock`);
  return withRenderers(incidentTimeline(state, found.org, found.incident, now));
};

/** The live state of a mock, for the standalone server's read-only views (`/__mock/incidents`, the timeline page). */
const states = new WeakMap<ScalingMock, () => MockState>();
export const mockStateOf = (mock: ScalingMock): MockState => {
  const state = states.get(mock);
  if (!state) throw new TypeError('mockStateOf: not a mock from createScalingMock()');
  return state();
};

/**
 * An in-memory Scaling API. Every call makes a new, isolated one.
 *
 * ```ts
 * const mock = createScalingMock();
 * const server = setupServer(...mock.handlers);
 * const scaling = new Scaling({ apiKey: mock.apiKey, baseUrl: mock.baseUrl });
 * ```
 */
export const createScalingMock = (options: ScalingMockOptions = {}): ScalingMock => {
  const baseUrl = (options.baseUrl ?? DEFAULT_BASE_URL).replace(/\/+$/, '');
  const start = options.now === undefined ? Date.now() : toMillis(options.now, 'options.now');
  const seed = options.seed ?? 1;
  let ctx: MockContext;
  const clock = createClock(start, timersOf(() => ctx.state));

  const boot = () => {
    const state = createState(seed);
    const org = createOrgRecord(state, 'Default organization', start);
    const admin = addUser(state, org, { firstName: 'Ada', lastName: 'Admin', role: 'org:admin' }, start);
    const apiKey = issueApiKey(state, { orgId: org.id, userId: admin.id }, options.apiKey);
    return { state, org, admin, apiKey };
  };
  const first = boot();
  ctx = { state: first.state, clock, baseUrl, log: createRequestLog(baseUrl), faults: createFaultList(), overrides: [] };
  if (options.realtime) clock.startRealtime(options.realtime === true ? 1 : (options.realtime.speed ?? 1));

  const handlers = createHandlers(ctx);
  const resolve = resolveWith(handlers, baseUrl);
  const origin = { seed, orgId: first.org.id, userId: first.admin.id, apiKey: first.apiKey };
  const mock: ScalingMock = {
    handlers,
    fetch: (input, init) => resolve(new Request(input, init)),
    use: (...added) => {
      const bad = added.findIndex((handler) => !isRequestHandler(handler));
      if (bad >= 0) throw new TypeError(`mock.use: handlers[${bad}] must be an MSW request handler, such as http.get(…); got ${String(added[bad])}`);
      // Newest first, as MSW's `server.use()` does.
      ctx.overrides = [...added, ...ctx.overrides];
    },
    resetHandlers: () => {
      ctx.overrides = [];
    },
    faults: {
      add: (rule) => ctx.faults.add(parseFaultRule(rule)),
      clear: () => ctx.faults.clear(),
    },
    requests: (filter) => ctx.log.list(parseRequestFilter(filter)),
    apiKey: first.apiKey,
    baseUrl,
    orgId: first.org.id,
    userId: first.admin.id,
    clock: { now: clock.now, advance: clock.advance, set: clock.set },
    pages: (filter) => pagesView(ctx.state, filter),
    escalationOf: (incidentId) => escalationOf(ctx.state, incidentId),
    timeline: (incidentId) => timelineOf(ctx.state, incidentId, clock.nowMs()),
    ...createFixtures(ctx, first.org.id),
    ...createComponentFixtures(ctx),
    ...createAlertFixtures(ctx),
    reset: () => {
      clock.reset(start);
      ctx.state = boot().state;
      ctx.faults.clear();
      ctx.overrides = [];
      ctx.log.clear();
    },
    snapshot: () => takeSnapshot(ctx.state, clock.nowMs(), origin),
    restore: (snapshot) => {
      // Read and checked in full before anything changes: a refused snapshot leaves the mock as it was.
      const { state, now } = readSnapshot(snapshot, origin);
      clock.reset(now);
      ctx.state = state;
      // The log counts what a test sent: restoring in `beforeEach` starts each test with none.
      // Fault rules and overrides are the test's setup, not state: they stay.
      ctx.log.clear();
      // In real-time mode, the wake-up follows the restored timers.
      clock.reschedule();
    },
    close: () => clock.stopRealtime(),
  };
  states.set(mock, () => ctx.state);
  internalFetches.set(mock, async (input, init) => {
    const request = new Request(input, init);
    ctx.log.ignore(request);
    return resolve(request);
  });
  return mock;
};
