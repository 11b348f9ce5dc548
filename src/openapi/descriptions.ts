import type * as z from 'zod/mini';
import { schemaDocs, type TypeDocs } from '../schemas/docs/index.js';
import * as schemas from '../schemas/index.js';

type JsonSchema = z.core.JSONSchema.BaseSchema;

/**
 * The document's descriptions come from the same prose as the types' TSDoc (`src/schemas/docs`): a
 * schema's summary on its component, each field's meaning on its property and on its parameter.
 * The limits are not repeated: the document states them as JSON Schema keywords.
 */

const docsByName = schemaDocs as Readonly<Record<string, TypeDocs | undefined>>;
const nameOf = new Map<z.core.$ZodType, string>(Object.entries(schemas).map(([name, schema]) => [schema as z.core.$ZodType, name]));

/** The object schema under arrays and nullable unions, where a nested field's properties are. */
const objectIn = (schema: JsonSchema | undefined): JsonSchema | undefined => {
  if (schema === undefined || schema.$ref !== undefined) return undefined;
  if (schema.properties) return schema;
  if (schema.items && typeof schema.items === 'object' && !Array.isArray(schema.items)) return objectIn(schema.items);
  for (const member of schema.anyOf ?? []) {
    const found = typeof member === 'object' ? objectIn(member) : undefined;
    if (found) return found;
  }
  return undefined;
};

/** The property at a docs path (`postedBy.id`), through arrays and `null` alternatives. */
const propertyAt = (schema: JsonSchema, path: string[]): JsonSchema | undefined => {
  let property: JsonSchema | undefined;
  let holder: JsonSchema | undefined = objectIn(schema);
  for (const key of path) {
    const next = holder?.properties?.[key];
    property = typeof next === 'object' ? next : undefined;
    holder = objectIn(property);
  }
  return property;
};

/** Each component schema with its summary, and each of its properties with its meaning. */
export const describeComponents = (components: Record<string, JsonSchema>): Record<string, JsonSchema> =>
  Object.fromEntries(
    Object.entries(components).map(([name, schema]) => {
      const docs = docsByName[name];
      if (!docs) return [name, schema];
      const described: JsonSchema = { description: docs.summary, ...structuredClone(schema) };
      for (const [path, text] of Object.entries(docs.fields ?? {})) {
        const property = propertyAt(described, path.split('.'));
        if (property) property.description = text;
      }
      return [name, described];
    }),
  );

/** The meaning of a path or query parameter, from the docs of the schema that declares it. */
export const parameterDescription = (schema: z.core.$ZodType, name: string): string | undefined => {
  const owner = nameOf.get(schema);
  return owner === undefined ? undefined : docsByName[owner]?.fields?.[name];
};
