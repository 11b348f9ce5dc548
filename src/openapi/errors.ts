import type * as z from 'zod/mini';
import type { AnyEndpoint, EndpointDocs } from '../endpoints/endpoint.js';
import { ErrorCode } from '../schemas/errors.js';
import type { JsonSchema, Ref } from './json-schema.js';

/**
 * The error answers of one operation: each status it can answer with, and the codes each can carry.
 * What the endpoint's own rules refuse is in its docs (`errors`); what every endpoint of its shape
 * can get follows from the entry, as the mock's route pipeline answers (`mocks/handlers/route.ts`):
 * the key (401), the access (401 `not_authorized`), the body's reading (400 `invalid_json`, 413, 415),
 * the schemas (422, or the 400 codes the entry and the schema's refinements declare), a URL too long
 * to route (414, for paths with ids), the rate limit (429) and a failure of the server (500).
 */

/** Why each status is answered, for the response's description. */
const STATUS_TEXT: Readonly<Record<number, string>> = {
  400: 'Bad request: a business rule, or a documented 400 code for a schema problem.',
  401: 'No API key, an unknown or revoked one, or (`not_authorized`) a member\'s key where an admin\'s is needed.',
  403: 'Not permitted.',
  404: 'Not found in the organization of the API key.',
  409: 'Conflicts with the organization\'s current state.',
  413: 'The body is larger than 1 MiB.',
  414: 'The URL is longer than 8,192 characters.',
  415: 'The body is not sent as JSON (`Content-Type: application/json`).',
  422: 'The request does not match its schema: the message names each field.',
  429: 'Too many requests: wait for `Retry-After` seconds.',
  500: 'The server failed.',
};

const KNOWN = new Set<string>(ErrorCode.options);

type Check = { _zod: { def: { check: string; params?: { apiCode?: unknown } } } };
type WalkDef = { checks?: readonly Check[]; shape?: Record<string, z.core.$ZodType>; element?: z.core.$ZodType; innerType?: z.core.$ZodType; in?: z.core.$ZodType; options?: readonly z.core.$ZodType[] };

/** The 400 codes a schema's refinements declare for themselves (`params: { apiCode }`), anywhere in it. */
const declaredCodes = (schema: z.core.$ZodType, seen = new Set<z.core.$ZodType>()): string[] => {
  if (seen.has(schema)) return [];
  seen.add(schema);
  const def = schema._zod.def as unknown as WalkDef;
  const own = (def.checks ?? []).flatMap((check) => {
    const code = check._zod.def.check === 'custom' ? check._zod.def.params?.apiCode : undefined;
    return typeof code === 'string' ? [code] : [];
  });
  const children = [...Object.values(def.shape ?? {}), def.element, def.innerType, def.in, ...(def.options ?? [])];
  return [...own, ...children.flatMap((child) => (child ? declaredCodes(child, seen) : []))];
};

/** Each error status of the endpoint with its codes, in status order; every code is one of `ErrorCode`. */
export const errorCodesOf = (endpoint: AnyEndpoint, docs: EndpointDocs): Map<number, string[]> => {
  const codes = new Map<number, Set<string>>();
  const add = (status: number, ...more: readonly string[]) => {
    const set = codes.get(status) ?? new Set<string>();
    for (const code of more) set.add(code);
    codes.set(status, set);
  };
  const { body } = endpoint;
  if (body) {
    add(400, 'invalid_json', ...endpoint.badRequestCodes.map(({ code }) => code), ...declaredCodes(body));
    add(413, 'payload_too_large');
    add(415, 'unsupported_media_type');
  }
  for (const [status, list] of Object.entries(docs.errors ?? {})) add(Number(status), ...(list ?? []));
  add(401, 'missing_authorization_header', 'invalid_api_key', ...(endpoint.access === 'admin' ? ['not_authorized'] : []));
  if (endpoint.params) add(414, 'uri_too_long');
  // A body whose every schema problem has a 400 code (a catch-all entry) is never 422.
  const bodyAlways400 = endpoint.badRequestCodes.some(({ field, refinementsOnly }) => field === undefined && !refinementsOnly);
  if (endpoint.params || endpoint.query || (body && !bodyAlways400)) add(422, 'validation_error');
  add(429, 'rate_limited');
  add(500, 'server_error');
  const unknown = [...codes.values()].flatMap((set) => [...set]).filter((code) => !KNOWN.has(code));
  if (unknown.length > 0) throw new Error(`openapi: ${endpoint.name} answers codes that are not in ErrorCode: ${unknown.join(', ')}`);
  return new Map([...codes].sort(([a], [b]) => a - b).map(([status, set]) => [status, [...set]]));
};

/** The error body of one status of one operation: the shared body, with this status and these codes. */
export const errorBodySchema = (errorBody: Ref, status: number, codes: readonly string[]): JsonSchema => ({
  allOf: [errorBody, { properties: { statusCode: { const: status }, code: { enum: [...codes] } } }],
});

export const errorDescription = (status: number) => STATUS_TEXT[status] ?? 'An error.';

/**
 * The answers many operations share word for word, by the name they have under
 * `components/responses`: an operation refers to one of these when its status and codes are exactly
 * these, and spells out its own otherwise (a 400 or 409 of its business rules).
 */
export const SHARED_ERRORS: ReadonlyArray<{ name: string; status: number; codes: readonly string[] }> = [
  { name: 'InvalidJson', status: 400, codes: ['invalid_json'] },
  { name: 'Unauthorized', status: 401, codes: ['missing_authorization_header', 'invalid_api_key'] },
  { name: 'UnauthorizedOrNotAdmin', status: 401, codes: ['missing_authorization_header', 'invalid_api_key', 'not_authorized'] },
  { name: 'NotFound', status: 404, codes: ['not_found'] },
  { name: 'PayloadTooLarge', status: 413, codes: ['payload_too_large'] },
  { name: 'UriTooLong', status: 414, codes: ['uri_too_long'] },
  { name: 'UnsupportedMediaType', status: 415, codes: ['unsupported_media_type'] },
  { name: 'ValidationError', status: 422, codes: ['validation_error'] },
  { name: 'RateLimited', status: 429, codes: ['rate_limited'] },
  { name: 'ServerError', status: 500, codes: ['server_error'] },
];

/** The shared answer with exactly this status and these codes, if there is one. */
export const sharedErrorOf = (status: number, codes: readonly string[]) =>
  SHARED_ERRORS.find((shared) => shared.status === status && shared.codes.length === codes.length && shared.codes.every((code) => codes.includes(code)));
