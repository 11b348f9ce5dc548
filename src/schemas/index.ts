/**
 * The zod (`zod/mini`) schemas of the API, each with its type under the same name: `LayerCreateParams`
 * is the schema of a request body and the type you pass; `Layer` is the schema of a response and the
 * type you get. For validating data of your own (a form, a queue message) with the API's own rules.
 *
 * ```ts
 * import { LayerCreateParams } from '@scaling-cloud/sdk/schemas';
 * import * as z from 'zod/mini';
 * const result = z.safeParse(LayerCreateParams, input);
 * ```
 *
 * @module @scaling-cloud/sdk/schemas
 */
// Only schemas, named one by one: the helpers the schema files share (`dataEnvelope`, `uniqueIds`,
// `PathId`, `Known`, the `MAX_*` limits, the rule functions) stay internal, and code inside the package
// imports them from their own files. test/entry-points.test.ts holds the reviewed list of what this
// entry exports.
export {
  Id,
  Timestamp,
  DeleteResponse,
} from './common.js';
export {
  ErrorType,
  ErrorCode,
  ErrorBody,
} from './errors.js';
export {
  PolicyPathParams,
  PolicyCreateParams,
  PolicyUpdateParams,
  PolicyReplaceParams,
  Policy,
  CreatedPolicy,
  CreatedPolicyResponse,
  PolicyWithLayers,
  PolicyResponse,
  PolicyWithLayersResponse,
  PolicyListResponse,
} from './policies.js';
export {
  LayerPathParams,
  ScheduleTarget,
  UsersTarget,
  LayerTarget,
  LayerCondition,
  LayerCreateParams,
  LayerUpdateParams,
  LayerReorderParams,
  Layer,
  LayerResponse,
  LayerListResponse,
  LayerSyncItem,
  LayerSyncParams,
} from './policy-layers.js';
export {
  StepParams,
  StepsParams,
  Step,
} from './policy-steps.js';
export {
  Severity,
  IncidentStatus,
  IncidentPathParams,
  IncidentUpdatePathParams,
  IncidentCreateParams,
  IncidentListParams,
  IncidentStatusParams,
  IncidentUpdateCreateParams,
  IncidentHandoffParams,
  IncidentComponentsParams,
  AffectedComponent,
  Incident,
  StatusHistoryEntry,
  EscalationState,
  Escalation,
  AuditEntry,
  IncidentDetail,
  IncidentUpdate,
  IncidentPage,
  IncidentResponse,
  IncidentDetailResponse,
  IncidentPageResponse,
  IncidentUpdateResponse,
  IncidentUpdateListResponse,
} from './incidents.js';
export {
  SchedulePathParams,
  ScheduleLayerPathParams,
  TimeZone,
  ScheduleCreateParams,
  ScheduleReplaceParams,
  ScheduleUpdateParams,
  RotationType,
  ScheduleLayerCreateParams,
  ScheduleLayerReplaceParams,
  ScheduleLayerUpdateParams,
  ScheduleLayerReorderParams,
  ScheduleResolveQuery,
  ScheduleResolveParams,
  Schedule,
  ScheduleLayer,
  ScheduleWithLayers,
  ScheduleResolution,
  ScheduleResponse,
  ScheduleWithLayersResponse,
  ScheduleListResponse,
  ScheduleLayerResponse,
  ScheduleLayerListResponse,
  ScheduleResolutionResponse,
} from './schedules.js';
export {
  MemberRole,
  MemberPathParams,
  InvitationPathParams,
  MemberInviteParams,
  MemberRoleUpdateParams,
  Member,
  Invitation,
  MemberList,
  User,
  MemberResponse,
  MemberListResponse,
  InvitationResponse,
  UserListResponse,
} from './team.js';
export {
  ComponentPathParams,
  ComponentCreateParams,
  ComponentUpdateParams,
  Component,
  ComponentResponse,
  ComponentListParams,
  ComponentOperationalStatus,
  MaintenanceWindow,
  ComponentPage,
  ComponentPageResponse,
} from './components.js';
export {
  WorkingHoursPathParams,
  WorkingHoursWindowParams,
  WorkingHoursCreateParams,
  WorkingHoursUpdateParams,
  WorkingHoursWindow,
  WorkingHours,
  WorkingHoursResponse,
  WorkingHoursListResponse,
} from './working-hours.js';
export {
  RoutingPolicyPathParams,
  RoutingOutcome,
  RoutingRuleInput,
  RoutingPolicyCreateParams,
  RoutingPolicyReplaceParams,
  RoutingRule,
  RoutingPolicy,
  RoutingPolicyWithRules,
  RoutingPolicyResponse,
  RoutingPolicyListResponse,
  InboundIntegrationPathParams,
  SelectorMatcher,
  RoutingSelectorInput,
  InboundSelectorsParams,
  RoutingSelector,
  InboundIntegration,
  InboundIntegrationResponse,
  InboundIntegrationListResponse,
} from './routing.js';
