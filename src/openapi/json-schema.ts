import * as z from 'zod/mini';
import { Timestamp } from '../schemas/common.js';

/**
 * zod → JSON Schema 2020-12 for both documents (the API's and the standalone server's controls), with
 * what `z.toJSONSchema` cannot know: the JSON Schema statement of each refinement (`refinements.ts`), the
 * `date-time` format of the timestamps the API sends (`Timestamp` is a plain string, read leniently),
 * and no `default` on responses (a response field the server always sends is required instead).
 */

export type JsonSchema = z.core.JSONSchema.BaseSchema;
export type Ref = { $ref: string };

/** What the converter adds to each schema that carries a refinement (see `refinements.ts`). */
export type RuleSchemas = ReadonlyMap<z.core.$ZodType, JsonSchema>;

const TARGET = 'draft-2020-12';

/**
 * A request body is described by what the server parses (`io: 'input'`); a response by what the
 * server sends, which is the output side of the SDK's parser: a field with a default there is one the
 * server always sends, so it is required (and has no `default`, which would say it may be absent).
 */
export type Direction = 'request' | 'response';

type Override = (ctx: { zodSchema: z.core.$ZodType; jsonSchema: JsonSchema }) => void;

/** zod writes the safe-integer range on every `z.int()` and unbounded lists; in a document it is noise. */
const dropSentinelBounds: Override = ({ jsonSchema }) => {
  if (jsonSchema.minimum === Number.MIN_SAFE_INTEGER) delete jsonSchema.minimum;
  if (jsonSchema.maximum === Number.MAX_SAFE_INTEGER) delete jsonSchema.maximum;
  if (jsonSchema.maxItems === Number.MAX_SAFE_INTEGER) delete jsonSchema.maxItems;
};

/** The overrides of one conversion: bounds, timestamps, the stated rules, and (responses) no defaults. */
const overrideFor = (direction: Direction, rules: RuleSchemas): Override => (ctx) => {
  dropSentinelBounds(ctx);
  const { zodSchema, jsonSchema } = ctx;
  if (zodSchema === Timestamp) jsonSchema.format = 'date-time';
  const stated = rules.get(zodSchema);
  if (stated) Object.assign(jsonSchema, structuredClone(stated));
  if (direction === 'response') delete jsonSchema.default;
};

const ioOf = (direction: Direction) => (direction === 'request' ? 'input' : 'output');

/** Each schema is embedded in a document, so its own `$schema` and `$id` go. */
export const embedded = (schema: JsonSchema): JsonSchema => {
  const { $schema: _schema, $id: _id, ...rest } = schema;
  return rest;
};

/** One schema, inline (no `$ref`s of its own): parameters and small control bodies. */
export const toJsonSchema = (schema: z.core.$ZodType, direction: Direction, rules: RuleSchemas): JsonSchema =>
  embedded(z.toJSONSchema(schema, { target: TARGET, io: ioOf(direction), override: overrideFor(direction, rules) }));

/**
 * Named schemas for `components/schemas`, with a `$ref` wherever one names another. Each is converted
 * for the direction it is used in: a request body's names and those it reaches as requests, the rest
 * (responses, and entities listed for themselves) as responses. A schema reached both ways must read
 * the same both ways (an enum does); one that differs would need two names, and is an error.
 */
export const toComponentSchemas = (
  named: Readonly<Record<string, z.core.$ZodType>>,
  roots: { request: readonly string[]; response: readonly string[] },
  refOf: (name: string) => string,
  rules: RuleSchemas,
): Record<string, JsonSchema> => {
  const registry = z.registry<{ id: string }>();
  for (const [id, schema] of Object.entries(named)) registry.add(schema, { id });
  const convert = (direction: Direction) =>
    z.toJSONSchema(registry, { target: TARGET, io: ioOf(direction), uri: refOf, override: overrideFor(direction, rules) }).schemas;
  const converted = { request: convert('request'), response: convert('response') };
  const reached = (direction: Direction) => {
    const found = new Set<string>();
    const visit = (name: string) => {
      if (found.has(name)) return;
      found.add(name);
      for (const next of refsIn(converted[direction][name])) visit(next);
    };
    for (const name of roots[direction]) visit(name);
    return found;
  };
  const asRequest = reached('request');
  const asResponse = reached('response');
  return Object.fromEntries(
    Object.keys(named).map((name) => {
      const request = embedded(converted.request[name] ?? {});
      const response = embedded(converted.response[name] ?? {});
      if (asRequest.has(name) && asResponse.has(name) && JSON.stringify(request) !== JSON.stringify(response)) {
        throw new Error(`openapi: ${name} is used in requests and in responses, and reads differently in each: give each use its own schema`);
      }
      return [name, asRequest.has(name) && !asResponse.has(name) ? request : response];
    }),
  );
};

/** The `$ref`s in a JSON value, by the name after the last `/`. */
export const refsIn = (value: unknown, found = new Set<string>()): Set<string> => {
  if (Array.isArray(value)) for (const item of value) refsIn(item, found);
  else if (value !== null && typeof value === 'object') {
    for (const [key, inner] of Object.entries(value)) {
      if (key === '$ref' && typeof inner === 'string') found.add(inner.slice(inner.lastIndexOf('/') + 1));
      else refsIn(inner, found);
    }
  }
  return found;
};
