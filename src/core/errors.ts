import type * as z from 'zod/mini';
import type { ErrorCode } from '../schemas/errors.js';
import { describeIssues as describe, toValidationIssues as toIssues, type ValidationIssue } from './issues.js';
import type { SyncStep } from './sync-steps.js';

export type { ValidationIssue };

/**
 * Every error the SDK throws is a `ScalingError`. `instanceof` also works across the ESM and CJS
 * copies of the package (the dual-package hazard): classes match on a brand, not on identity.
 */
const BRAND = Symbol.for('@scaling-cloud/sdk.error');

type Branded = { [BRAND]?: readonly string[] };

export class ScalingError extends Error {
  /**
   * The class's name as a string, which minifiers leave alone. A static field rather than a
   * statement run when the module loads, so that a bundler can drop every class an app never uses.
   */
  static readonly errorName: string = 'ScalingError';

  /** Read from the class on the prototype (not an own field), so it survives minification and stays out of `inspect`. */
  override get name(): string {
    return (this.constructor as typeof ScalingError).errorName;
  }

  /** Assigning a name gives that error its own, as it would on any `Error`. */
  override set name(value: string) {
    Object.defineProperty(this, 'name', { value, writable: true, enumerable: true, configurable: true });
  }

  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    // The brand lists the class names of the prototype chain, most derived first.
    const kinds: string[] = [];
    for (let proto = new.target.prototype; proto !== Error.prototype; proto = Object.getPrototypeOf(proto)) {
      kinds.push(proto.name);
    }
    Object.defineProperty(this, BRAND, { value: kinds, enumerable: false });
  }

  static override [Symbol.hasInstance](value: unknown): boolean {
    if (typeof value !== 'object' || value === null) return false;
    const kinds = (value as Branded)[BRAND];
    return kinds ? kinds.includes(this.prototype.name) : Function.prototype[Symbol.hasInstance].call(this, value);
  }

  /**
   * What `JSON.stringify(error)` shows: name, message, the error's own fields and its cause's
   * message, each bounded (depth, items, length), so a logger that serialises errors never throws
   * or floods, whatever body the server sent.
   */
  toJSON(): Record<string, unknown> {
    const out: Record<string, unknown> = { name: this.name, message: bounded(this.message, 0) };
    for (const [key, value] of Object.entries(this)) out[key] = bounded(value, 0);
    if (this.cause !== undefined) out.cause = this.cause instanceof Error ? `${this.cause.name}: ${this.cause.message}` : bounded(this.cause, 0);
    return out;
  }
}

/** A copy of `value` cut at 8 levels, 100 items or keys per level and 2,000 characters per string. */
const bounded = (value: unknown, depth: number): unknown => {
  if (typeof value === 'string') return value.length > 2_000 ? `${value.slice(0, 2_000)}… (${value.length} characters)` : value;
  if (typeof value === 'bigint') return String(value);
  if (typeof value !== 'object' || value === null) return value;
  if (depth >= 8) return Array.isArray(value) ? `[array of ${value.length}]` : '[object]';
  if (Array.isArray(value)) {
    const items = value.slice(0, 100).map((item) => bounded(item, depth + 1));
    return value.length > 100 ? [...items, `… ${value.length - 100} more`] : items;
  }
  const entries = Object.entries(value);
  const out: Record<string, unknown> = Object.fromEntries(entries.slice(0, 100).map(([key, item]) => [key, bounded(item, depth + 1)]));
  if (entries.length > 100) out['…'] = `${entries.length - 100} more keys`;
  return out;
};

/**
 * The input of a call was refused before anything was sent. `field` names the first bad field.
 */
export class ScalingValidationError extends ScalingError {
  static override readonly errorName: string = 'ScalingValidationError';
  readonly issues: readonly ValidationIssue[];
  readonly field: string;

  constructor(issues: readonly ValidationIssue[]) {
    super(`Invalid request: ${describe(issues)}`);
    this.issues = issues;
    this.field = issues[0]?.path ?? '';
  }

  static fromZod(issues: readonly z.core.$ZodIssue[], prefix = ''): ScalingValidationError {
    return new ScalingValidationError(toIssues(issues, prefix));
  }
}

/** Where a request went: method and path, never headers (they carry the API key). */
export type RequestTarget = { method: string; path: string };

/**
 * The API answered 2xx but its body does not match the schema (or is not JSON).
 * Not an HTTP error: the call may well have taken effect. Turn checking off with `validateResponses: false`.
 */
export class ScalingResponseValidationError extends ScalingError {
  static override readonly errorName: string = 'ScalingResponseValidationError';
  readonly issues: readonly ValidationIssue[];
  readonly zodIssues: readonly z.core.$ZodIssue[];
  readonly body: unknown;
  readonly status: number;
  readonly requestId: string | undefined;
  readonly method: string;
  readonly path: string;

  constructor(input: RequestTarget & {
    zodIssues: readonly z.core.$ZodIssue[];
    body: unknown;
    status: number;
    requestId: string | undefined;
  }) {
    const issues = toIssues(input.zodIssues, '');
    super(`Unexpected response from ${input.method} ${input.path} (${input.status}): ${describe(issues)}`);
    this.issues = issues;
    this.zodIssues = input.zodIssues;
    this.body = input.body;
    this.status = input.status;
    this.requestId = input.requestId;
    this.method = input.method;
    this.path = input.path;
  }
}

export type APIErrorInit = RequestTarget & {
  status: number;
  code: string | undefined;
  type: string | undefined;
  message: string | undefined;
  requestId: string | undefined;
  body: unknown;
  headers: Headers;
  attempts: number;
};

/** The API answered with an error status. Subclasses name the common cases; `code` names the exact one. */
export class ScalingAPIError extends ScalingError {
  static override readonly errorName: string = 'ScalingAPIError';
  /** The HTTP status. */
  readonly status: number;
  /**
   * What exactly failed, from the error body: one of the documented `ErrorCode`s, which editors offer
   * as completions, or a code newer than this SDK (any string); `undefined` when the body had none (a
   * proxy's HTML page). Branch on it rather than on `message`. A comparison with a misspelt code still
   * compiles (a newer code is a string too); `satisfies ErrorCode` makes the typo an error:
   *
   * ```ts
   * if (error.code === ('name_conflict' satisfies ErrorCode)) { … }
   * ```
   */
  readonly code: ErrorCode | (string & {}) | undefined;
  /** The broad class of failure, from the error body (`invalid_request_error`, …), when it had one. */
  readonly type: string | undefined;
  /** The request's id, from the body or the `x-request-id` header: quote it to support. */
  readonly requestId: string | undefined;
  /** The response body as it arrived (parsed JSON, else the text). */
  readonly body: unknown;
  /** The request's method. */
  readonly method: string;
  /** The request's path, below the base URL. */
  readonly path: string;
  /** How many times the request was sent, retries included. */
  readonly attempts: number;
  /** The response headers (never the request's, which carry the API key). Not enumerable, to keep logs short. */
  declare readonly headers: Headers;

  constructor(init: APIErrorInit) {
    // The server's text, cut to a length a log line can carry; `body` keeps all of it.
    const said = init.message && init.message.length > 1_000 ? `${init.message.slice(0, 1_000)}…` : init.message;
    const what = [init.code, said].filter(Boolean).join(': ') || 'request failed';
    const id = init.requestId ? `, request ${init.requestId}` : '';
    super(`${init.status} ${what} (${init.method} ${init.path}${id})`);
    this.status = init.status;
    this.code = init.code;
    this.type = init.type;
    this.requestId = init.requestId;
    this.body = init.body;
    this.method = init.method;
    this.path = init.path;
    this.attempts = init.attempts;
    Object.defineProperty(this, 'headers', { value: init.headers, enumerable: false });
  }
}

/** 400 or 422: the API refused the content of the request. */
export class ScalingBadRequestError extends ScalingAPIError {
  static override readonly errorName: string = 'ScalingBadRequestError';
}
/** 400 `invalid_target`: a layer's schedule or users are not in the organization, or the target is malformed. */
export class ScalingInvalidTargetError extends ScalingBadRequestError {
  static override readonly errorName: string = 'ScalingInvalidTargetError';
}
/** 400 `invalid_reorder`: `layerIds` is not exactly the policy's set of layers. */
export class ScalingInvalidReorderError extends ScalingBadRequestError {
  static override readonly errorName: string = 'ScalingInvalidReorderError';
}
/** 401: the API key is missing, unknown, revoked or not allowed to call this endpoint. */
export class ScalingAuthenticationError extends ScalingAPIError {
  static override readonly errorName: string = 'ScalingAuthenticationError';
}
/** 403: the caller is known but may not do this. */
export class ScalingPermissionDeniedError extends ScalingAPIError {
  static override readonly errorName: string = 'ScalingPermissionDeniedError';
}
/** 404: no such resource in the caller's organization. */
export class ScalingNotFoundError extends ScalingAPIError {
  static override readonly errorName: string = 'ScalingNotFoundError';
}
/** 409: the write conflicts with existing state (a name already taken, a resource still in use). */
export class ScalingConflictError extends ScalingAPIError {
  static override readonly errorName: string = 'ScalingConflictError';
}
/** 429: rate limited, still so after the retries. `retryAfterMs` is the server's hint, if it gave one. */
export class ScalingRateLimitError extends ScalingAPIError {
  static override readonly errorName: string = 'ScalingRateLimitError';
  get retryAfterMs(): number | undefined {
    return parseRetryAfter(this.headers.get('retry-after'));
  }
}
/** 5xx: the API failed, still so after the retries. */
export class ScalingServerError extends ScalingAPIError {
  static override readonly errorName: string = 'ScalingServerError';
}

/**
 * No response arrived: connection refused or reset, DNS failure, TLS failure. The message ends with
 * what the cause says (`ECONNREFUSED 127.0.0.1:4010`, `ENOTFOUND api.example.test`, or its own
 * message when it has no code), never the API key; `cause` is the error as thrown.
 */
export class ScalingConnectionError extends ScalingError {
  static override readonly errorName: string = 'ScalingConnectionError';
  readonly method: string;
  readonly path: string;
  readonly attempts: number;

  constructor(target: RequestTarget & { attempts: number; message?: string; detail?: string | undefined; cause?: unknown }) {
    const attempts = `${target.attempts} attempt${target.attempts === 1 ? '' : 's'}`;
    super(`${target.message ?? 'Connection failed'} (${target.method} ${target.path}, ${attempts})${target.detail ? `: ${target.detail}` : ''}`, {
      cause: target.cause,
    });
    this.method = target.method;
    this.path = target.path;
    this.attempts = target.attempts;
  }
}

/** No response within `timeoutMs` (per attempt), still so after the retries. The message names the limit. */
export class ScalingTimeoutError extends ScalingConnectionError {
  static override readonly errorName: string = 'ScalingTimeoutError';
}

/**
 * The response body passed the client's `maxResponseBytes` (default 16 MiB) while it streamed in:
 * reading stopped there. Not retried (the same request would get the same body).
 */
export class ScalingResponseTooLargeError extends ScalingError {
  static override readonly errorName: string = 'ScalingResponseTooLargeError';
  readonly method: string;
  readonly path: string;
  readonly status: number;
  /** The limit that was passed, in bytes of the decoded body. */
  readonly maxResponseBytes: number;

  constructor(init: RequestTarget & { status: number; maxResponseBytes: number }) {
    super(`Response body larger than ${init.maxResponseBytes} bytes (${init.method} ${init.path}, status ${init.status}); raise maxResponseBytes if it is expected`);
    this.method = init.method;
    this.path = init.path;
    this.status = init.status;
    this.maxResponseBytes = init.maxResponseBytes;
  }
}

/** The caller's `signal` aborted the request. */
export class ScalingAbortError extends ScalingError {
  static override readonly errorName: string = 'ScalingAbortError';
  readonly method: string;
  readonly path: string;

  constructor(target: RequestTarget & { cause?: unknown }) {
    super(`Request aborted (${target.method} ${target.path})`, { cause: target.cause });
    this.method = target.method;
    this.path = target.path;
  }
}

const describeSyncStep = (step: SyncStep): string => {
  switch (step.action) {
    case 'delete': return `delete ${step.layerId} (position ${step.position})`;
    case 'update': return `update ${step.layerId} (${Object.keys(step.changes).join(', ')})`;
    case 'create': return `create at position ${step.position}${step.layerId ? ` (${step.layerId})` : ''}`;
    case 'reorder': return `reorder ${step.layerIds.length} layers`;
  }
};

/**
 * `policies.layers.sync` stopped at a failed call. The `applied` steps took effect; the `pending` ones
 * were never sent; `cause` is the failed call's own error. Calling `sync` again with the same list
 * re-reads the layers and finishes the job.
 */
export class ScalingSyncError extends ScalingError {
  static override readonly errorName: string = 'ScalingSyncError';
  readonly policyId: string;
  readonly applied: readonly SyncStep[];
  readonly failed: SyncStep;
  readonly pending: readonly SyncStep[];

  constructor(init: { policyId: string; applied: readonly SyncStep[]; failed: SyncStep; pending: readonly SyncStep[]; cause: unknown }) {
    const list = (steps: readonly SyncStep[]) => steps.map(describeSyncStep).join(', ') || 'none';
    const reason = init.cause instanceof Error ? init.cause.message : String(init.cause);
    // A 4xx was refused (the API changes nothing then); anything else may hide a write that happened.
    const settled = init.cause instanceof ScalingAPIError && init.cause.status < 500;
    super(
      `Layer sync of policy ${init.policyId} failed at step ${init.applied.length + 1} of ` +
        `${init.applied.length + 1 + init.pending.length}, ${describeSyncStep(init.failed)}: ${reason}` +
        `${settled ? '' : ' (it may have taken effect)'}. Applied: ${list(init.applied)}. Not sent: ${list(init.pending)}.`,
      { cause: init.cause },
    );
    this.policyId = init.policyId;
    this.applied = init.applied;
    this.failed = init.failed;
    this.pending = init.pending;
  }
}

/** `Retry-After` is seconds or an HTTP date. */
export const parseRetryAfter = (value: string | null): number | undefined => {
  if (!value) return undefined;
  const seconds = Number(value);
  if (Number.isFinite(seconds)) return Math.max(0, seconds * 1000);
  const date = Date.parse(value);
  return Number.isNaN(date) ? undefined : Math.max(0, date - Date.now());
};

const byCode: Record<string, new (init: APIErrorInit) => ScalingAPIError> = {
  invalid_target: ScalingInvalidTargetError,
  invalid_reorder: ScalingInvalidReorderError,
};

const byStatus: Record<number, new (init: APIErrorInit) => ScalingAPIError> = {
  400: ScalingBadRequestError,
  401: ScalingAuthenticationError,
  403: ScalingPermissionDeniedError,
  404: ScalingNotFoundError,
  409: ScalingConflictError,
  422: ScalingBadRequestError,
  429: ScalingRateLimitError,
};

/** Picks the class for an error response: the code first, then the status. In one place. */
export const createAPIError = (init: APIErrorInit): ScalingAPIError => {
  const ErrorClass =
    (init.status === 400 && init.code ? byCode[init.code] : undefined) ??
    byStatus[init.status] ??
    (init.status >= 500 ? ScalingServerError : ScalingAPIError);
  return new ErrorClass(init);
};
