import * as z from 'zod/mini';
import { DEFAULT_BASE_URL } from '../core/constants.js';
import { docsOf } from '../endpoints/docs.js';
import { type AnyEndpoint, endpoints, type HttpMethod } from '../endpoints/index.js';
import { describeComponents, parameterDescription } from './descriptions.js';
import { componentSchemas, type SchemaName } from './schemas.js';

export type JsonSchema = z.core.JSONSchema.BaseSchema;
type Ref = { $ref: string };
type MediaContent = { 'application/json': { schema: JsonSchema | Ref } };

export type OpenApiParameter = { name: string; in: 'path' | 'query'; required: boolean; description?: string; schema: JsonSchema };
export type OpenApiResponse = { description: string; headers?: Record<string, Ref>; content?: MediaContent };
export type OpenApiOperation = {
  operationId: string;
  'x-sdk-method': string;
  tags: string[];
  summary: string;
  description?: string;
  parameters?: OpenApiParameter[];
  requestBody?: { required: true; content: MediaContent };
  responses: Record<string, OpenApiResponse | Ref>;
};
export type OpenApiDocument = {
  openapi: '3.1.0';
  info: { title: string; version: string; description: string };
  servers: Array<{ url: string }>;
  security: Array<Record<string, string[]>>;
  tags: Array<{ name: string }>;
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

/**
 * Request bodies and responses are both converted with `io: 'input'`: a request body is what the
 * server parses, and a response schema is the SDK's parser of what the server sends. The output side
 * of a response schema is what the SDK hands you after filling defaults (`affectedComponents: []`),
 * which the API does not promise: the guide's own incident example omits those fields.
 */
const IO = 'input';
const TARGET = 'draft-2020-12';

export const schemaRef = (name: SchemaName): Ref => ({ $ref: `#/components/schemas/${name}` });

/** zod writes the safe-integer range on every `z.int()` and unbounded lists; in a document it is noise. */
const dropSentinelBounds = ({ jsonSchema }: { jsonSchema: JsonSchema }) => {
  if (jsonSchema.minimum === Number.MIN_SAFE_INTEGER) delete jsonSchema.minimum;
  if (jsonSchema.maximum === Number.MAX_SAFE_INTEGER) delete jsonSchema.maximum;
  if (jsonSchema.maxItems === Number.MAX_SAFE_INTEGER) delete jsonSchema.maxItems;
};

/** Each schema is embedded in the document, so its own `$schema` and `$id` go. */
const embedded = (schema: JsonSchema): JsonSchema => {
  const { $schema: _schema, $id: _id, ...rest } = schema;
  return rest;
};

const buildComponentSchemas = (): Record<string, JsonSchema> => {
  const registry = z.registry<{ id: string }>();
  for (const [id, schema] of Object.entries(componentSchemas)) registry.add(schema, { id });
  const { schemas } = z.toJSONSchema(registry, {
    target: TARGET,
    io: IO,
    uri: (id) => schemaRef(id as SchemaName).$ref,
    override: dropSentinelBounds,
  });
  // In the table's order, whatever order the registry gives them back in.
  return Object.fromEntries(Object.keys(componentSchemas).map((name) => [name, embedded(schemas[name] ?? {})]));
};

/** One parameter per key of an object schema (path parameters are always required). */
const parametersOf = (schema: z.core.$ZodObject, where: 'path' | 'query'): OpenApiParameter[] => {
  const json = z.toJSONSchema(schema, { target: TARGET, io: IO, override: dropSentinelBounds });
  const required = new Set(json.required ?? []);
  return Object.entries(json.properties ?? {}).map(([name, property]) => {
    const description = parameterDescription(schema, name);
    return {
      name,
      in: where,
      required: where === 'path' || required.has(name),
      ...(description === undefined ? {} : { description }),
      schema: typeof property === 'boolean' ? {} : property,
    };
  });
};

const json = (schema: JsonSchema | Ref): MediaContent => ({ 'application/json': { schema } });
const REQUEST_ID = { 'x-request-id': { $ref: '#/components/headers/RequestId' } };
const ERROR = { $ref: '#/components/responses/Error' };

/** The name a table schema has under `components/schemas`; a schema left unnamed is a bug the document must not hide. */
const nameOf = (() => {
  const names = new Map<z.core.$ZodType, SchemaName>(Object.entries(componentSchemas).map(([name, schema]) => [schema, name as SchemaName]));
  return (schema: z.core.$ZodType, where: string): SchemaName => {
    const name = names.get(schema);
    if (name === undefined) throw new Error(`openapi: the ${where} schema is not among componentSchemas (src/openapi/schemas.ts)`);
    return name;
  };
})();

const operationOf = (endpoint: AnyEndpoint): OpenApiOperation => {
  const parameters = [
    ...(endpoint.params ? parametersOf(endpoint.params as z.core.$ZodObject, 'path') : []),
    ...(endpoint.query ? parametersOf(endpoint.query as z.core.$ZodObject, 'query') : []),
  ];
  const response = nameOf(endpoint.response, `${endpoint.name} response`);
  const docs = docsOf(endpoint);
  return {
    operationId: endpoint.name,
    'x-sdk-method': endpoint.name,
    tags: [docs.tag],
    summary: docs.summary,
    ...(docs.description === undefined ? {} : { description: docs.description }),
    ...(parameters.length === 0 ? {} : { parameters }),
    ...(endpoint.body === undefined ? {} : { requestBody: { required: true, content: json(schemaRef(nameOf(endpoint.body, `${endpoint.name} body`))) } }),
    responses: {
      [String(endpoint.status)]: {
        description: response === 'DeleteResponse' ? 'Deleted: `{ "success": true }`.' : endpoint.status === 201 ? 'Created.' : 'OK.',
        headers: REQUEST_ID,
        content: json(schemaRef(response)),
      },
      '4XX': ERROR,
      '5XX': ERROR,
    },
  };
};

/**
 * The OpenAPI 3.1 document of every endpoint the SDK calls, generated from the same zod schemas the
 * client and the mock use. Pure: the same options give the same document, key for key.
 */
export const buildOpenApiDocument = (options: OpenApiOptions = {}): OpenApiDocument => {
  const paths: OpenApiDocument['paths'] = {};
  for (const endpoint of endpoints) (paths[endpoint.path] ??= {})[endpoint.method] = operationOf(endpoint);
  return {
    openapi: '3.1.0',
    info: {
      title: 'Scaling API',
      version: options.version ?? '0.0.0',
      description:
        'The Scaling incident-management API as the @scaling-cloud/sdk client calls it and its mock serves it, generated from the ' +
        "SDK's zod schemas. Refinements a JSON Schema cannot state (at-least-one-of, no repeated ids, cross-field rules) are in " +
        'the operation descriptions.',
    },
    servers: [{ url: DEFAULT_BASE_URL }],
    security: [{ bearerAuth: [] }],
    tags: [...new Set(endpoints.map((endpoint) => docsOf(endpoint).tag))].map((name) => ({ name })),
    paths,
    components: {
      schemas: describeComponents(buildComponentSchemas()),
      responses: {
        Error: {
          description: 'The one error body, with `x-request-id`. Schema problems are 422 `validation_error` unless the endpoint names a 400 code.',
          headers: REQUEST_ID,
          content: json(schemaRef('ErrorBody')),
        },
      },
      headers: { RequestId: { description: 'Sent on every response; quote it to support.', schema: { type: 'string' } } },
      securitySchemes: {
        bearerAuth: { type: 'http', scheme: 'bearer', description: 'An API key: `Authorization: Bearer scl_live_…`.' },
      },
    },
  };
};
