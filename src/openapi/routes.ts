import type * as z from 'zod/mini';
import { DeleteResponse } from '../schemas/common.js';
import {
  Component,
  ComponentCreateParams,
  ComponentListResponse,
  ComponentPathParams,
  ComponentResponse,
  ComponentUpdateParams,
} from '../schemas/components.js';
import { ErrorBody } from '../schemas/errors.js';
import {
  AffectedComponent,
  AuditEntry,
  Escalation,
  EscalationState,
  Incident,
  IncidentComponentsParams,
  IncidentCreateParams,
  IncidentDetail,
  IncidentDetailResponse,
  IncidentHandoffParams,
  IncidentListParams,
  IncidentPage,
  IncidentPageResponse,
  IncidentPathParams,
  IncidentResponse,
  IncidentStatus,
  IncidentStatusParams,
  IncidentUpdate,
  IncidentUpdateCreateParams,
  IncidentUpdateListResponse,
  IncidentUpdatePathParams,
  IncidentUpdateResponse,
  Severity,
  StatusHistoryEntry,
} from '../schemas/incidents.js';
import {
  Policy,
  PolicyCreateParams,
  PolicyListResponse,
  PolicyPathParams,
  PolicyResponse,
  PolicyUpdateParams,
  PolicyWithLayers,
  PolicyWithLayersResponse,
} from '../schemas/policies.js';
import {
  Layer,
  LayerCreateParams,
  LayerListResponse,
  LayerPathParams,
  LayerReorderParams,
  LayerResponse,
  LayerTarget,
  LayerUpdateParams,
  ScheduleTarget,
  UsersTarget,
} from '../schemas/policy-layers.js';
import {
  RotationType,
  Schedule,
  ScheduleCreateParams,
  ScheduleLayer,
  ScheduleLayerCreateParams,
  ScheduleLayerPathParams,
  ScheduleLayerReorderParams,
  ScheduleLayerResponse,
  ScheduleLayerListResponse,
  ScheduleLayerUpdateParams,
  ScheduleListResponse,
  SchedulePathParams,
  ScheduleResolution,
  ScheduleResolutionResponse,
  ScheduleResolveQuery,
  ScheduleResponse,
  ScheduleUpdateParams,
  ScheduleWithLayers,
  ScheduleWithLayersResponse,
} from '../schemas/schedules.js';
import {
  Invitation,
  InvitationPathParams,
  InvitationResponse,
  Member,
  MemberInviteParams,
  MemberList,
  MemberListResponse,
  MemberPathParams,
  MemberResponse,
  MemberRole,
  MemberRoleUpdateParams,
  User,
  UserListResponse,
} from '../schemas/team.js';

/**
 * The schemas the document names under `components/schemas`, by the name they are exported with.
 * Entities are listed too (not only bodies and envelopes) so that they appear once and are referenced.
 */
export const componentSchemas = {
  ErrorBody,
  DeleteResponse,
  Policy,
  PolicyWithLayers,
  PolicyCreateParams,
  PolicyUpdateParams,
  PolicyResponse,
  PolicyWithLayersResponse,
  PolicyListResponse,
  ScheduleTarget,
  UsersTarget,
  LayerTarget,
  Layer,
  LayerCreateParams,
  LayerUpdateParams,
  LayerReorderParams,
  LayerResponse,
  LayerListResponse,
  Severity,
  IncidentStatus,
  AffectedComponent,
  Incident,
  StatusHistoryEntry,
  EscalationState,
  Escalation,
  AuditEntry,
  IncidentDetail,
  IncidentUpdate,
  IncidentPage,
  IncidentCreateParams,
  IncidentStatusParams,
  IncidentUpdateCreateParams,
  IncidentHandoffParams,
  IncidentComponentsParams,
  IncidentResponse,
  IncidentDetailResponse,
  IncidentPageResponse,
  IncidentUpdateResponse,
  IncidentUpdateListResponse,
  RotationType,
  Schedule,
  ScheduleLayer,
  ScheduleWithLayers,
  ScheduleResolution,
  ScheduleCreateParams,
  ScheduleUpdateParams,
  ScheduleLayerCreateParams,
  ScheduleLayerUpdateParams,
  ScheduleLayerReorderParams,
  ScheduleResponse,
  ScheduleWithLayersResponse,
  ScheduleListResponse,
  ScheduleLayerResponse,
  ScheduleLayerListResponse,
  ScheduleResolutionResponse,
  MemberRole,
  Member,
  Invitation,
  MemberList,
  User,
  MemberInviteParams,
  MemberRoleUpdateParams,
  MemberResponse,
  MemberListResponse,
  InvitationResponse,
  UserListResponse,
  Component,
  ComponentCreateParams,
  ComponentUpdateParams,
  ComponentResponse,
  ComponentListResponse,
} satisfies Record<string, z.core.$ZodType>;

export type SchemaName = keyof typeof componentSchemas;

export type HttpMethod = 'get' | 'post' | 'put' | 'patch' | 'delete';

/** An object schema whose keys become path or query parameters. */
type ParamsSchema = z.core.$ZodObject;

export type RouteDoc = {
  method: HttpMethod;
  /** OpenAPI notation, relative to the server URL: `/escalation/policies/{policyId}`. */
  path: string;
  /** The SDK call that sends it: also the `operationId` (dots and all) and `x-sdk-method`. */
  sdk: string;
  tag: string;
  summary: string;
  /** What the schemas cannot say (refinements: at-least-one-of, no repeats, cross-field rules). */
  description?: string;
  params?: ParamsSchema;
  query?: ParamsSchema;
  body?: SchemaName;
  /** The success status: 201 for a create, else 200. */
  status: 200 | 201;
  response: SchemaName;
};

const POLICY = '/escalation/policies/{policyId}';
const INCIDENT = '/incidents/{incidentId}';
const SCHEDULE = '/oncall/schedules/{scheduleId}';

const NO_REPEATS = 'Ids must not repeat.';
const AT_LEAST_ONE = (fields: string) => `Send at least one of ${fields}; only the fields sent change.`;

/** Every endpoint the SDK calls and the mock serves. `test/openapi.test.ts` keeps it equal to the mock's routes. */
export const routes: readonly RouteDoc[] = [
  // Escalation policies
  { method: 'get', path: '/escalation/policies', sdk: 'policies.list', tag: 'Policies', summary: 'List policies (without layers)', status: 200, response: 'PolicyListResponse' },
  { method: 'post', path: '/escalation/policies', sdk: 'policies.create', tag: 'Policies', summary: 'Create a policy', description: 'Names are unique per organization (409 `name_conflict`).', body: 'PolicyCreateParams', status: 201, response: 'PolicyResponse' },
  { method: 'get', path: POLICY, sdk: 'policies.get', tag: 'Policies', summary: 'Get a policy with its layers', params: PolicyPathParams, status: 200, response: 'PolicyWithLayersResponse' },
  { method: 'patch', path: POLICY, sdk: 'policies.update', tag: 'Policies', summary: 'Update a policy', description: AT_LEAST_ONE('name, description'), params: PolicyPathParams, body: 'PolicyUpdateParams', status: 200, response: 'PolicyResponse' },
  { method: 'delete', path: POLICY, sdk: 'policies.delete', tag: 'Policies', summary: 'Delete a policy and its layers', description: 'Incidents escalating under it stop escalating.', params: PolicyPathParams, status: 200, response: 'DeleteResponse' },

  // Policy layers
  { method: 'get', path: `${POLICY}/layers`, sdk: 'policies.layers.list', tag: 'Policy layers', summary: 'List layers in position order', params: PolicyPathParams, status: 200, response: 'LayerListResponse' },
  { method: 'post', path: `${POLICY}/layers`, sdk: 'policies.layers.create', tag: 'Policy layers', summary: 'Insert a layer at a position', description: `Layers at and after \`position\` move down one; \`position\` may be at most n + 1. A malformed target is 400 \`invalid_target\`. User ${NO_REPEATS.toLowerCase()}`, params: PolicyPathParams, body: 'LayerCreateParams', status: 201, response: 'LayerResponse' },
  { method: 'put', path: `${POLICY}/layers/order`, sdk: 'policies.layers.reorder', tag: 'Policy layers', summary: 'Reorder all layers', description: `\`layerIds\` must be exactly the policy's layers (400 \`invalid_reorder\`). ${NO_REPEATS}`, params: PolicyPathParams, body: 'LayerReorderParams', status: 200, response: 'LayerListResponse' },
  { method: 'patch', path: `${POLICY}/layers/{layerId}`, sdk: 'policies.layers.update', tag: 'Policy layers', summary: 'Update a layer', description: `${AT_LEAST_ONE('ackTimeoutMinutes, target')} Order changes go through reorder.`, params: LayerPathParams, body: 'LayerUpdateParams', status: 200, response: 'LayerResponse' },
  { method: 'delete', path: `${POLICY}/layers/{layerId}`, sdk: 'policies.layers.delete', tag: 'Policy layers', summary: 'Delete a layer', description: 'The layers after it move up one.', params: LayerPathParams, status: 200, response: 'DeleteResponse' },

  // Incidents
  { method: 'post', path: '/incidents', sdk: 'incidents.create', tag: 'Incidents', summary: 'Open an incident', description: `Send at least one of ownerId, ownerScheduleId, escalationPolicyId (400 \`owner_required\`). Component ${NO_REPEATS.toLowerCase()}`, body: 'IncidentCreateParams', status: 201, response: 'IncidentResponse' },
  { method: 'get', path: '/incidents', sdk: 'incidents.list', tag: 'Incidents', summary: 'List incidents, newest first', description: '`from`/`to` take a date (the whole UTC day, inclusive) or a datetime. Pass `nextCursor` back as `cursor`.', query: IncidentListParams, status: 200, response: 'IncidentPageResponse' },
  { method: 'get', path: INCIDENT, sdk: 'incidents.get', tag: 'Incidents', summary: 'Get an incident with its status history, escalation and audit trail', params: IncidentPathParams, status: 200, response: 'IncidentDetailResponse' },
  { method: 'patch', path: `${INCIDENT}/status`, sdk: 'incidents.updateStatus', tag: 'Incidents', summary: 'Move the status one step forward', description: '`resolutionNote` is accepted only with `resolved`.', params: IncidentPathParams, body: 'IncidentStatusParams', status: 200, response: 'IncidentResponse' },
  { method: 'post', path: `${INCIDENT}/updates`, sdk: 'incidents.updates.create', tag: 'Incidents', summary: 'Post an update', description: 'Send at least one of body, statusChange; a public update needs a body.', params: IncidentPathParams, body: 'IncidentUpdateCreateParams', status: 201, response: 'IncidentUpdateResponse' },
  { method: 'get', path: `${INCIDENT}/updates`, sdk: 'incidents.updates.list', tag: 'Incidents', summary: 'List updates, oldest first', params: IncidentPathParams, status: 200, response: 'IncidentUpdateListResponse' },
  { method: 'post', path: `${INCIDENT}/updates/{updateId}/redact`, sdk: 'incidents.updates.redact', tag: 'Incidents', summary: 'Redact an update', description: 'No body. Idempotent.', params: IncidentUpdatePathParams, status: 200, response: 'IncidentUpdateResponse' },
  { method: 'post', path: `${INCIDENT}/acknowledge`, sdk: 'incidents.acknowledge', tag: 'Incidents', summary: 'Acknowledge an incident', description: 'No body. Stops the escalation; idempotent; does not change the status.', params: IncidentPathParams, status: 200, response: 'IncidentDetailResponse' },
  { method: 'post', path: `${INCIDENT}/handoff`, sdk: 'incidents.handoff', tag: 'Incidents', summary: 'Hand an incident to another member', params: IncidentPathParams, body: 'IncidentHandoffParams', status: 200, response: 'IncidentResponse' },
  { method: 'put', path: `${INCIDENT}/components`, sdk: 'incidents.setComponents', tag: 'Incidents', summary: 'Replace the affected components', description: `\`[]\` clears them. ${NO_REPEATS}`, params: IncidentPathParams, body: 'IncidentComponentsParams', status: 200, response: 'IncidentResponse' },

  // On-call schedules
  { method: 'get', path: '/oncall/schedules', sdk: 'schedules.list', tag: 'Schedules', summary: 'List schedules (without layers)', status: 200, response: 'ScheduleListResponse' },
  { method: 'post', path: '/oncall/schedules', sdk: 'schedules.create', tag: 'Schedules', summary: 'Create a schedule', description: '`timezone` is an IANA name (400 `invalid_timezone`).', body: 'ScheduleCreateParams', status: 201, response: 'ScheduleResponse' },
  { method: 'get', path: SCHEDULE, sdk: 'schedules.get', tag: 'Schedules', summary: 'Get a schedule with its layers', params: SchedulePathParams, status: 200, response: 'ScheduleWithLayersResponse' },
  { method: 'patch', path: SCHEDULE, sdk: 'schedules.update', tag: 'Schedules', summary: 'Update a schedule', description: AT_LEAST_ONE('name, description, timezone'), params: SchedulePathParams, body: 'ScheduleUpdateParams', status: 200, response: 'ScheduleResponse' },
  { method: 'delete', path: SCHEDULE, sdk: 'schedules.delete', tag: 'Schedules', summary: 'Delete a schedule and its layers', description: '409 `schedule_in_use` while a policy layer targets it.', params: SchedulePathParams, status: 200, response: 'DeleteResponse' },
  { method: 'get', path: `${SCHEDULE}/resolve`, sdk: 'schedules.resolve', tag: 'Schedules', summary: 'Who is on call at an instant', description: '`at` defaults to now.', params: SchedulePathParams, query: ScheduleResolveQuery, status: 200, response: 'ScheduleResolutionResponse' },
  { method: 'post', path: `${SCHEDULE}/layers`, sdk: 'schedules.layers.create', tag: 'Schedules', summary: 'Append a rotation layer', description: `\`rotationLengthDays\` is 1 for \`daily\`, 7 for \`weekly\`; \`effectiveUntil\` is after \`effectiveFrom\`. Participant ${NO_REPEATS.toLowerCase()}`, params: SchedulePathParams, body: 'ScheduleLayerCreateParams', status: 201, response: 'ScheduleLayerResponse' },
  { method: 'put', path: `${SCHEDULE}/layers/order`, sdk: 'schedules.layers.reorder', tag: 'Schedules', summary: 'Reorder all rotation layers (positions from 0)', description: `\`layerIds\` must be exactly the schedule's layers (400 \`invalid_reorder\`). ${NO_REPEATS}`, params: SchedulePathParams, body: 'ScheduleLayerReorderParams', status: 200, response: 'ScheduleLayerListResponse' },
  { method: 'patch', path: `${SCHEDULE}/layers/{layerId}`, sdk: 'schedules.layers.update', tag: 'Schedules', summary: 'Update a rotation layer', description: 'Send at least one field; the rotation rules apply to the merged layer.', params: ScheduleLayerPathParams, body: 'ScheduleLayerUpdateParams', status: 200, response: 'ScheduleLayerResponse' },
  { method: 'delete', path: `${SCHEDULE}/layers/{layerId}`, sdk: 'schedules.layers.delete', tag: 'Schedules', summary: 'Delete a rotation layer', params: ScheduleLayerPathParams, status: 200, response: 'DeleteResponse' },

  // Team and users (team endpoints need an org:admin key, else 401 `not_authorized`)
  { method: 'get', path: '/team/members', sdk: 'team.members.list', tag: 'Team', summary: 'List members and pending invitations', status: 200, response: 'MemberListResponse' },
  { method: 'post', path: '/team/members/invite', sdk: 'team.members.invite', tag: 'Team', summary: 'Invite someone by email', description: 'Validation errors are 400 `invalid_request_error`.', body: 'MemberInviteParams', status: 201, response: 'InvitationResponse' },
  { method: 'delete', path: '/team/members/invitations/{invitationId}', sdk: 'team.invitations.revoke', tag: 'Team', summary: 'Revoke a pending invitation', params: InvitationPathParams, status: 200, response: 'DeleteResponse' },
  { method: 'patch', path: '/team/members/{userId}/role', sdk: 'team.members.updateRole', tag: 'Team', summary: "Change a member's role", params: MemberPathParams, body: 'MemberRoleUpdateParams', status: 200, response: 'MemberResponse' },
  { method: 'delete', path: '/team/members/{userId}', sdk: 'team.members.remove', tag: 'Team', summary: 'Remove a member', params: MemberPathParams, status: 200, response: 'DeleteResponse' },
  { method: 'get', path: '/users', sdk: 'users.list', tag: 'Users', summary: "List the organization's users", status: 200, response: 'UserListResponse' },

  // Components
  { method: 'get', path: '/components', sdk: 'components.list', tag: 'Components', summary: 'List components', status: 200, response: 'ComponentListResponse' },
  { method: 'post', path: '/components', sdk: 'components.create', tag: 'Components', summary: 'Create a component', body: 'ComponentCreateParams', status: 201, response: 'ComponentResponse' },
  { method: 'get', path: '/components/{componentId}', sdk: 'components.get', tag: 'Components', summary: 'Get a component', params: ComponentPathParams, status: 200, response: 'ComponentResponse' },
  { method: 'patch', path: '/components/{componentId}', sdk: 'components.update', tag: 'Components', summary: 'Update a component', description: AT_LEAST_ONE('name, description, groupLabel'), params: ComponentPathParams, body: 'ComponentUpdateParams', status: 200, response: 'ComponentResponse' },
  { method: 'delete', path: '/components/{componentId}', sdk: 'components.delete', tag: 'Components', summary: 'Delete a component', description: '409 `component_in_use` while an incident references it.', params: ComponentPathParams, status: 200, response: 'DeleteResponse' },
];
