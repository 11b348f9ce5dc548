import { getResponse, type HttpHandler } from 'msw';
import { DEFAULT_BASE_URL } from '../src/core/constants.js';
import { createClock, toMillis } from './engine/clock.js';
import { timersOf } from './engine/escalation.js';
import { createAlertFixtures } from './alert-fixtures.js';
import { createComponentFixtures } from './component-fixtures.js';
import { createFixtures } from './fixtures.js';
import { createHandlers } from './handlers/index.js';
import type { MockContext } from './handlers/route.js';
import { addUser, createOrgRecord, issueApiKey } from './store/orgs.js';
import { createState, type MockState } from './store/state.js';
import { pageReason, readPage } from './engine/page-log.js';
import { incidentDetailView } from './store/incident-views.js';
import { iso } from './store/views.js';
import { readSnapshot, takeSnapshot } from './snapshot.js';
import type { MockPage, PageFilter, ScalingMock, ScalingMockOptions } from './types.js';

export type * from './types.js';

/** MSW resolves the request against the handlers directly: no globals are patched. */
const fetchFrom = (handlers: HttpHandler[], baseUrl: string): typeof globalThis.fetch => async (input, init) => {
  const request = new Request(input, init);
  const response = await getResponse(handlers, request);
  if (!response) throw new TypeError(`mock.fetch: ${request.method} ${request.url} is not under the mock's baseUrl ${baseUrl}`);
  return response;
};

const pagesView = (state: MockState, filter: PageFilter = {}): MockPage[] => {
  const wanted = Object.entries(filter).filter(([, value]) => value !== undefined);
  return Array.from({ length: state.engine.pages.size }, (_, index) => readPage(state.engine.pages, index))
    .map((page): MockPage => ({
      incidentId: page.incidentId,
      userId: page.userId,
      layerId: page.layerId,
      position: page.position,
      at: iso(page.at),
      reason: pageReason(page.cause),
      orgId: page.orgId,
    }))
    .filter((page) => wanted.every(([key, value]) => page[key as keyof MockPage] === value));
};

/** The incident's escalation as the API shows it, looked up in every org (test helpers are not tenants). */
const escalationOf = (state: MockState, incidentId: string) => {
  for (const org of state.orgs.values()) {
    const incident = org.incidents.get(incidentId);
    if (incident) return incidentDetailView(state, org, incident).escalation;
  }
  throw new TypeError(`mock.escalationOf: no incident ${incidentId} in this mock`);
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
  ctx = { state: first.state, clock, baseUrl };
  if (options.realtime) clock.startRealtime(options.realtime === true ? 1 : (options.realtime.speed ?? 1));

  const handlers = createHandlers(ctx);
  const origin = { seed, orgId: first.org.id, userId: first.admin.id, apiKey: first.apiKey };
  return {
    handlers,
    fetch: fetchFrom(handlers, baseUrl),
    apiKey: first.apiKey,
    baseUrl,
    orgId: first.org.id,
    userId: first.admin.id,
    clock: { now: clock.now, advance: clock.advance, set: clock.set },
    pages: (filter) => pagesView(ctx.state, filter),
    escalationOf: (incidentId) => escalationOf(ctx.state, incidentId),
    ...createFixtures(ctx, first.org.id),
    ...createComponentFixtures(ctx),
    ...createAlertFixtures(ctx),
    reset: () => {
      clock.reset(start);
      ctx.state = boot().state;
    },
    snapshot: () => takeSnapshot(ctx.state, clock.nowMs(), origin),
    restore: (snapshot) => {
      // Read and checked in full before anything changes: a refused snapshot leaves the mock as it was.
      const { state, now } = readSnapshot(snapshot, origin);
      clock.reset(now);
      ctx.state = state;
      // In real-time mode, the wake-up follows the restored timers.
      clock.reschedule();
    },
    close: () => clock.stopRealtime(),
  };
};
