import * as z from 'zod/mini';

/**
 * A response type as users should see it: `looseObject` keeps unknown fields at runtime (the API may
 * add some) and types that as an index signature, which would let a typo such as
 * `layer.ackTimeoutMinute` compile. The documented fields are what the types show.
 */
export type Known<T> = T extends readonly (infer Item)[]
  ? Known<Item>[]
  : T extends object
    ? { [K in keyof T as string extends K ? never : K]: Known<T[K]> }
    : T;

// An opaque resource id. The docs call ids UUIDs but every example shows prefixed ids
// (`pol_01jq…`, `layer_01jq…`), so the SDK never checks a format: any non-empty string.
export const Id = z.string().check(z.minLength(1, 'must be a non-empty id'));

/** An id in a URL path: also not `.` or `..`, which would change the resource the URL names. */
export const PathId = Id.check(z.refine((id) => id !== '.' && id !== '..', 'must be a non-empty id'));

// An ISO 8601 timestamp as the API sends it (`2026-04-07T10:00:00.000Z`). Kept as a string.
export const Timestamp = z.string();

/** The envelope every single-resource and list response uses: `{ "data": … }`. */
export const dataEnvelope = <T extends z.core.$ZodType>(data: T) => z.looseObject({ data });

// `DELETE` answers `{ "success": true }` without a `data` envelope (policy-layers reference).
// An empty 204, as the Terraform provider models schedule deletes, counts as success too.
export const DeleteResponse = z.optional(z.looseObject({ success: z.literal(true) }));

/**
 * A list of ids with no repeats. `label` names what the ids are in the message.
 */
export const uniqueIds = (label: string, min: number, max = Number.MAX_SAFE_INTEGER) =>
  z.array(Id).check(
    z.minLength(min, `must list at least ${min} ${label}`),
    z.maxLength(max, `must list at most ${max} ${label}`),
    z.refine((ids) => new Set(ids).size === ids.length, `must not repeat ${label}`),
  );

/** How many items a cursor-paginated list returns per page: 1 to 100 (20 when absent). */
export const PageLimit = z.int().check(z.minimum(1, 'must be an integer from 1 to 100'), z.maximum(100, 'must be an integer from 1 to 100'));

/** `PageLimit` as it arrives in a query string (`limit=20`). */
export const PageLimitQuery = z.pipe(z.string().check(z.regex(/^\d{1,3}$/, 'must be an integer from 1 to 100')), z.pipe(z.transform(Number), PageLimit));

/** The `nextCursor` of the previous page, passed back unchanged. */
export const PageCursor = z.string().check(z.minLength(1));

// Types generated from the schemas above and their docs (./docs/) by `npm run types:schemas`: do not edit
// below this line (test/schema-types.test.ts fails when it is stale).

/**
 * An opaque resource id. The API shows prefixed ids (`pol_01jq…`, `layer_01jq…`) but promises no format: the
 * SDK checks only that an id is a non-empty string (and, in a URL path, not `.` or `..`).
 */
export type Id = string;

/** An ISO 8601 instant as the API sends it (`2026-04-07T10:00:00.000Z`), kept as a string. */
export type Timestamp = string;

/**
 * What a `DELETE` answers: `{ success: true }`, or an empty body (a 204). The SDK’s `delete` methods resolve
 * to `void`.
 */
export type DeleteResponse = {
  /** Always `true`: a delete that fails answers an error instead. */
  success: true;
} | undefined;
