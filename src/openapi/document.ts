import type * as z from 'zod/mini';
import { DEFAULT_BASE_URL } from '../core/constants.js';
import { docsOf, parameterDocs, tagDocs } from '../endpoints/docs.js';
import { type AnyEndpoint, endpoints, type HttpMethod } from '../endpoints/index.js';
import { apiSharedStatements, apiStatements } from './api-refinements.js';
import { errorBodySchema, errorCodesOf, errorDescription, SHARED_ERRORS, sharedErrorOf } from './errors.js';
import { type JsonSchema, type Ref, toComponentSchemas, toJsonSchema } from './json-schema.js';
import { type RuleSchemas, ruleSchemasOf, unstatedOf } from './refinements.js';
import { describeComponents, parameterDescription } from './descriptions.js';
import { componentSchemas, type SchemaName } from './schemas.js';

export type { JsonSchema } from './json-schema.js';
type MediaContent = { 'application/json': { schema: JsonSchema | Ref } };

export type OpenApiParameter = { name: string; in: 'path' | 'query'; description: string; required: boolean; schema: JsonSchema };
export type OpenApiResponse = { description: string; headers?: Record<string, Ref>; content?: MediaContent };
export type OpenApiOperation = {
  operationId: string;
  'x-sdk-method': string;
  tags: string[];
  summary: string;
  description: string;
  parameters?: OpenApiParameter[];
  requestBody?: { required: true; content: MediaContent };
  responses: Record<string, OpenApiResponse | Ref>;
};
export type OpenApiInfo = {
  title: string;
  version: string;
  description: string;
  license: { name: string; identifier: string };
  contact: { name: string; url: string };
};
export type OpenApiDocument = {
  openapi: '3.1.0';
  info: OpenApiInfo;
  servers: Array<{ url: string; description: string }>;
  security: Array<Record<string, string[]>>;
  tags: Array<{ name: string; description: string }>;
  paths: Record<string, Partial<Record<HttpMethod, OpenApiOperation>>>;
  components: {
    schemas: Record<string, JsonSchema>;
    responses: Record<string, OpenApiResponse>;
    headers: Record<string, { description: string; schema: JsonSchema }>;
    securitySchemes: Record<string, { type: 'http'; scheme: 'bearer'; description: string }>;
  };
};

export type OpenApiOptions = {
  /** `info.version`: the package version the document ships with. */
  version?: string;
};

/** Where the standalone mock server (`scaling-mock`) listens by default: the API under `/v1`. */
export const STANDALONE_MOCK_URL = 'http://127.0.0.1:4010';

/** The package's licence and where to ask about it: the same in both documents. */
export const PACKAGE_INFO = {
  license: { name: 'MIT', identifier: 'MIT' },
  contact: { name: 'Scaling', url: 'https://scaling.cloud' },
} as const;

/**
 * Response fields the SDK reads as optional (some doc examples leave them out) that the API always
 * sends: required in the document, like the fields the SDK fills with a default. Every other
 * optional response field is listed in the document's tests with the case in which it is absent.
 */
export const ALWAYS_SENT: Readonly<Partial<Record<SchemaName, readonly string[]>>> = {
  ErrorBody: ['message'],
  Incident: ['createdBy'],
  IncidentDetail: ['createdBy'],
};

const withAlwaysSent = (schemas: Record<string, JsonSchema>): Record<string, JsonSchema> => {
  for (const [name, fields] of Object.entries(ALWAYS_SENT)) {
    const schema = schemas[name];
    const missing = fields.filter((field) => !schema?.properties?.[field]);
    if (!schema || missing.length > 0) throw new Error(`openapi: ALWAYS_SENT names ${name} ${missing.join(', ')}, which it does not have`);
    schema.required = [...new Set([...(schema.required ?? []), ...fields])].sort(
      (a, b) => Object.keys(schema.properties ?? {}).indexOf(a) - Object.keys(schema.properties ?? {}).indexOf(b),
    );
  }
  return schemas;
};

export const schemaRef = (name: SchemaName): Ref => ({ $ref: `#/components/schemas/${name}` });

/** Every named schema, and every path and query schema of the table, where the API's refinements are found. */
const refinementRoots = (): Record<string, z.core.$ZodType> => {
  const roots: Record<string, z.core.$ZodType> = { ...componentSchemas };
  for (const endpoint of endpoints) {
    if (endpoint.params) roots[`${endpoint.name} path`] = endpoint.params;
    if (endpoint.query) roots[`${endpoint.name} query`] = endpoint.query;
  }
  return roots;
};

/** What JSON Schema adds to each refined schema of the API (throws when the table and the schemas disagree). */
export const apiRuleSchemas = (): RuleSchemas => ruleSchemasOf(refinementRoots(), apiStatements, apiSharedStatements);

/** One parameter per key of an object schema (path parameters are always required). */
const parametersOf = (endpoint: AnyEndpoint, schema: z.core.$ZodType, where: 'path' | 'query', rules: RuleSchemas): OpenApiParameter[] => {
  const json = toJsonSchema(schema, 'request', rules);
  const required = new Set(json.required ?? []);
  return Object.entries(json.properties ?? {}).map(([name, property]) => {
    // The schema's own field docs first (the prose the types' TSDoc has), else the table's line.
    const description = parameterDescription(schema, name) ?? parameterDocs[name];
    if (description === undefined) throw new Error(`openapi: parameter ${name} of ${endpoint.name} has no line in parameterDocs (src/endpoints/docs.ts)`);
    return { name, in: where, description, required: where === 'path' || required.has(name), schema: typeof property === 'boolean' ? {} : property };
  });
};

const json = (schema: JsonSchema | Ref): MediaContent => ({ 'application/json': { schema } });
const REQUEST_ID = { 'x-request-id': { $ref: '#/components/headers/RequestId' } };
const RETRY_AFTER = { 'retry-after': { $ref: '#/components/headers/RetryAfter' } };

/** The name a table schema has under `components/schemas`; a schema left unnamed is a bug the document must not hide. */
const nameOf = (() => {
  const names = new Map<z.core.$ZodType, SchemaName>(Object.entries(componentSchemas).map(([name, schema]) => [schema, name as SchemaName]));
  return (schema: z.core.$ZodType, where: string): SchemaName => {
    const name = names.get(schema);
    if (name === undefined) throw new Error(`openapi: the ${where} schema is not among componentSchemas (src/openapi/schemas.ts)`);
    return name;
  };
})();

const errorResponse = (status: number, codes: readonly string[]): OpenApiResponse => ({
  description: errorDescription(status),
  headers: status === 429 ? { ...REQUEST_ID, ...RETRY_AFTER } : REQUEST_ID,
  content: json(errorBodySchema(schemaRef('ErrorBody'), status, codes)),
});

const operationOf = (endpoint: AnyEndpoint, rules: RuleSchemas): OpenApiOperation => {
  const parameters = [
    ...(endpoint.params ? parametersOf(endpoint, endpoint.params, 'path', rules) : []),
    ...(endpoint.query ? parametersOf(endpoint, endpoint.query, 'query', rules) : []),
  ];
  const response = nameOf(endpoint.response, `${endpoint.name} response`);
  const docs = docsOf(endpoint);
  const errors = Object.fromEntries(
    [...errorCodesOf(endpoint, docs)].map(([status, codes]) => {
      const shared = sharedErrorOf(status, codes);
      return [String(status), shared ? { $ref: `#/components/responses/${shared.name}` } : errorResponse(status, codes)];
    }),
  );
  return {
    operationId: endpoint.name,
    'x-sdk-method': endpoint.name,
    tags: [docs.tag],
    summary: docs.summary,
    description: [docs.description, docs.details].filter((text) => text !== undefined).join('\n\n'),
    ...(parameters.length === 0 ? {} : { parameters }),
    ...(endpoint.body === undefined ? {} : { requestBody: { required: true, content: json(schemaRef(nameOf(endpoint.body, `${endpoint.name} body`))) } }),
    responses: {
      [String(endpoint.status)]: {
        description: response === 'DeleteResponse' ? 'Deleted: `{ "success": true }`.' : endpoint.status === 201 ? 'Created.' : 'OK.',
        headers: REQUEST_ID,
        content: json(schemaRef(response)),
      },
      ...errors,
    },
  };
};

/** What the API's refinements say that JSON Schema cannot, once each. */
const unstatedRules = () => [
  ...new Set([
    ...unstatedOf(apiStatements).map(({ unstated }) => unstated),
    ...[...apiSharedStatements.values()].flatMap((statements) => statements.flatMap((statement) => statement.unstated ?? [])),
  ]),
];

/**
 * The OpenAPI 3.1 document of every endpoint the SDK calls, generated from the same zod schemas the
 * client and the mock use. Pure: the same options give the same document, key for key.
 */
export const buildOpenApiDocument = (options: OpenApiOptions = {}): OpenApiDocument => {
  const rules = apiRuleSchemas();
  const paths: OpenApiDocument['paths'] = {};
  for (const endpoint of endpoints) (paths[endpoint.path] ??= {})[endpoint.method] = operationOf(endpoint, rules);
  const tags = [...new Set(endpoints.map((endpoint) => docsOf(endpoint).tag))].map((name) => {
    const description = tagDocs[name];
    if (description === undefined) throw new Error(`openapi: tag ${name} has no line in tagDocs (src/endpoints/docs.ts)`);
    return { name, description };
  });
  const requestRoots = endpoints.flatMap((endpoint) => (endpoint.body ? [nameOf(endpoint.body, `${endpoint.name} body`)] : []));
  const responseRoots = ['ErrorBody', ...endpoints.map((endpoint) => nameOf(endpoint.response, `${endpoint.name} response`))];
  return {
    openapi: '3.1.0',
    info: {
      title: 'Scaling API',
      version: options.version ?? '0.0.0',
      description:
        'The Scaling incident-management API as the @scaling-cloud/sdk client calls it and its mock serves it, generated from the ' +
        "SDK's zod schemas. Request bodies state the API's rules in JSON Schema (at least one field of an update, no repeated ids, " +
        'the rotation lengths, the owner of an incident). What JSON Schema cannot state, the operation descriptions say: ' +
        `${unstatedRules().join('. Also, ')}. Responses list the fields the API always sends as required. Each error status of ` +
        'an operation lists the `code`s it can carry.',
      ...PACKAGE_INFO,
    },
    servers: [
      { url: DEFAULT_BASE_URL, description: 'The Scaling API.' },
      { url: `${STANDALONE_MOCK_URL}/v1`, description: 'The standalone mock server of @scaling-cloud/sdk (`npx scaling-mock`), on its default port.' },
    ],
    security: [{ bearerAuth: [] }],
    tags,
    paths,
    components: {
      schemas: withAlwaysSent(
        describeComponents(
          toComponentSchemas(componentSchemas, { request: requestRoots, response: responseRoots }, (id) => schemaRef(id as SchemaName).$ref, rules),
        ),
      ),
      responses: Object.fromEntries(SHARED_ERRORS.map(({ name, status, codes }) => [name, errorResponse(status, codes)])),
      headers: {
        RequestId: { description: 'Sent on every response; quote it to support.', schema: { type: 'string' } },
        RetryAfter: { description: 'How many seconds to wait before trying again.', schema: { type: 'integer', minimum: 0 } },
      },
      securitySchemes: {
        bearerAuth: { type: 'http', scheme: 'bearer', description: 'An API key: `Authorization: Bearer scl_live_…`.' },
      },
    },
  };
};
