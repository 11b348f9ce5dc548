export { Scaling } from './client.js';
export type { ClientOptions, RequestOptions } from './core/request-options.js';
export {
  ScalingError,
  ScalingValidationError,
  ScalingResponseValidationError,
  ScalingAPIError,
  ScalingBadRequestError,
  ScalingInvalidTargetError,
  ScalingInvalidReorderError,
  ScalingAuthenticationError,
  ScalingPermissionDeniedError,
  ScalingNotFoundError,
  ScalingConflictError,
  ScalingRateLimitError,
  ScalingServerError,
  ScalingConnectionError,
  ScalingTimeoutError,
  ScalingAbortError,
  type ValidationIssue,
} from './core/errors.js';
export type { Policies } from './resources/policies.js';
export type { PolicyLayers } from './resources/policy-layers.js';
export type {
  DeleteResponse,
  ErrorBody,
  ErrorCode,
  ErrorType,
  Id,
  Layer,
  LayerCreateParams,
  LayerReorderParams,
  LayerTarget,
  LayerUpdateParams,
  Policy,
  PolicyCreateParams,
  PolicyUpdateParams,
  PolicyWithLayers,
  ScheduleTarget,
  UsersTarget,
} from './schemas/index.js';
