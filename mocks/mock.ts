import type { HttpHandler, RequestHandler } from 'msw';
import { DEFAULT_BASE_URL } from '../src/core/constants.js';
import { type ClockControl, createClock, toMillis } from './engine/clock.js';
import { timersOf } from './engine/escalation.js';
import { createAlertFixtures } from './alert-fixtures.js';
import { createComponentFixtures } from './component-fixtures.js';
import { createFixtures } from './fixtures.js';
import { createFaultList, parseFaultRule } from './handlers/faults.js';
import { createDispatcher, type Dispatcher } from './handlers/front.js';
import { createHandlers } from './handlers/index.js';
import { createRequestLog, type RequestLog } from './handlers/request-log.js';
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
 * The mock answers the request directly (the dispatcher, which the first of `mock.handlers` calls
 * too): no globals are patched. It settles as `fetch` does: a caller that gave up gets its signal's
 * reason, a dropped connection (a `Response.error()`) is a `TypeError`.
 */
const resolveWith = (dispatcher: Dispatcher, baseUrl: string) => async (request: Request): Promise<Response> => {
  if (request.signal.aborted) throw request.signal.reason;
  const response = await dispatcher.answer(request);
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
export const internalFetchOf = (mock: ScalingMock): typeof globalThis.fetch => MockBase.internalFetchOf(mock) ?? mock.fetch;

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

/** A fresh mock's state: the default org, its admin, and the admin's key. */
const bootState = (seed: number, start: number, apiKey: string | undefined) => {
  const state = createState(seed);
  const org = createOrgRecord(state, 'Default organization', start);
  const admin = addUser(state, org, { firstName: 'Ada', lastName: 'Admin', role: 'org:admin' }, start);
  return { state, orgId: org.id, userId: admin.id, apiKey: issueApiKey(state, { orgId: org.id, userId: admin.id }, apiKey) };
};

type Origin = { orgId: string; userId: string; apiKey: string };

/**
 * The ids of a fresh mock depend on its seed and key alone (not on the time): booting is how they
 * are made, and `reset()` relies on booting again giving the same ones. So they are kept per seed and
 * key, and a mock whose ids are known boots only when its state is first read.
 */
const origins = new Map<string, Origin>();
const ORIGINS_KEPT = 1000;

const originOf = (seed: number, apiKey: string | undefined, boot: () => ReturnType<typeof bootState>): Origin & { booted?: MockState } => {
  const key = `${seed}\u0000${apiKey ?? ''}`;
  const known = origins.get(key);
  if (known) return known;
  const booted = boot();
  if (origins.size >= ORIGINS_KEPT) origins.clear();
  origins.set(key, { orgId: booted.orgId, userId: booted.userId, apiKey: booted.apiKey });
  return { orgId: booted.orgId, userId: booted.userId, apiKey: booted.apiKey, booted: booted.state };
};

/**
 * The mock's context. Its state is made when first read, after creation and after each `reset()`: a
 * test that resets and sends nothing, or a mock made and dropped, costs no state. (A class: an object
 * literal with accessors is built on V8's slow path, and lands where the young-generation GC keeps it
 * and all it points to, which made dropped mocks expensive to collect.)
 */
class Context implements MockContext {
  #state: MockState | undefined;
  readonly #boot: () => MockState;
  readonly log: RequestLog;
  readonly faults = createFaultList();
  overrides: RequestHandler[] = [];

  constructor(
    state: MockState | undefined,
    boot: () => MockState,
    readonly clock: ClockControl,
    readonly baseUrl: string,
  ) {
    this.#state = state;
    this.#boot = boot;
    this.log = createRequestLog(baseUrl);
  }

  get state(): MockState {
    return (this.#state ??= this.#boot());
  }

  set state(next: MockState) {
    this.#state = next;
  }

  /** Drops the state: the next read boots a fresh one. */
  forget() {
    this.#state = undefined;
  }
}

/**
 * What a mock holds besides its members: `mock.handlers`, built when first read (a class for the
 * reason given at `Context`; a test on `mock.fetch` never needs them), and, for the standalone
 * server, its context and the fetch for its own requests (in private fields rather than module-wide
 * `WeakMap`s, whose entries cost every young-generation GC a pass over them).
 */
class MockBase {
  #handlers: HttpHandler[] | undefined;
  readonly #build: () => HttpHandler[];
  readonly #ctx: MockContext;
  readonly #internalFetch: typeof globalThis.fetch;

  constructor(build: () => HttpHandler[], ctx: MockContext, internalFetch: typeof globalThis.fetch) {
    this.#build = build;
    this.#ctx = ctx;
    this.#internalFetch = internalFetch;
  }

  get handlers(): HttpHandler[] {
    return (this.#handlers ??= this.#build());
  }

  static internalFetchOf(mock: object): typeof globalThis.fetch | undefined {
    return #internalFetch in mock ? (mock as MockBase).#internalFetch : undefined;
  }

  static stateOf(mock: object): MockState | undefined {
    return #ctx in mock ? (mock as MockBase).#ctx.state : undefined;
  }
}

/** The incident's timeline, whichever org it belongs to. */
const timelineOf = (state: MockState, incidentId: string, now: number) => {
  const found = findIncident(state, incidentId);
  if (!found) throw new TypeError(`mock.timeline: no incident ${incidentId} in this mock`);
  return withRenderers(incidentTimeline(state, found.org, found.incident, now));
};

/** The live state of a mock, for the standalone server's read-only views (`/__mock/incidents`, the timeline page). */
export const mockStateOf = (mock: ScalingMock): MockState => {
  const state = MockBase.stateOf(mock);
  if (!state) throw new TypeError('mockStateOf: not a mock from createScalingMock()');
  return state;
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
  const boot = () => bootState(seed, start, options.apiKey);
  const { booted, ...origin } = originOf(seed, options.apiKey, boot);
  const { orgId, userId, apiKey } = origin;
  const identity = { seed, ...origin };
  const reboot = (): MockState => {
    const again = boot();
    // `reset()` and the ids the mock shows rely on this; a guard against ids that stop being seeded.
    if (again.apiKey !== apiKey || again.orgId !== orgId || again.userId !== userId) throw new Error('The Scaling mock failed: booting again made other ids');
    return again.state;
  };
  const clock = createClock(start, timersOf(() => ctx.state));
  const ctx = new Context(booted, reboot, clock, baseUrl);
  if (options.realtime) clock.startRealtime(options.realtime === true ? 1 : (options.realtime.speed ?? 1));

  const dispatcher = createDispatcher(ctx);
  const resolve = resolveWith(dispatcher, baseUrl);
  const members: Omit<ScalingMock, 'handlers'> = {
    fetch: (input, init) => dispatcher.answerDirect(input, init) ?? resolve(new Request(input, init)),
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
    apiKey,
    baseUrl,
    orgId,
    userId,
    clock: { now: clock.now, advance: clock.advance, set: clock.set },
    pages: (filter) => pagesView(ctx.state, filter),
    escalationOf: (incidentId) => escalationOf(ctx.state, incidentId),
    timeline: (incidentId) => timelineOf(ctx.state, incidentId, clock.nowMs()),
    ...createFixtures(ctx, orgId),
    ...createComponentFixtures(ctx),
    ...createAlertFixtures(ctx),
    reset: () => {
      clock.reset(start);
      ctx.forget();
      ctx.faults.clear();
      ctx.overrides = [];
      ctx.log.clear();
    },
    snapshot: () => takeSnapshot(ctx.state, clock.nowMs(), identity),
    restore: (snapshot) => {
      // Read and checked in full before anything changes: a refused snapshot leaves the mock as it was.
      const restored = readSnapshot(snapshot, identity);
      clock.reset(restored.now);
      ctx.state = restored.state;
      // The log counts what a test sent: restoring in `beforeEach` starts each test with none.
      // Fault rules and overrides are the test's setup, not state: they stay.
      ctx.log.clear();
      // In real-time mode, the wake-up follows the restored timers.
      clock.reschedule();
    },
    close: () => clock.stopRealtime(),
  };
  const internalFetch: typeof globalThis.fetch = async (input, init) => {
    const request = new Request(input, init);
    ctx.log.ignore(request);
    return resolve(request);
  };
  return Object.assign(new MockBase(() => createHandlers(ctx, dispatcher), ctx, internalFetch), members);
};
