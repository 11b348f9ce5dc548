import { PathId } from '../schemas/common.js';
import { Severity } from '../schemas/incidents.js';
import { MAX_LAYERS_PER_POLICY } from '../schemas/policy-layers.js';
import { FIXED_ROTATION_LENGTH_DAYS, RotationType, TimeZone } from '../schemas/schedules.js';
import type { JsonSchema } from './json-schema.js';
import type { SharedStatements, Statement, StatementTable } from './refinements.js';

/**
 * What JSON Schema makes of each refinement of the API's schemas (see `refinements.ts`). The
 * document's tests send a request breaking each rule to the mock and validate it against the
 * document: both must refuse it.
 */

const NO_REPEATS: Statement = { adds: { uniqueItems: true } };
/** An update body whose fields are all optional: at least one must be sent. */
const AT_LEAST_ONE_FIELD: Statement = { adds: { minProperties: 1 } };
/**
 * The fields are present. Each is also named under `properties` (as any value): a `required` that
 * names no property of its own schema reads as a typo to linters, though JSON Schema allows it.
 */
const present = (...fields: string[]): JsonSchema => ({ properties: Object.fromEntries(fields.map((field) => [field, {}])), required: fields });
/**
 * At least one of the fields. Inside `allOf`, so that generators read it as a condition on the object
 * (openapi-typescript: the fields `&` one of them required) rather than as alternatives to it.
 */
const anyOfRequired = (...fields: string[]): Statement => ({ adds: { allOf: [{ anyOf: fields.map((field) => present(field)) }] } });

/** `daily` = 1 day, `weekly` = 7, when a body sends both fields (a PATCH may send one). */
const ROTATION_LENGTH: Statement = {
  adds: {
    allOf: RotationType.options.flatMap((rotationType): JsonSchema[] => {
      const days = FIXED_ROTATION_LENGTH_DAYS[rotationType];
      return days === undefined
        ? []
        : [{
            if: { properties: { rotationType: { const: rotationType }, rotationLengthDays: {} }, required: ['rotationType', 'rotationLengthDays'] },
            then: { properties: { rotationLengthDays: { const: days } } },
          }];
    }),
  },
  unstated: '`effectiveUntil` must be after `effectiveFrom`: JSON Schema compares a value with constants, never with another field',
};

/** Positions read 1..n in list order: the item at index i has position i + 1. */
const POSITIONS_IN_ORDER: Statement = {
  adds: { allOf: [{ prefixItems: Array.from({ length: MAX_LAYERS_PER_POLICY }, (_, index) => ({ properties: { position: { const: index + 1 } } })) }] },
};

/** Exactly four rules (the length is the schema's own), so one rule per severity is: each severity is there. */
const ONE_RULE_PER_SEVERITY: Statement = {
  adds: { allOf: Severity.options.map((severity) => ({ contains: { properties: { severity: { const: severity } } } })) },
};

export const apiStatements: StatementTable = {
  PolicyUpdateParams: [AT_LEAST_ONE_FIELD],
  'StepParams.escalateAfterSeconds': [{ adds: { multipleOf: 60 } }],
  StepsParams: [POSITIONS_IN_ORDER],
  'UsersTarget.userIds': [NO_REPEATS],
  'LayerCreateParams.target|1.userIds': [NO_REPEATS],
  LayerUpdateParams: [AT_LEAST_ONE_FIELD],
  'LayerUpdateParams.target|1.userIds': [NO_REPEATS],
  'LayerReorderParams.layerIds': [NO_REPEATS],
  IncidentCreateParams: [anyOfRequired('ownerId', 'ownerScheduleId', 'escalationPolicyId')],
  'IncidentCreateParams.componentIds': [NO_REPEATS],
  IncidentStatusParams: [{ adds: { if: present('resolutionNote'), then: { properties: { status: { const: 'resolved' } } } } }],
  IncidentUpdateCreateParams: [
    anyOfRequired('body', 'statusChange'),
    { adds: { if: { properties: { visibility: { const: 'public' } }, required: ['visibility'] }, then: present('body') } },
  ],
  'IncidentComponentsParams.componentIds': [NO_REPEATS],
  ScheduleUpdateParams: [AT_LEAST_ONE_FIELD],
  ScheduleLayerCreateParams: [ROTATION_LENGTH],
  'ScheduleLayerCreateParams.participantIds': [NO_REPEATS],
  ScheduleLayerUpdateParams: [AT_LEAST_ONE_FIELD, ROTATION_LENGTH],
  'ScheduleLayerUpdateParams.participantIds': [NO_REPEATS],
  ScheduleLayerReplaceParams: [ROTATION_LENGTH],
  'ScheduleLayerReplaceParams.participantIds': [NO_REPEATS],
  'ScheduleLayerReorderParams.layerIds': [NO_REPEATS],
  ComponentUpdateParams: [AT_LEAST_ONE_FIELD],
  'WorkingHoursWindowParams.days': [NO_REPEATS],
  WorkingHoursUpdateParams: [AT_LEAST_ONE_FIELD],
  'RoutingPolicyCreateParams.rules': [ONE_RULE_PER_SEVERITY],
  'RoutingPolicyReplaceParams.rules': [ONE_RULE_PER_SEVERITY],
  'SelectorMatcher.key': [{ adds: { not: { const: 'severity' } } }],
};

export const apiSharedStatements: SharedStatements = new Map<Parameters<SharedStatements['get']>[0], readonly Statement[]>([
  // `.` and `..` would change the resource the URL names.
  [PathId, [{ adds: { not: { enum: ['.', '..'] } } }]],
  [TimeZone, [{ unstated: 'a time zone must be one the platform knows by its IANA name (`Europe/Paris`), not an offset or an abbreviation: the list is the platform\'s, not the document\'s' }]],
]);
