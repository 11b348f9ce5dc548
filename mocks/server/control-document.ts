import * as z from 'zod/mini';
import { PACKAGE_INFO, STANDALONE_MOCK_URL } from '../../src/openapi/document.js';
import { type JsonSchema, type Ref, toComponentSchemas, toJsonSchema } from '../../src/openapi/json-schema.js';
import { type RuleSchemas, ruleSchemasOf, type SharedStatements, type Statement, type StatementTable, unstatedOf } from '../../src/openapi/refinements.js';
import { ErrorBody } from '../../src/schemas/errors.js';
import { apiPaths } from '../handlers/paths.js';
import { Method, PathString } from '../handlers/request-match.js';
import type { ControlEndpoint } from './control-endpoint.js';
import { CONTROL_PREFIX, controlEndpoints, Pattern } from './control.js';
import { controlDocs, controlParameterDocs, controlSchemas, controlTagDocs } from './control-docs.js';
import { CONTROL_HEADER } from './guard.js';

/**
 * `mock-openapi.json`: the OpenAPI 3.1 document of the standalone server's test controls
 * (`/__mock…`), built from their table (`control.ts`) and docs (`control-docs.ts`) the way the API's
 * document is built from the endpoint table, with the same converter. Pure, like that one.
 */

type MediaContent = Record<string, { schema: JsonSchema | Ref }>;
type Parameter = { name: string; in: 'query'; description: string; required: boolean; schema: JsonSchema };
type Response = { description: string; headers?: Record<string, Ref>; content?: MediaContent };
export type ControlOperation = {
  operationId: string;
  tags: string[];
  summary: string;
  description: string;
  security?: Array<Record<string, string[]>>;
  parameters?: Parameter[];
  requestBody?: { required: boolean; content: MediaContent };
  responses: Record<string, Response | Ref>;
};
export type ControlDocument = {
  openapi: '3.1.0';
  info: { title: string; version: string; description: string } & typeof PACKAGE_INFO;
  servers: Array<{ url: string; description: string }>;
  security: Array<Record<string, string[]>>;
  tags: Array<{ name: string; description: string }>;
  paths: Record<string, Partial<Record<'get' | 'post' | 'delete', ControlOperation>>>;
  components: {
    schemas: Record<string, JsonSchema>;
    responses: Record<string, Response>;
    headers: Record<string, { description: string; schema: JsonSchema }>;
    securitySchemes: Record<string, { type: 'apiKey'; in: 'header'; name: string; description: string }>;
  };
};

const present = (...fields: string[]): JsonSchema => ({ properties: Object.fromEntries(fields.map((field) => [field, {}])), required: fields });

const AFTER_WRITE: JsonSchema = { properties: { afterWrite: { const: true } }, required: ['afterWrite'] };

/** A method in any case, as JSON Schema's patterns (which have no case-insensitive flag) spell it. */
const anyCase = (word: string) => [...word].map((char) => `[${char.toUpperCase()}${char.toLowerCase()}]`).join('');

/** What JSON Schema makes of the refinements of the controls' bodies and queries (see `refinements.ts`). */
export const controlStatements: StatementTable = {
  'clock.advance body': [{ adds: { oneOf: [present('ms'), present('to')] } }],
  'faults.add body': [
    {
      adds: {
        allOf: [
          { not: present('path', 'pathPattern') },
          { not: present('status', 'network') },
          // Something must happen: an error status, a network outcome, a lost answer, or a delay.
          { anyOf: [present('status'), present('network'), AFTER_WRITE, present('delayMs')] },
          // The parts of an error answer need one: a status, or `afterWrite` without `network` (a 500).
          {
            if: { anyOf: [present('code'), present('message'), present('retryAfter')] },
            then: { anyOf: [present('status'), { allOf: [AFTER_WRITE, { not: present('network') }] }] },
          },
          // `code` defaults only for 429 and 5xx.
          { if: { properties: { status: { maximum: 499, not: { const: 429 } } }, required: ['status'] }, then: present('code') },
          { if: present('retryAfter'), then: { properties: { status: { enum: [429, 503] } }, required: ['status'] } },
        ],
      },
    },
  ],
};

export const controlSharedStatements: SharedStatements = new Map<Parameters<SharedStatements['get']>[0], readonly Statement[]>([
  [Method, [{ adds: { pattern: `^(?:${['GET', 'POST', 'PUT', 'PATCH', 'DELETE'].map(anyCase).join('|')})$` } }]],
  [PathString, [{ adds: { pattern: '^/' } }, { adds: { anyOf: [{ pattern: '^[^{]*$' }, { enum: [...apiPaths].sort() }] } }]],
  [Pattern, [{ adds: { format: 'regex' } }]],
]);

/** The name a control's body has under `components/schemas`: `clock.advance` → `ClockAdvanceBody`. */
const bodyNameOf = (endpoint: ControlEndpoint<never, never>) =>
  `${endpoint.name.split('.').map((part) => part[0]!.toUpperCase() + part.slice(1)).join('')}Body`;

const refinementRoots = (): Record<string, z.core.$ZodType> => {
  const roots: Record<string, z.core.$ZodType> = { ...controlSchemas };
  for (const endpoint of controlEndpoints) {
    if (endpoint.body) roots[`${endpoint.name} body`] = endpoint.body;
    if (endpoint.query) roots[`${endpoint.name} query`] = endpoint.query;
  }
  return roots;
};

export const controlRuleSchemas = (): RuleSchemas => ruleSchemasOf(refinementRoots(), controlStatements, controlSharedStatements);

/** The codes the server answers every control with (the `Host` check, the control header, a failure), by status. */
const SHARED_ERRORS = [
  { name: 'InvalidJson', status: 400, codes: ['invalid_json', 'invalid_request_error'], description: 'The body is not JSON, or does not match the control\'s schema: the message names the field.' },
  { name: 'Forbidden', status: 403, codes: ['control_header_required', 'invalid_control_token', 'host_not_allowed'], description: `No \`${CONTROL_HEADER}\` header (or not the \`--control-token\`), or a \`Host\` the server does not answer to.` },
  { name: 'HostNotAllowed', status: 403, codes: ['host_not_allowed'], description: 'A `Host` the server does not answer to (`--allowed-host`).' },
  { name: 'PayloadTooLarge', status: 413, codes: ['payload_too_large'], description: 'The body is larger than the control takes (1 MiB; 64 MiB for a restore).' },
  { name: 'ServerError', status: 500, codes: ['server_error'], description: 'The server failed.' },
] as const;

const ERROR_TEXT: Readonly<Record<number, string>> = {
  400: 'The request does not match the control\'s schema, or breaks its rules: the message names the field.',
  404: 'Not found in the mock.',
};

const json = (schema: JsonSchema | Ref): MediaContent => ({ 'application/json': { schema } });
const REQUEST_ID = { 'x-request-id': { $ref: '#/components/headers/RequestId' } };
const schemaRef = (name: string): Ref => ({ $ref: `#/components/schemas/${name}` });
const errorSchema = (status: number, codes: readonly string[]): JsonSchema => ({
  allOf: [schemaRef('ErrorBody'), { properties: { statusCode: { const: status }, code: { enum: [...codes] } } }],
});
const errorResponse = (status: number, codes: readonly string[], description: string): Response => ({ description, headers: REQUEST_ID, content: json(errorSchema(status, codes)) });

const answerNames = new Map<z.core.$ZodType, string>(Object.entries(controlSchemas).map(([name, schema]) => [schema, name]));
const nameOfSchema = (schema: z.core.$ZodType, where: string) => {
  const name = answerNames.get(schema);
  if (name === undefined) throw new Error(`openapi: a schema of the control ${where} is not among controlSchemas (mocks/server/control-docs.ts)`);
  return name;
};

const operationOf = (endpoint: ControlEndpoint<never, never>, rules: RuleSchemas): ControlOperation => {
  const docs = controlDocs[endpoint.name];
  if (!docs) throw new Error(`openapi: the control ${endpoint.name} has no docs (mocks/server/control-docs.ts)`);
  const query = endpoint.query ? toJsonSchema(endpoint.query, 'request', rules) : undefined;
  const required = new Set(query?.required ?? []);
  const parameters = Object.entries(query?.properties ?? {}).map(([name, schema]): Parameter => {
    const description = docs.parameters?.[name] ?? controlParameterDocs[name];
    if (description === undefined) throw new Error(`openapi: the query parameter ${name} of ${endpoint.name} has no description`);
    return { name, in: 'query', description, required: required.has(name), schema: typeof schema === 'boolean' ? {} : schema };
  });
  const answerName = docs.answer ? nameOfSchema(docs.answer, endpoint.name) : undefined;
  const content: MediaContent = {
    ...(answerName === undefined ? {} : json(schemaRef(answerName))),
    ...Object.fromEntries((docs.media ?? []).map((media) => [media.type, { schema: { type: 'string', description: media.description } }])),
  };
  const own = Object.entries(docs.errors ?? {}).map(([status, codes]) => [Number(status), codes ?? []] as const);
  const bad = own.find(([status]) => status === 400)?.[1] ?? [];
  const errors: Record<string, Response | Ref> = {};
  const hasBody = endpoint.body !== undefined || docs.requestBody !== undefined;
  // A body is read as JSON first (400 `invalid_json`), whatever the control then makes of it.
  if (hasBody || bad.length > 0) {
    const codes = [...new Set([...(hasBody ? ['invalid_json'] : []), ...bad])];
    errors['400'] = codes.length === 2 && codes.includes('invalid_json') && codes.includes('invalid_request_error')
      ? { $ref: '#/components/responses/InvalidJson' }
      : errorResponse(400, codes, ERROR_TEXT[400]!);
  }
  errors['403'] = { $ref: `#/components/responses/${endpoint.open ? 'HostNotAllowed' : 'Forbidden'}` };
  for (const [status, codes] of own) if (status !== 400) errors[String(status)] = errorResponse(status, codes, ERROR_TEXT[status]!);
  if (hasBody) errors['413'] = { $ref: '#/components/responses/PayloadTooLarge' };
  if (!endpoint.open) errors['500'] = { $ref: '#/components/responses/ServerError' };
  return {
    operationId: endpoint.name,
    tags: [docs.tag],
    summary: docs.summary,
    description: docs.description,
    // The page and its assets open in a browser, which cannot send the header.
    ...(endpoint.open ? { security: [] } : {}),
    ...(parameters.length === 0 ? {} : { parameters }),
    ...(endpoint.body ? { requestBody: { required: endpoint.bodyRequired ?? true, content: json(schemaRef(bodyNameOf(endpoint))) } } : {}),
    ...(docs.requestBody ? { requestBody: { required: true, content: json(schemaRef(nameOfSchema(docs.requestBody, endpoint.name))) } } : {}),
    responses: { '200': { description: 'OK.', headers: REQUEST_ID, content }, ...Object.fromEntries(Object.entries(errors).sort(([a], [b]) => Number(a) - Number(b))) },
  };
};

export type ControlDocumentOptions = { version?: string };

export const buildControlDocument = (options: ControlDocumentOptions = {}): ControlDocument => {
  const rules = controlRuleSchemas();
  const paths: ControlDocument['paths'] = {};
  for (const endpoint of controlEndpoints) {
    (paths[`${CONTROL_PREFIX}${endpoint.path}`] ??= {})[endpoint.method.toLowerCase() as 'get' | 'post' | 'delete'] = operationOf(endpoint, rules);
  }
  const bodies = Object.fromEntries(controlEndpoints.flatMap((endpoint) => (endpoint.body ? [[bodyNameOf(endpoint), endpoint.body] as const] : [])));
  const named = { ErrorBody, ...controlSchemas, ...bodies };
  const used = [...new Set(controlEndpoints.map((endpoint) => controlDocs[endpoint.name]?.tag))];
  const unstated = [...new Set([...unstatedOf(controlStatements).map(({ unstated }) => unstated), ...[...controlSharedStatements.values()].flatMap((list) => list.flatMap((s) => s.unstated ?? []))])];
  return {
    openapi: '3.1.0',
    info: {
      title: 'Scaling mock server controls',
      version: options.version ?? '0.0.0',
      description:
        'The test controls of the @scaling-cloud/sdk standalone mock server (`npx scaling-mock`), under `/__mock`: the virtual ' +
        'clock, the pages it caused, alerts, fault rules, the request log, reset and snapshots, and the timeline page. They are not ' +
        `the API (that is \`@scaling-cloud/sdk/openapi.json\`, under \`/v1\`): they need no API key, but every call sends the header ` +
        `\`${CONTROL_HEADER}\` (any value, or the server's \`--control-token\`); only the timeline page and its assets open without it. ` +
        `Refused bodies are 400 with the API's error body, naming the field.${unstated.length === 0 ? '' : ` JSON Schema cannot state: ${unstated.join('; ')}.`}`,
      ...PACKAGE_INFO,
    },
    servers: [{ url: STANDALONE_MOCK_URL, description: 'The standalone mock server on its default port (`npx scaling-mock`; `--port` changes it).' }],
    security: [{ controlHeader: [] }],
    tags: Object.entries(controlTagDocs).filter(([name]) => used.includes(name as never)).map(([name, description]) => ({ name, description })),
    paths,
    components: {
      schemas: toComponentSchemas(
        named,
        { request: [...Object.keys(bodies), ...Object.values(controlDocs).flatMap((docs) => (docs.requestBody ? [nameOfSchema(docs.requestBody, 'body')] : []))], response: ['ErrorBody', ...Object.keys(controlSchemas)] },
        (id) => schemaRef(id).$ref,
        rules,
      ),
      responses: Object.fromEntries(SHARED_ERRORS.map(({ name, status, codes, description }) => [name, errorResponse(status, codes, description)])),
      headers: { RequestId: { description: 'Sent on every answer.', schema: { type: 'string' } } },
      securitySchemes: {
        controlHeader: {
          type: 'apiKey',
          in: 'header',
          name: CONTROL_HEADER,
          description: 'Any value (`1`), or the `--control-token` the server was started with. A browser cannot send it to another origin without a preflight, which the server refuses: no web page can drive the controls.',
        },
      },
    },
  };
};
