import type { HttpHandler, RequestHandler } from 'msw';
import type { Component, ComponentOperationalStatus } from '../src/schemas/components.js';
import type { Escalation } from '../src/schemas/incidents.js';
import type { InboundIntegration } from '../src/schemas/routing.js';
import type { RotationType } from '../src/schemas/schedules.js';
import type { Instant, VirtualClock } from './engine/clock.js';
import type { MemberRole } from '../src/schemas/team.js';
import type { PageReason } from './engine/page-log.js';
import type { MockTimeline } from './timeline/types.js';

export type ScalingMockOptions = {
  /** Where the mock answers. Default: the real API's URL, so a client with default settings is intercepted. */
  baseUrl?: string;
  /**
   * The virtual clock's start. Default: the wall time when the mock is created. The clock's range is
   * 1970-01-01T00:00:00Z to 9999-01-01T00:00:00Z (timestamps keep a four-digit year); an instant
   * outside it is a `RangeError`, as is `clock.advance()` or `clock.set()` past its end.
   */
  now?: Instant;
  /** The default org's API key. Default: a generated `scl_mock_…` key. */
  apiKey?: string;
  /** Seeds ids and keys: the same seed gives the same ids in the same order. Default 1. */
  seed?: number;
  /**
   * Real-time mode, for demos and the standalone server: the clock follows the wall clock, `speed`
   * times faster (default 1, at most 1,000,000), and escalation steps happen on their own; it stops
   * at the end of the clock's range. Call `mock.close()` to stop.
   * Leave it off in tests: there, time moves only when you say.
   */
  realtime?: boolean | { speed?: number };
};

export type MockOrg = { id: string; name: string; apiKey: string; adminUserId: string };
export type MockUser = {
  id: string;
  orgId: string;
  apiKey: string;
  email: string;
  firstName: string;
  lastName: string;
  role: MemberRole;
};
/** A rotation layer for `createSchedule({ layers })`: `participantIds` is required, the rest has defaults. */
export type MockScheduleLayerInput = {
  participantIds: string[];
  /** Default `Layer N` (N = index + 1). */
  name?: string;
  /** Default `weekly`. */
  rotationType?: RotationType;
  /** Default 1 for `daily`, 7 for `weekly`; required for `custom`. */
  rotationLengthDays?: number;
  /** `HH:MM` in the schedule's zone. Default `09:00`. */
  handoffTime?: string;
  /** ISO 8601 datetime. Default: the mock clock's now. */
  effectiveFrom?: string;
  /** ISO 8601 datetime or `null` (default: open-ended). */
  effectiveUntil?: string | null;
};
export type MockSchedule = {
  id: string;
  orgId: string;
  name: string;
  description: string | null;
  timezone: string;
  createdAt: string;
  /** The layers, as `GET /oncall/schedules/{id}` shows them (position 0-based). */
  layers: Array<{
    id: string;
    scheduleId: string;
    orgId: string;
    name: string;
    position: number;
    rotationType: RotationType;
    rotationLengthDays: number;
    handoffTime: string;
    effectiveFrom: string;
    effectiveUntil: string | null;
    participantIds: string[];
    createdAt: string;
    updatedAt: string;
  }>;
};

/** An inbound integration as `GET /integrations/inbound/{id}` shows it. */
export type MockInboundIntegration = InboundIntegration;

/** What `mock.sendAlert()` did: the routing decision, and the incident it opened (`null` when none). */
export type MockAlertResult = {
  outcome: 'incident' | 'provisional_page' | 'notification' | 'drop';
  routingPolicyId: string;
  /** The selector that matched, or `null` when the integration's or the org's default policy applied. */
  selectorIndex: number | null;
  escalationPolicyId: string | null;
  incidentId: string | null;
};

/** A status page: it has no API, and only decides whether public incident updates are seen. */
export type MockStatusPage = { id: string; orgId: string; componentIds: string[]; published: boolean };

export type ScalingMock = {
  /**
   * MSW request handlers for every endpoint: `setupServer(...mock.handlers)`. The first applies the
   * fault rules and `use()` overrides as they stand per request (and returns nothing when none
   * applies); the last answers unknown routes under `baseUrl` with the API's 404 or 405.
   */
  readonly handlers: HttpHandler[];
  /**
   * A `fetch` that answers from the same handlers without intercepting anything:
   * `new Scaling({ fetch: mock.fetch, apiKey: mock.apiKey })` needs no `setupServer`, so tests can run
   * in parallel, in workers, and where interception is unavailable. It settles as `fetch` does: a URL
   * outside `baseUrl` and a dropped connection (a `Response.error()`) reject with a `TypeError`, an
   * aborted signal with its reason.
   */
  readonly fetch: typeof globalThis.fetch;
  /** The default org's API key, owned by its admin user. */
  readonly apiKey: string;
  readonly baseUrl: string;
  /** The default org. */
  readonly orgId: string;
  /** The default org's admin, who owns `apiKey`. */
  readonly userId: string;
  /** The virtual clock that stamps every timestamp. Time never moves on its own. */
  readonly clock: VirtualClock;
  /** Every page so far, oldest first, optionally filtered: who was paged, when, by which layer. */
  pages(filter?: PageFilter): MockPage[];
  /**
   * Where an incident's escalation stands, whichever org it belongs to: the `escalation` that
   * `GET /incidents/{id}` shows (`null` without a policy). Read-only. A `TypeError` for an unknown id.
   */
  escalationOf(incidentId: string): Escalation | null;
  /**
   * The incident's escalation as a story in time, whichever org it belongs to: every page, escalation,
   * skipped layer, acknowledgment, handoff, exhaustion and resolution (read from its audit trail),
   * the policy's layers, the next due step and the clock's now, as plain data. `.toSVG()` draws it,
   * `.toText()` writes it (the same renderers as `toSVG()` / `toText()`). A snapshot: it does not
   * change as the mock does. A `TypeError` for an unknown id.
   */
  timeline(incidentId: string): MockTimeline;
  /** A new org with an admin user who owns the returned key. */
  createOrg(input?: { name?: string; apiKey?: string }): MockOrg;
  /** A member of the default org (or of `orgId`) with a key of their own: requests with it act as them. */
  createUser(input?: { orgId?: string; firstName?: string; lastName?: string; email?: string; role?: MemberRole; apiKey?: string }): MockUser;
  /**
   * An on-call schedule of the default org (or of `orgId`), usable as a layer target, with the
   * rotation `layers` given (in position order; participants must be members of that org).
   */
  createSchedule(input?: {
    orgId?: string;
    name?: string;
    description?: string | null;
    timezone?: string;
    layers?: MockScheduleLayerInput[];
  }): MockSchedule;
  /**
   * A status page of the default org (or of `orgId`) showing `componentIds`, which must be that
   * org's components. Published unless `published: false`.
   */
  createStatusPage(input: { orgId?: string; componentIds: string[]; published?: boolean }): MockStatusPage;
  /**
   * What an admin sets outside the API, for testing status logic: `override` fixes the component's
   * `operationalStatus` whatever its incidents say (`null` lifts it); `maintenanceWindow` schedules
   * maintenance (`endsAt` absent or `null`: open-ended; `null` cancels it), shown while
   * `startedAt ≤ now < endsAt`. A field left out is unchanged. Returns the component as the API now
   * shows it. The component may be in any org of the mock; a `RangeError` for an unknown id.
   */
  setComponentStatus(
    componentId: string,
    input: {
      override?: ComponentOperationalStatus | null;
      maintenanceWindow?: { startedAt: Date | string; endsAt?: Date | string | null } | null;
    },
  ): Component;
  /**
   * An inbound integration of the default org (or of `orgId`): the API has none to create, as the
   * real one is connected outside it. `componentId` must be a component of that org and
   * `routingPolicyId` (default `null`: the org's default policy) a routing policy of it. `name`
   * (default `Integration N`) is unique in the org. It starts with no selectors.
   */
  createInboundIntegration(input: { orgId?: string; name?: string; componentId: string; routingPolicyId?: string | null }): MockInboundIntegration;
  /**
   * A simulation of an alert reaching an inbound integration (the API that ingests alerts is not
   * public): the routing rules of `simulateRouting()` pick the routing policy and the rule for the
   * alert's severity; `incident` and `provisional_page` open an incident on the integration's
   * component with the rule's escalation policy (none when the rule names none), and its escalation
   * starts as for any incident; `notification` and `drop` open nothing. Returns the decision and
   * the incident's id (`null` when none was opened). A `RangeError` for an unknown integration, a
   * `TypeError` naming the field for a malformed alert.
   */
  sendAlert(
    integrationId: string,
    alert: { severity: 'critical' | 'high' | 'medium' | 'low'; attributes?: Record<string, string>; title?: string },
  ): MockAlertResult;
  /**
   * Puts MSW handlers in front of the mock's routes, newest first, as `server.use()` does: on
   * `mock.fetch` and in any `setupServer(...mock.handlers)`, even one made before this call (the
   * first of `mock.handlers` consults them per request). A handler that returns nothing falls through
   * to the mock; `{ once: true }` works as in MSW. Only requests under `baseUrl` reach them.
   */
  use(...handlers: RequestHandler[]): void;
  /** Removes every handler `use()` added. */
  resetHandlers(): void;
  /**
   * Failures staged by rule, checked before the overrides and the routes: `add(rule)` (the oldest
   * matching rule with requests left wins), `clear()` removes them all. See `MockFaultRule`.
   */
  readonly faults: {
    add(rule: MockFaultRule): void;
    clear(): void;
  };
  /**
   * Every request the mock answered, oldest first (the most recent 10,000 are kept): routes, 404,
   * 405, 413, 414, faults and `use()` overrides. Filter by `method`, `path` (the table's path such as
   * `/incidents/{incidentId}`, the path as sent, or a `RegExp` tested against the path as sent) and
   * `status`. Requests answered by handlers you put before the mock's (`server.use()`) never reach it.
   */
  requests(filter?: MockRequestFilter): MockRequest[];
  /**
   * Back to the state right after creation: same org, user and key; everything else (incidents,
   * timers, pages) gone; clock at its start; no faults, no `use()` overrides, an empty request log.
   */
  reset(): void;
  /**
   * The whole state, as plain data: every org with its users, keys, invitations, schedules,
   * policies, components, status pages, working hours, routing policies, inbound integrations and
   * incidents; the pending escalation timers, every page and audit-trail step; the clock; and
   * where the id and request-id generators stand. It shares nothing with the mock (later changes
   * do not reach it), and it is `structuredClone`-able and JSON-serialisable: keep it in a variable,
   * or write it to a file for the standalone server (`--state`, `POST /__mock/restore`).
   */
  snapshot(): MockSnapshot;
  /**
   * Brings back a state from `snapshot()`: afterwards the mock behaves exactly as the one the
   * snapshot was taken from did at that moment (the same data, the same next ids, escalation steps
   * at the same instants). The snapshot itself is not used (restoring it twice gives two identical
   * starts) and `reset()` still goes back to this mock's creation state. It may come from another
   * mock created with the same `seed` and `apiKey` options (`baseUrl`, `now` and `realtime` may
   * differ): `orgId`, `userId` and `apiKey` must stay true. Anything else (another kind of object,
   * another version, a snapshot of another mock, a corrupt field) is a `TypeError` naming the
   * field, and the mock is left as it was.
   */
  restore(snapshot: MockSnapshot): void;
  /** Stops real-time mode's wall-clock timer. A no-op otherwise. */
  close(): void;
};

/**
 * What `mock.snapshot()` returns and `mock.restore()` takes: plain data (JSON and
 * `structuredClone` keep it whole). Only the header is an API; `state` is laid out as `version` says.
 */
export type MockSnapshot = {
  /** Always `scaling-mock-snapshot`: says what the object is. */
  readonly format: 'scaling-mock-snapshot';
  /** The layout of `state`; this package reads version 1 only. */
  readonly version: 1;
  /** The mock it was taken from: its `seed` option, and its default org, admin and key. */
  readonly origin: { readonly seed: number; readonly orgId: string; readonly userId: string; readonly apiKey: string };
  /** The virtual clock when it was taken, epoch milliseconds. */
  readonly clock: number;
  /** Everything else: orgs and their records, API keys, the generators, timers, pages and the escalation log. */
  readonly state: unknown;
};

/** One page: `userId` was notified about `incidentId` at `at`, by the layer at `position`. */
export type MockPage = {
  incidentId: string;
  userId: string;
  /** `null` for a handoff on an incident without an escalation policy. */
  layerId: string | null;
  position: number | null;
  /** ISO 8601, from the mock's clock. */
  at: string;
  /** `escalation` when a layer was reached; `handoff` when the incident was handed to them. */
  reason: PageReason;
  orgId: string;
};

export type PageFilter = Partial<Pick<MockPage, 'incidentId' | 'userId' | 'layerId' | 'position' | 'reason' | 'orgId'>>;

/**
 * What happens to the requests a fault rule matches: an error answer (`status`), a dropped connection
 * or no answer at all (`network`), the request applied and then its answer lost (`afterWrite`), and/or
 * an answer that comes late (`delayMs`). A rule needs at least one of these.
 */
export type MockFaultRule = {
  /** `GET`, `POST`, `PUT`, `PATCH` or `DELETE` (any case). Default: every method. */
  method?: string;
  /**
   * The endpoint table's path (`/incidents/{incidentId}`, parameter names as the table has them) or a
   * path as sent (`/incidents/inc_1`), below `baseUrl`; or a `RegExp` tested against the path as sent.
   * Default: every path.
   */
  path?: string | RegExp;
  /** How many matching requests the rule applies to, then it is gone. Default: every one. */
  times?: number;
  /** An error status (400–599), answered with the API's error body before anything is applied. */
  status?: number;
  /** The body's `code`. Default `rate_limited` for 429 and `server_error` for 5xx; required otherwise. */
  code?: string;
  /** The body's `message`. Default: a short one for the status. */
  message?: string;
  /** A `Retry-After` header, in whole seconds (429 and 503 only). */
  retryAfter?: number;
  /**
   * The request is applied to the mock's state and **then** its answer is lost: replaced by `status`
   * (default 500 `server_error`) or by `network` (`reset`: the connection drops after the write;
   * `timeout`: no answer). The case that makes retrying a creating POST dangerous.
   */
  afterWrite?: boolean;
  /**
   * `reset`: the connection drops (a `Response.error()`; the SDK throws `ScalingConnectionError`).
   * `timeout`: no answer until the caller's signal aborts (the client's `timeoutMs`). Excludes `status`.
   */
  network?: 'reset' | 'timeout';
  /**
   * Wait this long (real time, milliseconds) before handling the request. The virtual clock does not
   * move meanwhile (except in real-time mode, where it follows the wall clock). Alone, the answer is
   * the mock's own, late; with another outcome, that outcome comes late.
   */
  delayMs?: number;
};

/** How a fault rule changed a request: `error` (status before the route), `afterWrite`, `reset`, `timeout`, or `delay` alone. */
export type FaultKind = 'error' | 'afterWrite' | 'reset' | 'timeout' | 'delay';

/** One request the mock answered, as `mock.requests()` lists it. */
export type MockRequest = {
  /** Upper case. */
  method: string;
  /** The endpoint table's path (`/incidents/{incidentId}`); the path as sent when no endpoint has it. */
  path: string;
  /** The whole URL, query included. */
  url: string;
  /** The status answered; `0` for a dropped connection or no answer (a `reset` or `timeout` fault, a `Response.error()`). */
  status: number;
  /** The org of the request's API key; `null` without a valid key. */
  orgId: string | null;
  /** The JSON body sent, parsed; `null` without one (or when it is not JSON). */
  body: unknown;
  /** ISO 8601, the virtual clock's time when the request arrived. */
  at: string;
  /** Set when a fault rule applied to the request. */
  fault?: FaultKind;
  /** `true` when a handler of `mock.use()` answered it. */
  override?: true;
};

export type MockRequestFilter = {
  /** Any case. */
  method?: string;
  /** The endpoint table's path, the path as sent, or a `RegExp` tested against the path as sent. */
  path?: string | RegExp;
  status?: number;
};
