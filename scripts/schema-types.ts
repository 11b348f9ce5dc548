import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, relative, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import * as z from 'zod/mini';
import { schemaDocs, type TypeDocs } from '../src/schemas/docs/index.js';
import * as schemas from '../src/schemas/index.js';

/**
 * The named types of the public schemas, generated from the schemas themselves and their prose
 * (`src/schemas/docs/`): an interface per object schema (a type alias for the rest), declared in the
 * schema's own file under the schema's name, with a TSDoc comment on the type and on every field:
 * the field's meaning from the docs, then its limits and format as the schema states them.
 *
 * Why generated: a type inferred with `z.infer` shows as an anonymous object in hovers and `tsc`
 * errors, and the comments in a zod shape do not survive into `.d.ts` files. The interfaces are
 * written out instead, and `test/schema-types.test-d.ts` (generated too) proves each one equal to its
 * schema's inferred type, so they cannot drift. `npm run types:schemas` rewrites the generated part
 * of each schema file and the type test; `test/schema-types.test.ts` fails when either is stale.
 */

type Schema = z.core.$ZodType;
type Io = 'input' | 'output';
type Def = {
  type: string;
  shape?: Record<string, Schema>;
  catchall?: Schema;
  innerType?: Schema;
  element?: Schema;
  options?: Schema[];
  in?: Schema;
  out?: Schema;
  values?: unknown[];
  entries?: Record<string, string | number>;
  defaultValue?: unknown;
};

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const SCHEMA_DIR = resolve(root, 'src/schemas');
/** The schema files, in an order where each file's types only refer back to earlier ones (for readability only). */
const SCHEMA_FILES = ['common', 'errors', 'policy-layers', 'policy-steps', 'policies', 'incidents', 'schedules', 'team', 'components', 'working-hours', 'routing'];
export const CHECKS_PATH = resolve(root, 'test/schema-types.test-d.ts');
export const MARKER =
  '// Types generated from the schemas above and their docs (./docs/) by `npm run types:schemas`: do not edit\n' +
  '// below this line (test/schema-types.test.ts fails when it is stale).';
const WIDTH = 110;

const defOf = (schema: Schema): Def => schema._zod.def as unknown as Def;
const publicSchemas = Object.entries(schemas) as Array<[string, Schema]>;
const nameOf = new Map<Schema, string>(publicSchemas.map(([name, schema]) => [schema, name]));

/** Request schemas are strict (an unknown key is an error): their type is what you pass in. Responses are read as output. */
const ioOf = (schema: Schema): Io => {
  const def = defOf(schema);
  if (def.type === 'object') return def.catchall && defOf(def.catchall).type === 'never' ? 'input' : 'output';
  if (def.type === 'array') return ioOf(def.element!);
  if (def.type === 'optional' || def.type === 'nullable') return ioOf(def.innerType!);
  if (def.type === 'union') return ioOf(def.options![0]!);
  return 'output';
};

/** Kinds worth a name in a field's type: objects, unions and enums. `Id` and `Timestamp` read better as `string`. */
const isNameable = (schema: Schema) => ['object', 'union', 'enum'].includes(defOf(schema).type);

/**
 * Whether two schemas are copies of each other's shape: an object built from a public object's
 * `shape` (a strict copy for requests), or a union of such copies, reads as the public type.
 */
const sameShape = (a: Schema, b: Schema): boolean => {
  const [defA, defB] = [defOf(a), defOf(b)];
  if (defA.type === 'union' && defB.type === 'union') {
    return defA.options!.length === defB.options!.length && defA.options!.every((option, index) => option === defB.options![index] || sameShape(option, defB.options![index]!));
  }
  const [shapeA, shapeB] = [defA.shape, defB.shape];
  if (!shapeA || !shapeB) return false;
  const keys = Object.keys(shapeA);
  return keys.length === Object.keys(shapeB).length && keys.every((key) => shapeA[key] === shapeB[key]);
};

const literal = (value: unknown): string =>
  typeof value === 'string' ? `'${value.replaceAll('\\', '\\\\').replaceAll("'", "\\'")}'` : String(value);

/** True when `text` is a union at its top level (outside braces, brackets and quotes). */
const isUnion = (text: string): boolean => {
  let depth = 0;
  let quoted = false;
  for (let index = 0; index < text.length; index++) {
    const char = text[index]!;
    if (quoted) {
      if (char === '\\') index++;
      else if (char === "'") quoted = false;
    } else if (char === "'") quoted = true;
    else if ('{[(<'.includes(char)) depth++;
    else if ('}])>'.includes(char)) depth--;
    else if (char === '|' && depth === 0) return true;
  }
  return false;
};
const union = (...parts: string[]) => [...new Set(parts)].join(' | ');

const capitalize = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

/** A TSDoc block at `indent`, wrapped at `WIDTH`; one line when it fits. */
const docComment = (text: string, indent: string): string => {
  const oneLine = `${indent}/** ${text} */`;
  if (!text.includes('\n') && oneLine.length <= WIDTH) return oneLine;
  const lines: string[] = [];
  for (const paragraph of text.split('\n')) {
    let line = '';
    for (const word of paragraph.split(' ')) {
      if (line && `${indent} * ${line} ${word}`.length > WIDTH) {
        lines.push(line);
        line = word;
      } else line = line ? `${line} ${word}` : word;
    }
    lines.push(line);
  }
  return [`${indent}/**`, ...lines.map((line) => (line ? `${indent} * ${line}` : `${indent} *`)), `${indent} */`].join('\n');
};

// --- What a schema states about a value: its limits and format, as a noun phrase ------------------

const SAFE = Number.MAX_SAFE_INTEGER;
const FORMATS: Record<string, string> = {
  email: 'an email address',
  'date-time': 'an ISO 8601 date-time (`2026-04-07T09:00:00Z`)',
  date: 'an ISO 8601 date (`2026-04-07`)',
};

type JsonSchema = z.core.JSONSchema.BaseSchema;

const range = (min: number | undefined, max: number | undefined, unit = ''): string | undefined => {
  if (min !== undefined && max !== undefined) return min === max ? `exactly ${min}${unit}` : `${min} to ${max}${unit}`;
  if (min !== undefined) return `at least ${min}${unit}`;
  if (max !== undefined) return `at most ${max}${unit}`;
  return undefined;
};

/** Response fields state only what is worth reading: a format, a range; not that an id is non-empty. */
const describeJson = (json: JsonSchema, io: Io): string | undefined => {
  if (json.anyOf) {
    const parts = json.anyOf.map((part) => (typeof part === 'boolean' ? undefined : describeJson(part, io)));
    return parts.every((part) => part !== undefined) ? parts.join(' or ') : undefined;
  }
  if (json.type === 'string') {
    const format = json.format ? FORMATS[json.format] : undefined;
    const min = json.minLength;
    const length = min === 1 && json.maxLength === undefined ? undefined : range(min, json.maxLength, ' characters');
    if (format) return length ? `${format} of ${length}` : format;
    if (min === 1 && json.maxLength === undefined) return io === 'input' ? 'a non-empty string' : undefined;
    return length ? `a string of ${length}` : undefined;
  }
  if (json.type === 'integer' || json.type === 'number') {
    const kind = json.type === 'integer' ? 'integer' : 'number';
    const min = json.minimum === -SAFE ? undefined : json.minimum;
    const max = json.maximum === SAFE ? undefined : json.maximum;
    if (json.exclusiveMinimum === 0 && max === undefined) return `a positive ${kind}`;
    const bounds = range(min, max);
    return bounds ? `an ${kind} ${bounds.startsWith('at') || bounds.startsWith('exactly') ? bounds : `from ${bounds}`}` : `an ${kind}`;
  }
  if (json.type === 'array') {
    const items = json.items && typeof json.items === 'object' && !Array.isArray(json.items) ? describeJson(json.items, io) : undefined;
    const max = json.maxItems === SAFE ? undefined : json.maxItems;
    const count = range(json.minItems, max, ' items');
    const list = count ? `a list of ${count.replace(/^1 to/, '1 to').replace(/^at least 1 items$/, 'at least 1 item')}` : undefined;
    if (list && items) return `${list}, each ${items}`;
    return list ?? (items ? `a list, each ${items}` : undefined);
  }
  return undefined;
};

/** The phrase for a value of `schema` (already stripped of optional, default and null), if it states anything. */
const describeValue = (schema: Schema, io: Io): string | undefined => {
  const def = defOf(schema);
  if (nameOf.has(schema) && isNameable(schema)) return undefined;
  if (def.type === 'date') return 'a `Date`';
  if (def.type === 'pipe') return describeValue(io === 'input' ? def.in! : def.out!, io);
  if (def.type === 'nullable' || def.type === 'optional') return describeValue(def.innerType!, io);
  if (def.type === 'union') {
    const parts = def.options!.map((option) => describeValue(option, io));
    return parts.every((part) => part !== undefined) ? parts.join(' or ') : undefined;
  }
  if (!['string', 'number', 'array'].includes(def.type)) return undefined;
  return describeJson(z.toJSONSchema(schema, { io, unrepresentable: 'any', target: 'draft-2020-12' }) as JsonSchema, io);
};

// --- Types ---------------------------------------------------------------------------------------

type Place = {
  /** The public type being declared, and the field path within it (`layers.userId`): the key of its docs. */
  typeName: string;
  path: string[];
  indent: string;
  /** Off while only comparing renderings (no docs are looked up then). */
  withDocs: boolean;
};

const usedDocs = new Set<string>();
const missingDocs: string[] = [];

const fieldDoc = (place: Place, key: string): string | undefined => {
  if (!place.withDocs) return undefined;
  const path = [...place.path, key].join('.');
  const text = (schemaDocs as Record<string, TypeDocs>)[place.typeName]?.fields?.[path];
  usedDocs.add(`${place.typeName}.${path}`);
  if (text === undefined) missingDocs.push(`${place.typeName}: ${path}`);
  return text;
};

/** Whether a public schema reads the same as input and as output (no defaults, no transforms inside). */
const ioInvariant = new Map<Schema, boolean>();
const readsTheSameBothWays = (schema: Schema, typeName: string): boolean => {
  let known = ioInvariant.get(schema);
  if (known === undefined) {
    const place: Place = { typeName, path: [], indent: '', withDocs: false };
    known = renderBody(schema, 'input', place) === renderBody(schema, 'output', place);
    ioInvariant.set(schema, known);
  }
  return known;
};

/** The public name to write for a nested schema: the schema itself, or a strict copy of a public object's shape. */
const referenceOf = (schema: Schema, io: Io): string | undefined => {
  if (!isNameable(schema)) return undefined;
  let name = nameOf.get(schema);
  if (name === undefined && ['object', 'union'].includes(defOf(schema).type)) {
    name = publicSchemas.find(([, candidate]) => sameShape(schema, candidate))?.[0];
  }
  if (name === undefined) return undefined;
  const target = (schemas as Record<string, Schema>)[name]!;
  return ioOf(target) === io || readsTheSameBothWays(target, name) ? name : undefined;
};

const render = (schema: Schema, io: Io, place: Place): string => referenceOf(schema, io) ?? renderBody(schema, io, place);

const renderBody = (schema: Schema, io: Io, place: Place): string => {
  const def = defOf(schema);
  const inner = (child: Schema) => render(child, io, place);
  switch (def.type) {
    case 'string':
      return 'string';
    case 'number':
      return 'number';
    case 'boolean':
      return 'boolean';
    case 'date':
      return 'Date';
    case 'null':
      return 'null';
    case 'unknown':
      return 'unknown';
    case 'literal':
      return union(...def.values!.map(literal));
    case 'enum':
      return union(...Object.values(def.entries!).map(literal));
    case 'optional':
      return union(inner(def.innerType!), 'undefined');
    case 'nullable':
      return union(inner(def.innerType!), 'null');
    case 'default':
      return io === 'input' ? union(inner(def.innerType!), 'undefined') : inner(def.innerType!);
    case 'pipe':
      return inner(io === 'input' ? def.in! : def.out!);
    case 'array': {
      const element = inner(def.element!);
      return isUnion(element) ? `(${element})[]` : `${element}[]`;
    }
    case 'union':
      return union(...def.options!.map(inner));
    case 'object':
      return `{\n${renderFields(schema, io, { ...place, indent: `${place.indent}  ` })}\n${place.indent}}`;
    default:
      throw new Error(`${place.typeName}.${place.path.join('.')}: no TypeScript rendering for a zod ${def.type}`);
  }
};

/** A key is optional when the schema lets it be left out on this side: `z.optional`, or `z._default` on input. */
const isOptionalKey = (field: Schema, io: Io) => (io === 'input' ? field._zod.optin : field._zod.optout) === 'optional';

/** The field's own type under its `?`: the optional (and, on input, the default) wrapper is the `?`. */
const unwrapKey = (field: Schema, io: Io): Schema => {
  const def = defOf(field);
  if (def.type === 'optional' || (def.type === 'default' && io === 'input')) return unwrapKey(def.innerType!, io);
  return field;
};

/** The schema under its optional, default and null wrappers: where the limits are. */
const core = (schema: Schema): Schema => {
  const def = defOf(schema);
  return def.type === 'optional' || def.type === 'default' || def.type === 'nullable' ? core(def.innerType!) : schema;
};

const defaultOf = (field: Schema): unknown => {
  for (let def = defOf(field); ; def = defOf(def.innerType!)) {
    if (def.type === 'default') return def.defaultValue;
    if (def.type !== 'optional' && def.type !== 'nullable') return undefined;
  }
};

const renderFields = (schema: Schema, io: Io, place: Place): string =>
  Object.entries(defOf(schema).shape!)
    .map(([key, field]) => {
      const optional = isOptionalKey(field, io);
      const type = render(unwrapKey(field, io), io, { ...place, path: [...place.path, key] });
      const line = `${place.indent}${key}${optional ? '?' : ''}: ${type};`;
      const meaning = fieldDoc(place, key);
      if (!place.withDocs) return line;
      const limits = describeValue(core(field), io);
      const fallback = io === 'output' ? defaultOf(field) : undefined;
      const text = [
        meaning,
        limits && `${capitalize(limits)}.`,
        fallback !== undefined && `\`${JSON.stringify(fallback)}\` when the response leaves it out.`,
      ]
        .filter(Boolean)
        .join(' ');
      return `${docComment(text, place.indent)}\n${line}`;
    })
    .join('\n');

/** The declaration of one public type, with its TSDoc. */
export const declarationOf = (name: string, schema: Schema): string => {
  const docs = (schemaDocs as Record<string, TypeDocs | undefined>)[name];
  if (docs === undefined) missingDocs.push(`${name}: the type's summary`);
  usedDocs.add(name);
  const io = ioOf(schema);
  const place: Place = { typeName: name, path: [], indent: '', withDocs: true };
  const comment = docComment(docs?.summary ?? '', '');
  if (defOf(schema).type === 'object') {
    return `${comment}\nexport interface ${name} {\n${renderFields(schema, io, { ...place, indent: '  ' })}\n}`;
  }
  const type = renderBody(schema, io, place);
  const oneLine = `export type ${name} = ${type};`;
  if (oneLine.length <= WIDTH || !isUnion(type) || type.includes('\n')) return `${comment}\n${oneLine}`;
  return `${comment}\nexport type ${name} =\n${type.split(' | ').map((part) => `  | ${part}`).join('\n')};`;
};

// --- Files ---------------------------------------------------------------------------------------

type SchemaFile = { path: string; names: string[] };

/** Each schema file with its public schemas, in declaration order. */
const schemaFiles = (): SchemaFile[] =>
  SCHEMA_FILES.map((file) => {
    const path = resolve(SCHEMA_DIR, `${file}.ts`);
    const source = readFileSync(path, 'utf8');
    const names = [...source.matchAll(/^export const (\w+)/gm)].map((match) => match[1]!).filter((name) => nameOf.has((schemas as Record<string, Schema>)[name]!));
    return { path, names };
  });

/** The names a file imports from its sibling schema files. */
const importedNames = (source: string): Set<string> =>
  new Set(
    [...source.matchAll(/^import (?:type )?\{([^}]*)\} from '\.\/[\w-]+\.js';/gm)].flatMap((match) =>
      match[1]!.split(',').map((part) => part.trim().replace(/^type /, '').split(' as ').at(-1)!.trim()).filter(Boolean),
    ),
  );

export type GeneratedFile = { path: string; text: string };

/** Every generated file: the schema files with their types, and the type test. Throws on missing or unused docs. */
export const generate = (): GeneratedFile[] => {
  usedDocs.clear();
  missingDocs.length = 0;
  const files = schemaFiles();
  const fileOf = new Map(files.flatMap((file) => file.names.map((name) => [name, file.path] as const)));
  const out: GeneratedFile[] = files.map((file) => {
    const source = readFileSync(file.path, 'utf8');
    const at = source.indexOf(MARKER);
    const handWritten = (at < 0 ? source : source.slice(0, at)).trimEnd();
    const declarations = file.names.map((name) => declarationOf(name, (schemas as Record<string, Schema>)[name]!));
    // Types of other schema files the declarations name, and that the file does not import already.
    const imported = importedNames(handWritten);
    const needed = new Map<string, string[]>();
    for (const [name, path] of fileOf) {
      if (path === file.path || imported.has(name) || !declarations.some((text) => new RegExp(`\\b${name}\\b`).test(text.replace(/\/\*\*[\s\S]*?\*\//g, '')))) continue;
      needed.set(path, [...(needed.get(path) ?? []), name]);
    }
    const imports = [...needed].map(([path, names]) => `import type { ${names.sort().join(', ')} } from './${relative(SCHEMA_DIR, path).replace(/\.ts$/, '.js')}';`);
    return { path: file.path, text: `${handWritten}\n\n${MARKER}\n${[...imports, ...(imports.length > 0 ? [''] : [])].join('\n')}\n${declarations.join('\n\n')}\n`.replace('\n\n\n', '\n\n') };
  });
  const unused = Object.entries(schemaDocs as Record<string, TypeDocs>).flatMap(([name, docs]) => [
    ...(usedDocs.has(name) ? [] : [`${name} (no such public schema)`]),
    ...Object.keys(docs.fields ?? {}).filter((path) => !usedDocs.has(`${name}.${path}`)).map((path) => `${name}: ${path}`),
  ]);
  if (missingDocs.length > 0 || unused.length > 0) {
    throw new Error(
      `src/schemas/docs/ does not match the schemas.${missingDocs.length > 0 ? `\nMissing: ${missingDocs.join('; ')}` : ''}` +
        `${unused.length > 0 ? `\nNo such field: ${unused.join('; ')}` : ''}`,
    );
  }
  out.push({ path: CHECKS_PATH, text: renderChecks(files.flatMap((file) => file.names)) });
  return out;
};

const renderChecks = (names: string[]): string => {
  const lines = names.map((name) => {
    const schema = (schemas as Record<string, Schema>)[name]!;
    const inferred = ioOf(schema) === 'input' ? `z.input<typeof schemas.${name}>` : `Known<z.output<typeof schemas.${name}>>`;
    return `  expectTypeOf<schemas.${name}>().toEqualTypeOf<${inferred}>();`;
  });
  return [
    '// Generated by `npm run types:schemas` (scripts/schema-types.ts): do not edit. Each named type in src/schemas',
    '// is exactly the type its schema infers (requests: the input; responses: the output without the index',
    '// signature of a loose object), both ways: a schema change that the generated types do not follow fails here.',
    "import { expectTypeOf, test } from 'vitest';",
    "import type * as z from 'zod/mini';",
    "import type { Known } from '../src/schemas/common.js';",
    "import type * as schemas from '../src/schemas/index.js';",
    '',
    "test('each schema’s named type is the type the schema infers', () => {",
    ...lines,
    '});',
    '',
  ].join('\n');
};

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  let changed = 0;
  for (const file of generate()) {
    if (existsSync(file.path) && readFileSync(file.path, 'utf8') === file.text) continue;
    writeFileSync(file.path, file.text);
    changed++;
    console.log(`types:schemas: wrote ${relative(root, file.path)}`);
  }
  if (changed === 0) console.log('types:schemas: up to date');
}
