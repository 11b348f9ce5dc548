/**
 * What both client entries (`@scaling-cloud/sdk` and `@scaling-cloud/sdk/policies`) export beside
 * their client: the options, the promise every call returns, and the error classes. One list, so
 * that the two entries cannot drift apart.
 */
export type { ClientOptions, RequestOptions, RetryOptions, ScalingOptions } from './core/request-options.js';
export type { ScalingPromise, WithResponse } from './core/scaling-promise.js';
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
  ScalingResponseTooLargeError,
  ScalingAbortError,
  ScalingSyncError,
  type ValidationIssue,
  type APIErrorInit,
  type RequestTarget,
} from './core/errors.js';
