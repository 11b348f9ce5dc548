import * as z from 'zod/mini';
import { isoDate, isoDateTime } from './iso.js';
import { dataEnvelope, Id, PathId, Timestamp, uniqueIds } from './common.js';
import { isValidTimeZone } from './time-zone.js';

/** The most rotation layers a schedule may have (reorder accepts 1–50 ids, as for policies). */
export const MAX_LAYERS_PER_SCHEDULE = 50;
/** The most participants a rotation layer may list. */
export const MAX_PARTICIPANTS_PER_LAYER = 100;
/** The longest rotation: a year. */
export const MAX_ROTATION_LENGTH_DAYS = 365;

// `/oncall/schedules/{scheduleId}`
export const SchedulePathParams = z.strictObject({ scheduleId: PathId });

// `/oncall/schedules/{scheduleId}/layers/{layerId}`
export const ScheduleLayerPathParams = z.strictObject({ scheduleId: PathId, layerId: PathId });

const ScheduleName = z.string().check(
  z.minLength(1, 'must be 1 to 255 characters'),
  z.maxLength(255, 'must be 1 to 255 characters'),
);
const ScheduleDescription = z.nullable(z.string());

// An IANA zone name the platform knows (`America/New_York`); not an offset (`UTC+5`) or an abbreviation (`EST`).
export const TimeZone = z.string().check(
  z.refine(isValidTimeZone, 'must be an IANA time zone name such as America/New_York (not an offset or an abbreviation)'),
);

// Body of `POST /oncall/schedules`.
export const ScheduleCreateParams = z.strictObject({
  name: ScheduleName,
  description: z.optional(ScheduleDescription),
  timezone: TimeZone,
});

// Body of `PATCH /oncall/schedules/{scheduleId}`: only the fields you send change.
export const ScheduleUpdateParams = z.strictObject({
  name: z.optional(ScheduleName),
  description: z.optional(ScheduleDescription),
  timezone: z.optional(TimeZone),
}).check(
  z.refine((body) => body.name !== undefined || body.description !== undefined || body.timezone !== undefined, {
    message: 'must contain at least one of name, description, timezone',
    path: ['name'],
  }),
);

// Body of `PUT /oncall/schedules/{scheduleId}`: the whole schedule, with the create rules. An absent
// `description` clears it, as `null` does; `""` is kept as sent (the Terraform provider sends it).
export const ScheduleReplaceParams = z.strictObject({ ...ScheduleCreateParams.shape });

export const RotationType = z.enum(['daily', 'weekly', 'custom']);

const LayerName = z.string().check(
  z.minLength(1, 'must be 1 to 255 characters'),
  z.maxLength(255, 'must be 1 to 255 characters'),
);
const RotationLengthDays = z.int().check(
  z.minimum(1, `must be an integer from 1 to ${MAX_ROTATION_LENGTH_DAYS}`),
  z.maximum(MAX_ROTATION_LENGTH_DAYS, `must be an integer from 1 to ${MAX_ROTATION_LENGTH_DAYS}`),
);
const HandoffTime = z.string().check(z.regex(/^(?:[01]\d|2[0-3]):[0-5]\d$/, 'must be a 24-hour time HH:MM from 00:00 to 23:59'));
/** An ISO 8601 datetime with seconds and an offset or `Z`: `2026-04-07T09:00:00Z`, `…T09:00:00+02:00`. */
const DateTime = isoDateTime({ offset: true, error: 'must be an ISO 8601 datetime with an offset, e.g. 2026-04-07T09:00:00Z' });
const ParticipantIds = uniqueIds('participant ids', 1, MAX_PARTICIPANTS_PER_LAYER);

/** The length a `daily` or `weekly` rotation must have; a `custom` one has none fixed and must say. */
export const FIXED_ROTATION_LENGTH_DAYS: Readonly<Partial<Record<RotationType, number>>> = { daily: 1, weekly: 7 };

/**
 * The rule that ties `rotationLengthDays` to `rotationType` (see `FIXED_ROTATION_LENGTH_DAYS`).
 * `undefined` when the pair is fine, else the message for `rotationLengthDays`.
 * Shared with the mock, which applies it to the merged result of a `PATCH`.
 */
export const rotationLengthProblem = (rotationType: RotationType, rotationLengthDays: number): string | undefined => {
  const fixed = FIXED_ROTATION_LENGTH_DAYS[rotationType];
  return fixed === undefined || rotationLengthDays === fixed ? undefined : `must be ${fixed} for a ${rotationType} rotation`;
};

/** `effectiveUntil` must be strictly after `effectiveFrom`; `undefined` when it is (or is `null`). */
export const effectiveUntilProblem = (effectiveFrom: string | number, effectiveUntil: string | number | null): string | undefined => {
  if (effectiveUntil === null) return undefined;
  const from = typeof effectiveFrom === 'number' ? effectiveFrom : Date.parse(effectiveFrom);
  const until = typeof effectiveUntil === 'number' ? effectiveUntil : Date.parse(effectiveUntil);
  return until > from ? undefined : 'must be after effectiveFrom';
};

const layerFields = {
  name: LayerName,
  rotationType: RotationType,
  rotationLengthDays: RotationLengthDays,
  handoffTime: HandoffTime,
  effectiveFrom: DateTime,
  effectiveUntil: z.optional(z.nullable(DateTime)),
  participantIds: ParticipantIds,
};

type LayerRuleFields = {
  rotationType?: RotationType | undefined;
  rotationLengthDays?: number | undefined;
  effectiveFrom?: string | undefined;
  effectiveUntil?: string | null | undefined;
};

/**
 * The cross-field rules, for the fields present in the body, once every field is valid on its own.
 * For a `PATCH` the mock checks them again on the merged layer (see `rotationLengthProblem`).
 */
const layerRules = z.superRefine(
  (body: LayerRuleFields, ctx) => {
    if (body.rotationType !== undefined && body.rotationLengthDays !== undefined) {
      const message = rotationLengthProblem(body.rotationType, body.rotationLengthDays);
      if (message) ctx.addIssue({ code: 'custom', message, path: ['rotationLengthDays'], input: body.rotationLengthDays });
    }
    if (body.effectiveFrom !== undefined && body.effectiveUntil !== undefined) {
      const message = effectiveUntilProblem(body.effectiveFrom, body.effectiveUntil);
      if (message) ctx.addIssue({ code: 'custom', message, path: ['effectiveUntil'], input: body.effectiveUntil });
    }
  },
  { when: (payload) => payload.issues.length === 0 },
);

// Body of `POST /oncall/schedules/{scheduleId}/layers`. The server assigns `position` (the next free one).
export const ScheduleLayerCreateParams = z.strictObject(layerFields).check(layerRules);

// Body of `PATCH …/layers/{layerId}`: any create field; order changes go through reorder.
export const ScheduleLayerUpdateParams = z.strictObject({
  name: z.optional(LayerName),
  rotationType: z.optional(RotationType),
  rotationLengthDays: z.optional(RotationLengthDays),
  handoffTime: z.optional(HandoffTime),
  effectiveFrom: z.optional(DateTime),
  effectiveUntil: z.optional(z.nullable(DateTime)),
  participantIds: z.optional(ParticipantIds),
}).check(
  z.refine((body) => Object.values(body).some((value) => value !== undefined), {
    message: `must contain at least one of ${Object.keys(layerFields).join(', ')}`,
    path: ['name'],
  }),
  layerRules,
);

// Body of `PUT …/layers/{layerId}`: every create field, with the create rules; an absent or `null`
// `effectiveUntil` clears it. The layer keeps its id and position.
export const ScheduleLayerReplaceParams = z.strictObject(layerFields).check(layerRules);

// Body of `PUT …/layers/order`: every layer id of the schedule, once, in the new order.
export const ScheduleLayerReorderParams = z.strictObject({
  layerIds: uniqueIds('layer ids', 1, MAX_LAYERS_PER_SCHEDULE),
});

// Query of `GET …/resolve`: the instant to resolve (default: now).
export const ScheduleResolveQuery = z.strictObject({ at: z.optional(DateTime) });

// What `schedules.resolve()` takes: `at` as a `Date` or an ISO 8601 datetime; sent as ISO.
export const ScheduleResolveParams = z.strictObject({
  at: z.optional(
    z.pipe(
      z.union([z.date(), DateTime], { error: 'must be a valid Date or an ISO 8601 datetime with an offset, e.g. 2026-04-07T09:00:00Z' }),
      z.transform((at: Date | string) => new Date(at).toISOString()),
    ),
  ),
});

// An on-call schedule as the API returns it (unknown fields are kept).
export const Schedule = z.looseObject({
  id: Id,
  orgId: Id,
  name: z.string(),
  description: z.nullable(z.string()),
  timezone: z.string(),
  createdBy: z.string(),
  createdAt: Timestamp,
  updatedAt: Timestamp,
});

// A rotation layer as the API returns it. `position` is 0-based: 0 is the owner-bearing layer.
export const ScheduleLayer = z.looseObject({
  id: Id,
  scheduleId: Id,
  orgId: Id,
  name: z.string(),
  position: z.int(),
  rotationType: RotationType,
  rotationLengthDays: z.int(),
  handoffTime: z.string(),
  effectiveFrom: Timestamp,
  effectiveUntil: z.nullable(Timestamp),
  participantIds: z.array(Id),
  createdAt: Timestamp,
  updatedAt: Timestamp,
});

// `GET /oncall/schedules/{scheduleId}` returns the schedule with its layers in position order.
export const ScheduleWithLayers = z.looseObject({
  ...Schedule.shape,
  layers: z.array(ScheduleLayer),
});

// Who is on call at `at`: the owner (lowest active position), everyone paged, and each layer's person.
export const ScheduleResolution = z.looseObject({
  at: Timestamp,
  owner: z.nullable(Id),
  pagingTargets: z.array(Id),
  layers: z.array(
    z.looseObject({
      layerId: Id,
      position: z.int(),
      userId: z.nullable(Id),
    }),
  ),
});

export const ScheduleResponse = dataEnvelope(Schedule);
export const ScheduleWithLayersResponse = dataEnvelope(ScheduleWithLayers);
export const ScheduleListResponse = dataEnvelope(z.array(Schedule));
export const ScheduleLayerResponse = dataEnvelope(ScheduleLayer);
export const ScheduleLayerListResponse = dataEnvelope(z.array(ScheduleLayer));
export const ScheduleResolutionResponse = dataEnvelope(ScheduleResolution);

// Types generated from the schemas above and their docs (./docs/) by `npm run types:schemas`: do not edit
// below this line (test/schema-types.test.ts fails when it is stale).

/** The path parameters of `/oncall/schedules/{scheduleId}`. */
export interface SchedulePathParams {
  /** The schedule’s id. A non-empty string. */
  scheduleId: string;
}

/** The path parameters of `/oncall/schedules/{scheduleId}/layers/{layerId}`. */
export interface ScheduleLayerPathParams {
  /** The schedule’s id. A non-empty string. */
  scheduleId: string;
  /** The rotation layer’s id. A non-empty string. */
  layerId: string;
}

/**
 * An IANA time zone name the platform knows (`America/New_York`, `UTC`): not an offset (`UTC+5`) nor an
 * abbreviation (`EST`).
 */
export type TimeZone = string;

/** The body of `schedules.create`. */
export interface ScheduleCreateParams {
  /** The schedule’s name. A string of 1 to 255 characters. */
  name: string;
  /** Free text; `null` or omitted for none. */
  description?: string | null;
  /** The IANA time zone its handoff times are read in (`America/New_York`). */
  timezone: string;
}

/** The body of `schedules.update`. Only the fields you send change; it must send at least one. */
export interface ScheduleUpdateParams {
  /** The schedule’s name. A string of 1 to 255 characters. */
  name?: string;
  /** Free text; `null` clears it. */
  description?: string | null;
  /**
   * The IANA time zone its handoff times are read in (`America/New_York`). Every layer’s handoff time is read
   * in the new zone from then on.
   */
  timezone?: string;
}

/**
 * The body of `schedules.replace`: the whole schedule. An omitted `description` clears it, as `null` does.
 */
export interface ScheduleReplaceParams {
  /** The schedule’s name. A string of 1 to 255 characters. */
  name: string;
  /** Free text; `null` or omitted for none. */
  description?: string | null;
  /** The IANA time zone its handoff times are read in (`America/New_York`). */
  timezone: string;
}

/** How often a rotation layer hands off: `daily`, `weekly`, or every `rotationLengthDays` (`custom`). */
export type RotationType = 'daily' | 'weekly' | 'custom';

/** The body of `schedules.layers.create`: a rotation layer, added after the last one. */
export interface ScheduleLayerCreateParams {
  /** The layer’s name, unique in the schedule. A string of 1 to 255 characters. */
  name: string;
  /** How often the participants hand off. */
  rotationType: RotationType;
  /**
   * Days between handoffs: 1 for a `daily` rotation, 7 for a `weekly` one, any for `custom`. An integer from
   * 1 to 365.
   */
  rotationLengthDays: number;
  /** The time of day of each handoff, `HH:MM` (24-hour), in the schedule’s time zone. */
  handoffTime: string;
  /**
   * When the layer takes effect: the first participant is on call from then until the first handoff. An ISO
   * 8601 date-time (`2026-04-07T09:00:00Z`).
   */
  effectiveFrom: string;
  /**
   * When the layer stops, after `effectiveFrom`; `null` or omitted: it never stops. An ISO 8601 date-time
   * (`2026-04-07T09:00:00Z`).
   */
  effectiveUntil?: string | null;
  /** The members who take turns, in order, no id twice. A list of 1 to 100 items, each a non-empty string. */
  participantIds: string[];
}

/**
 * The body of `schedules.layers.update`. Only the fields you send change; it must send at least one. The
 * rules between fields apply to the layer as it will be.
 */
export interface ScheduleLayerUpdateParams {
  /** The layer’s name, unique in the schedule. A string of 1 to 255 characters. */
  name?: string;
  /** How often the participants hand off. */
  rotationType?: RotationType;
  /**
   * Days between handoffs: 1 for a `daily` rotation, 7 for a `weekly` one, any for `custom`. An integer from
   * 1 to 365.
   */
  rotationLengthDays?: number;
  /** The time of day of each handoff, `HH:MM` (24-hour), in the schedule’s time zone. */
  handoffTime?: string;
  /**
   * When the layer takes effect: the first participant is on call from then until the first handoff. An ISO
   * 8601 date-time (`2026-04-07T09:00:00Z`).
   */
  effectiveFrom?: string;
  /**
   * When the layer stops, after `effectiveFrom`; `null` removes the end. An ISO 8601 date-time
   * (`2026-04-07T09:00:00Z`).
   */
  effectiveUntil?: string | null;
  /** The members who take turns, in order, no id twice. A list of 1 to 100 items, each a non-empty string. */
  participantIds?: string[];
}

/**
 * The body of `schedules.layers.replace`: every field, as for a create. The layer keeps its id and position.
 */
export interface ScheduleLayerReplaceParams {
  /** The layer’s name, unique in the schedule. A string of 1 to 255 characters. */
  name: string;
  /** How often the participants hand off. */
  rotationType: RotationType;
  /**
   * Days between handoffs: 1 for a `daily` rotation, 7 for a `weekly` one, any for `custom`. An integer from
   * 1 to 365.
   */
  rotationLengthDays: number;
  /** The time of day of each handoff, `HH:MM` (24-hour), in the schedule’s time zone. */
  handoffTime: string;
  /**
   * When the layer takes effect: the first participant is on call from then until the first handoff. An ISO
   * 8601 date-time (`2026-04-07T09:00:00Z`).
   */
  effectiveFrom: string;
  /**
   * When the layer stops, after `effectiveFrom`; `null` or omitted: it never stops. An ISO 8601 date-time
   * (`2026-04-07T09:00:00Z`).
   */
  effectiveUntil?: string | null;
  /** The members who take turns, in order, no id twice. A list of 1 to 100 items, each a non-empty string. */
  participantIds: string[];
}

/** The body of `schedules.layers.reorder`. */
export interface ScheduleLayerReorderParams {
  /**
   * Every layer id of the schedule, each once, in the new order: positions are numbered again from 0. A list
   * of 1 to 50 items, each a non-empty string.
   */
  layerIds: string[];
}

/** The query of `GET /oncall/schedules/{scheduleId}/resolve`, as it is sent. */
export interface ScheduleResolveQuery {
  /** The instant to resolve; now when absent. An ISO 8601 date-time (`2026-04-07T09:00:00Z`). */
  at?: string;
}

/** What `schedules.resolve` takes. */
export interface ScheduleResolveParams {
  /**
   * The instant to resolve, sent as ISO 8601; now when absent. A `Date` or an ISO 8601 date-time
   * (`2026-04-07T09:00:00Z`).
   */
  at?: Date | string;
}

/** An on-call schedule: rotation layers that say who is on call when. */
export interface Schedule {
  /** The schedule’s id. */
  id: string;
  /** The organization it belongs to. */
  orgId: string;
  /** The schedule’s name. */
  name: string;
  /** Free text, or `null`. */
  description: string | null;
  /** The IANA time zone its handoff times are read in (`America/New_York`). */
  timezone: string;
  /** The user who created it. */
  createdBy: string;
  /** When it was created (ISO 8601, UTC). */
  createdAt: string;
  /** When it last changed (ISO 8601, UTC). */
  updatedAt: string;
}

/** A rotation layer of a schedule: members taking turns on call. */
export interface ScheduleLayer {
  /** The layer’s id. */
  id: string;
  /** The schedule it belongs to. */
  scheduleId: string;
  /** The organization it belongs to. */
  orgId: string;
  /** The layer’s name, unique in the schedule. */
  name: string;
  /** Its place in the schedule, 0-based: the layer at position 0 gives the schedule its owner. An integer. */
  position: number;
  /** How often the participants hand off. */
  rotationType: RotationType;
  /** Days between handoffs. An integer. */
  rotationLengthDays: number;
  /** The time of day of each handoff, `HH:MM`, in the schedule’s time zone. */
  handoffTime: string;
  /** When the layer takes effect (ISO 8601). */
  effectiveFrom: string;
  /** When it stops (ISO 8601), or `null` for never. */
  effectiveUntil: string | null;
  /** The members who take turns, in order. */
  participantIds: string[];
  /** When it was created (ISO 8601, UTC). */
  createdAt: string;
  /** When it last changed (ISO 8601, UTC). */
  updatedAt: string;
}

/** One schedule as `schedules.get` returns it: with its rotation layers. */
export interface ScheduleWithLayers {
  /** The schedule’s id. */
  id: string;
  /** The organization it belongs to. */
  orgId: string;
  /** The schedule’s name. */
  name: string;
  /** Free text, or `null`. */
  description: string | null;
  /** The IANA time zone its handoff times are read in (`America/New_York`). */
  timezone: string;
  /** The user who created it. */
  createdBy: string;
  /** When it was created (ISO 8601, UTC). */
  createdAt: string;
  /** When it last changed (ISO 8601, UTC). */
  updatedAt: string;
  /** Its rotation layers, in position order. */
  layers: ScheduleLayer[];
}

/** Who is on call at an instant: the owner, everyone a schedule target pages, and each layer’s person. */
export interface ScheduleResolution {
  /** The instant resolved (ISO 8601). */
  at: string;
  /**
   * The owner: the on-call person of the layer at position 0, or of the next layer in effect; `null` when
   * none is.
   */
  owner: string | null;
  /**
   * Who a schedule target pages: the on-call person of every layer in effect, in position order, once each.
   */
  pagingTargets: string[];
  /** Every layer, in position order. */
  layers: {
    /** The layer’s id. */
    layerId: string;
    /** Its position. An integer. */
    position: number;
    /** Who is on call on it, or `null` when it is not in effect. */
    userId: string | null;
  }[];
}

/** A response body as the API sends it: `{ data: Schedule }`. The SDK’s methods resolve to the `data`. */
export interface ScheduleResponse {
  /** The schedule. */
  data: Schedule;
}

/**
 * A response body as the API sends it: `{ data: ScheduleWithLayers }`. The SDK’s methods resolve to the
 * `data`.
 */
export interface ScheduleWithLayersResponse {
  /** The schedule, with its layers. */
  data: ScheduleWithLayers;
}

/** A response body as the API sends it: `{ data: Schedule[] }`. The SDK’s methods resolve to the `data`. */
export interface ScheduleListResponse {
  /** Every schedule of the organization. */
  data: Schedule[];
}

/**
 * A response body as the API sends it: `{ data: ScheduleLayer }`. The SDK’s methods resolve to the `data`.
 */
export interface ScheduleLayerResponse {
  /** The rotation layer. */
  data: ScheduleLayer;
}

/**
 * A response body as the API sends it: `{ data: ScheduleLayer[] }`. The SDK’s methods resolve to the `data`.
 */
export interface ScheduleLayerListResponse {
  /** The rotation layers, in position order. */
  data: ScheduleLayer[];
}

/**
 * A response body as the API sends it: `{ data: ScheduleResolution }`. The SDK’s methods resolve to the
 * `data`.
 */
export interface ScheduleResolutionResponse {
  /** Who is on call. */
  data: ScheduleResolution;
}
