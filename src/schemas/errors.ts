import * as z from 'zod/mini';
import type { Known } from './common.js';

// The `type` of an API error (digest §1.4). 403 has no documented type; the mock uses `permission_error`.
export const ErrorType = z.enum([
  'not_authorized_error',
  'invalid_request_error',
  'permission_error',
  'validation_error',
  'rate_limit_error',
  'internal_error',
]);

// Every error code the API documents, plus the ones this SDK's decisions add (see docs/decisions.md).
export const ErrorCode = z.enum([
  'missing_authorization_header',
  'invalid_api_key',
  'not_authorized',
  'not_found',
  'route_not_found',
  'method_not_allowed',
  'name_conflict',
  'validation_error',
  'invalid_json',
  'unsupported_media_type',
  'payload_too_large',
  'uri_too_long',
  'invalid_target',
  'invalid_reorder',
  'invalid_position',
  'layer_limit_reached',
  'owner_required',
  'invalid_owner',
  'invalid_component_id',
  'duplicate_component_id',
  'invalid_status_transition',
  'incident_resolved',
  'no_public_surface',
  'redaction_not_permitted',
  'invalid_target_user',
  'invalid_cursor',
  'invalid_timezone',
  'invalid_participant',
  'schedule_in_use',
  'component_in_use',
  'cannot_change_own_role',
  'cannot_remove_self',
  'already_member',
  'invitation_exists',
  'invalid_working_hours',
  'working_hours_in_use',
  'invalid_escalation_policy',
  'escalation_policy_in_use',
  'invalid_routing_policy',
  'routing_policy_in_use',
  'default_routing_policy',
  'invalid_request_error',
  'rate_limited',
  'server_error',
]);

// The one error body (digest §1.4) with the optional `message` the Terraform provider reads.
// The docs' shape has no `message`; both parse.
export const ErrorBody = z.looseObject({
  statusCode: z.int(),
  type: z.string(),
  code: z.string(),
  message: z.optional(z.string()),
  requestId: z.string(),
});

// Types generated from the schemas above and their docs (./docs/) by `npm run types:schemas`: do not edit
// below this line (test/schema-types.test.ts fails when it is stale).

/**
 * The `type` of an API error: the broad class of failure. A 403 has no documented type; the mock sends
 * `permission_error`.
 */
export type ErrorType =
  | 'not_authorized_error'
  | 'invalid_request_error'
  | 'permission_error'
  | 'validation_error'
  | 'rate_limit_error'
  | 'internal_error';

/**
 * Every error `code` the API documents, and those the SDK’s documented decisions add. `ScalingAPIError.code`
 * is one of these, or a code newer than this version of the SDK.
 */
export type ErrorCode =
  | 'missing_authorization_header'
  | 'invalid_api_key'
  | 'not_authorized'
  | 'not_found'
  | 'route_not_found'
  | 'method_not_allowed'
  | 'name_conflict'
  | 'validation_error'
  | 'invalid_json'
  | 'unsupported_media_type'
  | 'payload_too_large'
  | 'uri_too_long'
  | 'invalid_target'
  | 'invalid_reorder'
  | 'invalid_position'
  | 'layer_limit_reached'
  | 'owner_required'
  | 'invalid_owner'
  | 'invalid_component_id'
  | 'duplicate_component_id'
  | 'invalid_status_transition'
  | 'incident_resolved'
  | 'no_public_surface'
  | 'redaction_not_permitted'
  | 'invalid_target_user'
  | 'invalid_cursor'
  | 'invalid_timezone'
  | 'invalid_participant'
  | 'schedule_in_use'
  | 'component_in_use'
  | 'cannot_change_own_role'
  | 'cannot_remove_self'
  | 'already_member'
  | 'invitation_exists'
  | 'invalid_working_hours'
  | 'working_hours_in_use'
  | 'invalid_escalation_policy'
  | 'escalation_policy_in_use'
  | 'invalid_routing_policy'
  | 'routing_policy_in_use'
  | 'default_routing_policy'
  | 'invalid_request_error'
  | 'rate_limited'
  | 'server_error';

/**
 * The body of every error response. The API reference shows no `message`; the Terraform provider reads one:
 * both parse.
 */
export interface ErrorBody {
  /** The HTTP status, repeated. An integer. */
  statusCode: number;
  /** The broad class of failure: one of `ErrorType`. */
  type: string;
  /** What exactly failed: one of `ErrorCode`. Branch on this, never on `message`. */
  code: string;
  /** An explanation for people; its wording may change. */
  message?: string;
  /** The request’s id, as in the `x-request-id` header: quote it to support. */
  requestId: string;
}
