import * as z from 'zod/mini';
import { Timestamp } from '../../src/schemas/common.js';
import { IncidentStatus, Severity } from '../../src/schemas/incidents.js';
import { RoutingOutcome } from '../../src/schemas/routing.js';
import { outcomeFields } from '../handlers/faults.js';

/**
 * The prose and the answers of each test control, by the entry's `name` (`control.ts`), for
 * `mock-openapi.json`. Kept apart from the entries, as the API's docs are from its table: the server
 * reads none of it. The answer schemas describe what the handlers send; the document's tests call
 * every control and validate each answer against them.
 */

const Id = z.string();
const Nullable = <T extends z.core.$ZodType>(schema: T) => z.nullable(schema);

/** `{ now }`: the mock clock, ISO 8601. */
export const ClockAnswer = z.strictObject({ now: Timestamp });

/** One page: `userId` was notified about `incidentId` at `at`, by the layer at `position` (as `mock.pages()`). */
export const Page = z.strictObject({
  incidentId: Id,
  userId: Id,
  layerId: Nullable(Id),
  position: Nullable(z.int()),
  at: Timestamp,
  reason: z.enum(['escalation', 'handoff']),
  orgId: Id,
});
const PagesAnswer = z.strictObject({ pages: z.array(Page) });

/** What `mock.sendAlert()` did: the routing decision, and the incident it opened (`null` when none). */
const AlertAnswer = z.strictObject({
  outcome: RoutingOutcome,
  routingPolicyId: Id,
  selectorIndex: Nullable(z.int()),
  escalationPolicyId: Nullable(Id),
  incidentId: Nullable(Id),
});

/** The rule as added: the body's fields, checked. */
const FaultAnswer = z.strictObject({
  fault: z.strictObject({ method: z.optional(z.string()), path: z.optional(z.string()), pathPattern: z.optional(z.string()), ...outcomeFields }),
});

const SuccessAnswer = z.strictObject({ success: z.literal(true) });

/** One request the mock answered, as `mock.requests()` lists it. */
export const LoggedRequest = z.strictObject({
  method: z.string(),
  path: z.string(),
  url: z.string(),
  status: z.int(),
  orgId: Nullable(Id),
  /** Any JSON value, or `null`. */
  body: z.unknown(),
  at: Timestamp,
  fault: z.optional(z.enum(['error', 'afterWrite', 'reset', 'timeout', 'delay'])),
  override: z.optional(z.literal(true)),
});
const RequestsAnswer = z.strictObject({ requests: z.array(LoggedRequest) });

const Made = z.strictObject({ ref: Nullable(z.string()), id: Id, name: z.string() });
const MadeWithLayers = z.strictObject({ ref: Nullable(z.string()), id: Id, name: z.string(), layerIds: z.array(Id) });
const Refs = z.record(z.string(), Id);

/** What the seed made, with `refs` mapping the seed's names to ids; `null` without a seed. */
export const SeedSummary = z.nullable(
  z.strictObject({
    orgs: z.array(
      z.strictObject({
        id: Id,
        name: z.string(),
        default: z.boolean(),
        apiKey: z.string(),
        adminUserId: Id,
        users: z.array(z.strictObject({ ref: Nullable(z.string()), id: Id, email: z.string(), role: z.string(), apiKey: z.string() })),
        schedules: z.array(MadeWithLayers),
        policies: z.array(MadeWithLayers),
        components: z.array(Made),
        routingPolicies: z.array(Made),
        inboundIntegrations: z.array(Made),
      }),
    ),
    refs: z.strictObject({ users: Refs, schedules: Refs, policies: Refs, components: Refs, routingPolicies: Refs, inboundIntegrations: Refs }),
  }),
);
const ResetAnswer = z.strictObject({ now: Timestamp, seed: SeedSummary });
const SeedAnswer = z.strictObject({ seed: SeedSummary });

/** What `mock.snapshot()` returns and `POST /__mock/restore` takes. Only the header is an API; `state` is laid out as `version` says. */
export const Snapshot = z.strictObject({
  format: z.literal('scaling-mock-snapshot'),
  version: z.literal(1),
  origin: z.strictObject({ seed: z.number(), orgId: Id, userId: Id, apiKey: z.string() }),
  /** Epoch milliseconds. */
  clock: z.number(),
  state: z.looseObject({}),
});

const Person = Nullable(z.strictObject({ id: Id, name: z.string() }));
const IncidentSummary = z.strictObject({
  id: Id,
  title: z.string(),
  severity: Severity,
  status: IncidentStatus,
  createdAt: Timestamp,
  owner: Person,
  acknowledgedBy: Person,
  policy: Nullable(z.strictObject({ id: Id, name: Nullable(z.string()) })),
  escalation: Nullable(z.strictObject({ state: z.string(), position: Nullable(z.int()), nextEscalationAt: Nullable(Timestamp) })),
});
const IncidentsAnswer = z.strictObject({
  now: Timestamp,
  nextStepAt: Nullable(Timestamp),
  orgs: z.array(z.strictObject({ id: Id, name: z.string(), incidentCount: z.int(), incidents: z.array(IncidentSummary) })),
});

/** One event of a timeline: `kind` says which, and which other fields it has (see `mock.timeline()`). */
const TimelineEvent = z.looseObject({
  kind: z.enum(['opened', 'page', 'escalated', 'skipped', 'acknowledged', 'handoff', 'exhausted', 'resolved', 'stopped', 'status']),
  at: Timestamp,
});
const TimelineAnswer = z.strictObject({
  timeline: z.looseObject({
    source: z.enum(['mock', 'simulation']),
    incidentId: Nullable(Id),
    title: z.string(),
    status: Nullable(z.string()),
    escalationState: Nullable(z.string()),
    policy: Nullable(z.strictObject({ id: Nullable(Id), name: Nullable(z.string()) })),
    lanes: z.array(z.strictObject({ position: z.int(), layerId: Id, ackTimeoutMinutes: Nullable(z.int()), target: z.string(), condition: Nullable(z.string()) })),
    start: Timestamp,
    now: Nullable(Timestamp),
    next: Nullable(z.strictObject({ at: Timestamp, position: Nullable(z.int()) })),
    events: z.array(TimelineEvent),
    names: z.record(z.string(), z.string()),
  }),
  org: z.strictObject({ id: Id, name: z.string() }),
  incident: IncidentSummary,
  policy: Nullable(
    z.strictObject({
      id: Id,
      name: z.string(),
      description: Nullable(z.string()),
      layers: z.array(
        z.strictObject({
          position: z.int(),
          layerId: Id,
          ackTimeoutMinutes: z.int(),
          target: z.looseObject({ type: z.enum(['schedule', 'users']) }),
          targetLabel: z.string(),
          condition: Nullable(z.string()),
        }),
      ),
    }),
  ),
  schedules: z.array(
    z.strictObject({
      id: Id,
      name: z.string(),
      timezone: z.string(),
      owner: Person,
      layers: z.array(z.strictObject({ position: z.int(), name: z.string(), onCall: Person })),
    }),
  ),
});

/**
 * The schemas the control document names under `components/schemas`. Answers are referred to by
 * these names, so that a generated client has a type for each (`components['schemas']['Page']`).
 */
export const controlSchemas = {
  ClockAnswer,
  Page,
  PagesAnswer,
  AlertAnswer,
  FaultAnswer,
  SuccessAnswer,
  LoggedRequest,
  RequestsAnswer,
  SeedSummary,
  ResetAnswer,
  SeedAnswer,
  Snapshot,
  IncidentsAnswer,
  TimelineAnswer,
} satisfies Record<string, z.core.$ZodType>;

/** A non-JSON answer: its media type, and what it is. */
export type MediaAnswer = { type: string; description: string };

export type ControlDocs = {
  tag: 'Clock and pages' | 'Alerts' | 'Faults and requests' | 'State' | 'Timeline page';
  summary: string;
  description: string;
  /** The JSON answer (a schema of `controlSchemas`), and/or other media types (a page, an SVG). */
  answer: z.core.$ZodType | undefined;
  media?: readonly MediaAnswer[];
  /** The refusals of the control's own (a bad filter, an unknown integration); the shared ones are added by the document. */
  errors?: Readonly<Partial<Record<400 | 404, readonly string[]>>>;
  /** A body the handler checks itself, not by a schema of its entry (a snapshot): a schema of `controlSchemas`. */
  requestBody?: z.core.$ZodType;
  /** Query parameters that mean something else here than in `controlParameterDocs`. */
  parameters?: Readonly<Record<string, string>>;
};

/** What each tag of the control document groups. */
export const controlTagDocs: Readonly<Record<ControlDocs['tag'], string>> = {
  'Clock and pages': 'The virtual clock (moving it runs every escalation step that falls due) and the pages it caused.',
  Alerts: 'Alerts from an inbound integration, as its source would send them: routed, and maybe an incident opened.',
  'Faults and requests': 'Failures staged by rule (an error status, a dropped connection, no answer, a late answer) and the log of the requests answered.',
  State: 'Back to the start, what the seed made, and snapshots of the whole mock.',
  'Timeline page': 'The timeline page for a browser, and the read-only views its script polls.',
};

const BAD_INPUT = { 400: ['invalid_request_error'] } as const;

export const controlDocs: Readonly<Record<string, ControlDocs>> = {
  'clock.get': {
    tag: 'Clock and pages',
    summary: 'Tell the mock clock\'s time',
    description: 'The virtual clock\'s time now. It moves only when told to (`POST /__mock/clock/advance`), unless the server runs with `--realtime`.',
    answer: ClockAnswer,
  },
  'clock.advance': {
    tag: 'Clock and pages',
    summary: 'Move the clock forward',
    description: 'By `ms` milliseconds or to the instant `to` (exactly one of them). Every escalation step that falls due on the way runs, in order; the clock never goes back (400).',
    answer: ClockAnswer,
    errors: BAD_INPUT,
  },
  'pages.list': {
    tag: 'Clock and pages',
    summary: 'List the pages sent',
    description: 'Every page the mock sent, oldest first, as `mock.pages()` gives them; each filter narrows the list. An unknown filter is 400.',
    answer: PagesAnswer,
    errors: BAD_INPUT,
  },
  'alerts.send': {
    tag: 'Alerts',
    summary: 'Send an alert from an inbound integration',
    description: 'As `mock.sendAlert()`: the integration\'s routing decides what happens (open an incident, page provisionally, notify, drop). 404 for an unknown integration.',
    answer: AlertAnswer,
    errors: { ...BAD_INPUT, 404: ['not_found'] },
  },
  'faults.add': {
    tag: 'Faults and requests',
    summary: 'Add a fault rule',
    description: 'As `mock.faults.add()`: the requests the rule matches (`method`, `path` or `pathPattern`, a RegExp\'s source) get an error status, a dropped connection (`network: reset`), no answer (`network: timeout`), their answer lost after the write (`afterWrite`), and/or a late answer (`delayMs`), `times` times (default: every one).',
    answer: FaultAnswer,
    errors: BAD_INPUT,
  },
  'faults.clear': {
    tag: 'Faults and requests',
    summary: 'Remove every fault rule',
    description: 'As `mock.faults.clear()`.',
    answer: SuccessAnswer,
  },
  'requests.list': {
    tag: 'Faults and requests',
    summary: 'List the requests answered',
    description: 'As `mock.requests()`: every request the API answered, oldest first (not the seed\'s own); each filter narrows the list (`path` and `pathPattern` exclude each other).',
    answer: RequestsAnswer,
    errors: BAD_INPUT,
  },
  reset: {
    tag: 'State',
    summary: 'Go back to the start',
    description: 'The mock as it started: the seed applied again (same ids and keys) or the `--state` snapshot restored; no fault rules, an empty request log.',
    answer: ResetAnswer,
    errors: BAD_INPUT,
  },
  'seed.get': {
    tag: 'State',
    summary: 'What the seed made',
    description: 'The orgs, users, keys, schedules, policies, components, routing policies and integrations the seed made, with `refs` mapping the seed\'s names to ids; `null` without a seed.',
    answer: SeedAnswer,
  },
  'snapshot.get': {
    tag: 'State',
    summary: 'Take a snapshot of the whole mock',
    description: 'As `mock.snapshot()`: save it as a file for `--state`, or send it back to `POST /__mock/restore` later.',
    answer: Snapshot,
  },
  'snapshot.restore': {
    tag: 'State',
    summary: 'Restore a snapshot',
    description: 'As `mock.restore()`: the body is a snapshot from `GET /__mock/snapshot` (up to 64 MiB) of a server with the same default key. One that cannot be restored is 400 `invalid_snapshot`, naming the field, and nothing changes. `POST /__mock/reset` still goes back to the start.',
    answer: ClockAnswer,
    requestBody: Snapshot,
    errors: { 400: ['invalid_json', 'invalid_snapshot'] },
  },
  'ui.page': {
    tag: 'Timeline page',
    summary: 'The timeline page',
    description: 'The page for a browser: the clock and its buttons, the orgs and their incidents, the selected incident\'s escalation. It opens without the control header; its script sends it.',
    answer: undefined,
    media: [{ type: 'text/html', description: 'The page.' }],
  },
  'ui.script': {
    tag: 'Timeline page',
    summary: 'The timeline page\'s script',
    description: 'Loaded by the page; opens without the control header.',
    answer: undefined,
    media: [{ type: 'text/javascript', description: 'The script.' }],
  },
  'ui.style': {
    tag: 'Timeline page',
    summary: 'The timeline page\'s style',
    description: 'Loaded by the page; opens without the control header.',
    answer: undefined,
    media: [{ type: 'text/css', description: 'The style sheet.' }],
  },
  'incidents.list': {
    tag: 'Timeline page',
    summary: 'Every org\'s incidents, with their escalation',
    description: 'Every org, oldest first, with its 200 most recent incidents, newest first; `nextStepAt` is the soonest escalation step due in the whole mock.',
    answer: IncidentsAnswer,
    errors: BAD_INPUT,
  },
  'timeline.get': {
    tag: 'Timeline page',
    summary: 'An incident\'s timeline',
    description: '`format=json` (default): the timeline as `mock.timeline()` gives it, with the policy\'s layers and who is on call now on the schedules they page; `svg`: the drawing (`width` 480–4000, default 1200); `text`: one event a line. 404 for an unknown incident.',
    answer: TimelineAnswer,
    media: [
      { type: 'image/svg+xml', description: 'With `format=svg`: the drawing.' },
      { type: 'text/plain', description: 'With `format=text`: one event a line.' },
    ],
    errors: { ...BAD_INPUT, 404: ['not_found'] },
    parameters: { incidentId: 'The incident whose timeline to show.' },
  },
};

/** What each query parameter of the controls is, by name. */
export const controlParameterDocs: Readonly<Record<string, string>> = {
  incidentId: 'Only pages about this incident.',
  userId: 'Only pages to this user.',
  layerId: 'Only pages by this layer.',
  orgId: 'Only pages in this org.',
  position: 'Only pages by the layer at this position.',
  reason: 'Only pages for this reason: `escalation` (a layer was reached) or `handoff` (the incident was handed to them).',
  method: 'Only requests with this method (any case).',
  path: 'Only requests to this path below the base URL: the endpoint table\'s (`/incidents/{incidentId}`) or as sent (`/incidents/inc_1`).',
  pathPattern: 'Only requests whose path, as sent, matches this regular expression (JavaScript syntax). Not with `path`.',
  status: 'Only requests answered with this status (`0`: no answer).',
  format: '`json` (default), `svg` or `text`.',
  width: 'The drawing\'s width in pixels, with `format=svg` (default 1200).',
};
