import * as z from 'zod/mini';
import { dataEnvelope, Id, PathId, Timestamp, uniqueIds, type Known } from './common.js';
import { isValidTimeZone } from './time-zone.js';

/** The most rotation layers a schedule may have (reorder accepts 1–50 ids, as for policies). */
export const MAX_LAYERS_PER_SCHEDULE = 50;
/** The most participants a rotation layer may list. */
export const MAX_PARTICIPANTS_PER_LAYER = 100;
/** The longest rotation: a year. */
export const MAX_ROTATION_LENGTH_DAYS = 365;

/** `/oncall/schedules/{scheduleId}` */
export const SchedulePathParams = z.strictObject({ scheduleId: PathId });
export type SchedulePathParams = Known<z.infer<typeof SchedulePathParams>>;

/** `/oncall/schedules/{scheduleId}/layers/{layerId}` */
export const ScheduleLayerPathParams = z.strictObject({ scheduleId: PathId, layerId: PathId });
export type ScheduleLayerPathParams = Known<z.infer<typeof ScheduleLayerPathParams>>;

const ScheduleName = z.string().check(
  z.minLength(1, 'must be 1 to 255 characters'),
  z.maxLength(255, 'must be 1 to 255 characters'),
);
const ScheduleDescription = z.nullable(z.string());

/** An IANA zone name the platform knows (`America/New_York`); not an offset (`UTC+5`) or an abbreviation (`EST`). */
export const TimeZone = z.string().check(
  z.refine(isValidTimeZone, 'must be an IANA time zone name such as America/New_York (not an offset or an abbreviation)'),
);

/** Body of `POST /oncall/schedules`. */
export const ScheduleCreateParams = z.strictObject({
  name: ScheduleName,
  description: z.optional(ScheduleDescription),
  timezone: TimeZone,
});
export type ScheduleCreateParams = z.input<typeof ScheduleCreateParams>;

/** Body of `PATCH /oncall/schedules/{scheduleId}`: only the fields you send change. */
export const ScheduleUpdateParams = z.strictObject({
  name: z.optional(ScheduleName),
  description: z.optional(ScheduleDescription),
  timezone: z.optional(TimeZone),
}).check(
  z.refine((body) => body.name !== undefined || body.description !== undefined || body.timezone !== undefined, {
    message: 'must contain at least one of name, description, timezone',
  }),
);
export type ScheduleUpdateParams = z.input<typeof ScheduleUpdateParams>;

/**
 * Body of `PUT /oncall/schedules/{scheduleId}`: the whole schedule, with the create rules. An absent
 * `description` clears it, as `null` does; `""` is kept as sent (the Terraform provider sends it).
 */
export const ScheduleReplaceParams = z.strictObject({ ...ScheduleCreateParams.shape });
export type ScheduleReplaceParams = z.input<typeof ScheduleReplaceParams>;

export const RotationType = z.enum(['daily', 'weekly', 'custom']);
export type RotationType = Known<z.infer<typeof RotationType>>;

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
const DateTime = z.iso.datetime({ offset: true, error: 'must be an ISO 8601 datetime with an offset, e.g. 2026-04-07T09:00:00Z' });
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

/** Body of `POST /oncall/schedules/{scheduleId}/layers`. The server assigns `position` (the next free one). */
export const ScheduleLayerCreateParams = z.strictObject(layerFields).check(layerRules);
export type ScheduleLayerCreateParams = z.input<typeof ScheduleLayerCreateParams>;

/** Body of `PATCH …/layers/{layerId}`: any create field; order changes go through reorder. */
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
  }),
  layerRules,
);
export type ScheduleLayerUpdateParams = z.input<typeof ScheduleLayerUpdateParams>;

/**
 * Body of `PUT …/layers/{layerId}`: every create field, with the create rules; an absent or `null`
 * `effectiveUntil` clears it. The layer keeps its id and position.
 */
export const ScheduleLayerReplaceParams = z.strictObject(layerFields).check(layerRules);
export type ScheduleLayerReplaceParams = z.input<typeof ScheduleLayerReplaceParams>;

/** Body of `PUT …/layers/order`: every layer id of the schedule, once, in the new order. */
export const ScheduleLayerReorderParams = z.strictObject({
  layerIds: uniqueIds('layer ids', 1, MAX_LAYERS_PER_SCHEDULE),
});
export type ScheduleLayerReorderParams = z.input<typeof ScheduleLayerReorderParams>;

/** Query of `GET …/resolve`: the instant to resolve (default: now). */
export const ScheduleResolveQuery = z.strictObject({ at: z.optional(DateTime) });
export type ScheduleResolveQuery = z.input<typeof ScheduleResolveQuery>;

/** What `schedules.resolve()` takes: `at` as a `Date` or an ISO 8601 datetime; sent as ISO. */
export const ScheduleResolveParams = z.strictObject({
  at: z.optional(
    z.pipe(
      z.union([z.date(), DateTime], { error: 'must be a valid Date or an ISO 8601 datetime with an offset, e.g. 2026-04-07T09:00:00Z' }),
      z.transform((at: Date | string) => new Date(at).toISOString()),
    ),
  ),
});
export type ScheduleResolveParams = z.input<typeof ScheduleResolveParams>;

/** An on-call schedule as the API returns it (unknown fields are kept). */
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
export type Schedule = Known<z.infer<typeof Schedule>>;

/** A rotation layer as the API returns it. `position` is 0-based: 0 is the owner-bearing layer. */
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
export type ScheduleLayer = Known<z.infer<typeof ScheduleLayer>>;

/** `GET /oncall/schedules/{scheduleId}` returns the schedule with its layers in position order. */
export const ScheduleWithLayers = z.looseObject({
  ...Schedule.shape,
  layers: z.array(ScheduleLayer),
});
export type ScheduleWithLayers = Known<z.infer<typeof ScheduleWithLayers>>;

/** Who is on call at `at`: the owner (lowest active position), everyone paged, and each layer's person. */
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
export type ScheduleResolution = Known<z.infer<typeof ScheduleResolution>>;

export const ScheduleResponse = dataEnvelope(Schedule);
export const ScheduleWithLayersResponse = dataEnvelope(ScheduleWithLayers);
export const ScheduleListResponse = dataEnvelope(z.array(Schedule));
export const ScheduleLayerResponse = dataEnvelope(ScheduleLayer);
export const ScheduleLayerListResponse = dataEnvelope(z.array(ScheduleLayer));
export const ScheduleResolutionResponse = dataEnvelope(ScheduleResolution);
