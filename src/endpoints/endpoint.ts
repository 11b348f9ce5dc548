import type * as z from 'zod/mini';
import type { Known } from '../schemas/common.js';
import type { ErrorCode } from '../schemas/errors.js';

/** The HTTP methods the API uses, lower case as ky and MSW spell them. */
export type HttpMethod = 'get' | 'post' | 'put' | 'patch' | 'delete';

type Schema = z.core.$ZodType;

/**
 * When a schema problem is a documented 400 with its own code instead of 422 `validation_error`:
 * the layers reference answers a malformed `target` with 400 `invalid_target`. `field` is the first
 * segment of the path (any field when omitted); `refinementsOnly` limits it to the schema's
 * own rules (no repeats, …), not type errors.
 */
export type BadRequestCode = { code: string; field?: string; refinementsOnly?: boolean };

/**
 * One endpoint of the API, described once: the client, the mock, the OpenAPI document, the method
 * reference and the fuzz corpus are all built from these entries. Data only: no behaviour.
 */
export type Endpoint<
  P extends Schema | undefined = Schema | undefined,
  Q extends Schema | undefined = Schema | undefined,
  B extends Schema | undefined = Schema | undefined,
  R extends Schema = Schema,
  U extends readonly string[] = readonly string[],
  S extends Schema | undefined = Schema | undefined,
> = {
  /** The SDK call that sends it (`policies.layers.reorder`): also the OpenAPI `operationId`. */
  name: string;
  method: HttpMethod;
  /** In the docs' notation, relative to the base URL: `/escalation/policies/{policyId}/layers`. */
  path: string;
  /** Path parameters, by the names the template uses. */
  params: P;
  /** The query string as the SDK method takes it and the document describes it. */
  query: Q;
  /** The JSON body. */
  body: B;
  /** The whole response body, envelope included. */
  response: R;
  /** Where the SDK method's result sits in the response (`['data']`); `[]` for the whole body. */
  unwrap: U;
  /** 201 for a create, else 200. */
  status: 200 | 201;
  /**
   * `creating`: a POST whose repeat would act twice (create, invite, handoff), retried only when the
   * request never reached the server. `idempotent`: retried on 5xx, 429 and timeouts too.
   */
  retry: 'creating' | 'idempotent';
  /** `admin`: only an `org:admin` key may call it (else 401 `not_authorized`). */
  access: 'member' | 'admin';
  badRequestCodes: readonly BadRequestCode[];
  /** The SDK method's own query schema, where it takes more than the wire (a `Date`, sent as ISO). */
  sdkQuery: S;
  /** How the mock reads the query string, where its strings need converting (`limit=20` → 20). */
  urlQuery: Schema | undefined;
};

export type AnyEndpoint = Endpoint<Schema | undefined, Schema | undefined, Schema | undefined, Schema, readonly string[], Schema | undefined>;

type Defaults = 'params' | 'query' | 'body' | 'retry' | 'access' | 'badRequestCodes' | 'sdkQuery' | 'urlQuery' | 'status';

/**
 * An entry with its defaults filled: no parameters, query or body; status 200 (201 for a creating
 * POST is stated); idempotent unless a POST; any member may call it.
 */
export const endpoint = <
  const P extends Schema | undefined = undefined,
  const Q extends Schema | undefined = undefined,
  const B extends Schema | undefined = undefined,
  const R extends Schema = Schema,
  const U extends readonly string[] = readonly [],
  const S extends Schema | undefined = undefined,
>(
  entry: Omit<Endpoint<P, Q, B, R, U, S>, Defaults> & Partial<Pick<Endpoint<P, Q, B, R, U, S>, Defaults>>,
): Endpoint<P, Q, B, R, U, S> => ({
  params: undefined as P,
  query: undefined as Q,
  body: undefined as B,
  status: 200,
  retry: entry.method === 'post' ? 'creating' : 'idempotent',
  access: 'member',
  badRequestCodes: [],
  sdkQuery: undefined as S,
  urlQuery: undefined,
  ...entry,
});

/** The error statuses an endpoint's own rules answer with (the ones every endpoint shares are derived from its entry). */
export type EndpointErrorStatus = 400 | 403 | 404 | 409;

/**
 * The prose of an endpoint, for the OpenAPI document and the method reference. It sits beside the
 * entries in each endpoint file, in an object of its own, so that the client (which imports only the
 * entries) does not ship it. The document needs a description on every operation: an entry has
 * `description`, `details` or both.
 */
export type EndpointDocs = {
  tag: string;
  summary: string;
  /** What the schemas cannot say: refinements, cross-field rules, side effects (the method reference's notes too). */
  description?: string;
  /** More for the OpenAPI operation's description only (after `description`): what the call answers, and when. */
  details?: string;
  /** What the SDK method resolves to, for the method reference (`Layer[]` in position order). */
  returns: string;
  /**
   * The codes the endpoint's own rules refuse with, by status: a lookup that finds nothing (404), a
   * business rule (400, 409), a permission (403). Codes every endpoint of its shape can get (401 for
   * the key, 422 for the schemas, a body's 400/413/415, the schema's declared 400 codes, 429, 500) are
   * added by the document from the entry itself.
   */
  errors?: Readonly<Partial<Record<EndpointErrorStatus, readonly ErrorCode[]>>>;
} & ({ description: string } | { details: string });

/** The docs of every entry of a group: a missing one is a compile error. */
export type EndpointDocsOf<Group extends Record<string, AnyEndpoint>> = { readonly [Name in keyof Group]: EndpointDocs };

/** The value at a key path: `At<{ data: { updates: U[] } }, ['data', 'updates']>` is `U[]`. */
type At<T, Path extends readonly string[]> = Path extends readonly [infer Head extends string, ...infer Rest extends string[]]
  ? Head extends keyof NonNullable<T>
    ? At<NonNullable<T>[Head], Rest>
    : never
  : T;

/** What the SDK method of an endpoint resolves to: the unwrapped part of the parsed response. */
export type EndpointResult<E extends AnyEndpoint> = Known<At<z.output<E['response']>, E['unwrap']>>;

/**
 * What the mock's handler for an endpoint answers with: the whole body, as the SDK parses it. Without
 * the index signature of a loose object, so that the named types (interfaces, which have none) fit.
 */
export type EndpointResponseBody<E extends AnyEndpoint> = Known<z.input<E['response']>>;

type InputOf<S> = S extends Schema ? z.input<S> : never;

/** The parts of a call an SDK method supplies: only those its endpoint has. */
export type EndpointInput<E extends AnyEndpoint> = (E['params'] extends Schema ? { params: InputOf<E['params']> } : { params?: never }) &
  (E['query'] extends Schema ? { query?: InputOf<E['sdkQuery'] extends Schema ? E['sdkQuery'] : E['query']> } : { query?: never }) &
  (E['body'] extends Schema ? { body: InputOf<E['body']> } : { body?: never });

/** `/a/{b}/c` → `/a/:b/c`: MSW's notation, for the mock's routes. */
export const toMswPath = (path: string) => path.replace(/\{(\w+)\}/g, ':$1');

/** The parameter names of a path template, in order. */
export const pathParamNames = (path: string) => [...path.matchAll(/\{(\w+)\}/g)].map((match) => match[1]!);
