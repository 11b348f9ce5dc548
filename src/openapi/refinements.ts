import type * as z from 'zod/mini';
import type { JsonSchema, RuleSchemas } from './json-schema.js';

export type { RuleSchemas } from './json-schema.js';

/**
 * A zod refinement (`z.refine`, `z.superRefine`) is code: `z.toJSONSchema` cannot see into it, so a
 * document made from the schemas alone accepts what the server refuses (an empty PATCH body, a
 * repeated id). Each document states its refinements in a table of `Statement`s, by where they sit;
 * `refinementSites` finds every one in the schemas, so a new refinement fails the documents' tests
 * until the table says what JSON Schema makes of it.
 */

/**
 * What JSON Schema makes of one refinement: the keywords to add to the schema that carries it
 * (`{ uniqueItems: true }`, `{ minProperties: 1 }`, `anyOf`, `if`/`then`), and/or, for what no
 * keyword can state (a value compared with another field's, a name checked against a list the
 * platform keeps), why not: the operation's description says it instead.
 */
export type Statement = { adds: JsonSchema; unstated?: string } | { adds?: undefined; unstated: string };

/**
 * Statements by site: `Name` is the named schema itself, `.field` a property, `[]` an array's items,
 * `|1` a union's second option. One statement per refinement, in the order the schema checks them.
 */
export type StatementTable = Readonly<Record<string, readonly Statement[]>>;

/** Statements of schemas that many others share (a path id, a time zone): by the schema, wherever it is. */
export type SharedStatements = ReadonlyMap<z.core.$ZodType, readonly Statement[]>;

export type RefinementSite = { site: string; schema: z.core.$ZodType; count: number };

type Def = {
  type: string;
  checks?: ReadonlyArray<{ _zod: { def: { check: string } } }>;
  shape?: Record<string, z.core.$ZodType>;
  element?: z.core.$ZodType;
  innerType?: z.core.$ZodType;
  in?: z.core.$ZodType;
  options?: readonly z.core.$ZodType[];
  valueType?: z.core.$ZodType;
  left?: z.core.$ZodType;
  right?: z.core.$ZodType;
  getter?: () => z.core.$ZodType;
};
const defOf = (schema: z.core.$ZodType) => schema._zod.def as unknown as Def;

/** How many refinements a schema carries itself (not its fields'). */
export const refinementCount = (schema: z.core.$ZodType) => (defOf(schema).checks ?? []).filter((check) => check._zod.def.check === 'custom').length;

/**
 * Every schema under `roots` that carries refinements, by site. The walk does not enter `stops`
 * (other named schemas, reported under their own name, and the shared ones), nor a schema twice on
 * one path (a recursive schema).
 */
export const refinementSites = (
  roots: Readonly<Record<string, z.core.$ZodType>>,
  stops: ReadonlySet<z.core.$ZodType>,
): RefinementSite[] => {
  const sites: RefinementSite[] = [];
  const walk = (schema: z.core.$ZodType, site: string, path: ReadonlySet<z.core.$ZodType>) => {
    if (path.has(schema)) return;
    const inner = new Set(path).add(schema);
    const count = refinementCount(schema);
    if (count > 0) sites.push({ site, schema, count });
    const def = defOf(schema);
    const next = (child: z.core.$ZodType | undefined, suffix: string) => {
      if (child && !stops.has(child)) walk(child, `${site}${suffix}`, inner);
    };
    for (const [key, child] of Object.entries(def.shape ?? {})) next(child, `.${key}`);
    next(def.element, '[]');
    next(def.innerType, '');
    next(def.in, '');
    next(def.valueType, '{}');
    next(def.left, '&0');
    next(def.right, '&1');
    if (def.getter) next(def.getter(), '');
    (def.options ?? []).forEach((option, index) => next(option, `|${index}`));
  };
  for (const [name, schema] of Object.entries(roots)) walk(schema, name, new Set());
  return sites;
};

/**
 * The keywords to add, by the schema that carries the refinement, from a table and the shared
 * statements. Throws when the table and the schemas disagree: a site with no statement (or a
 * statement too few or too many), or a statement for a site that has no refinement.
 */
export const ruleSchemasOf = (
  roots: Readonly<Record<string, z.core.$ZodType>>,
  table: StatementTable,
  shared: SharedStatements = new Map(),
): RuleSchemas => {
  const stops = new Set<z.core.$ZodType>([...Object.values(roots), ...shared.keys()]);
  const sites = Object.entries(roots).flatMap(([name, root]) =>
    refinementSites({ [name]: root }, new Set([...stops].filter((stop) => stop !== root))),
  );
  const problems: string[] = [];
  const rules = new Map<z.core.$ZodType, JsonSchema>();
  const add = (schema: z.core.$ZodType, statements: readonly Statement[], where: string) => {
    const adds: JsonSchema = {};
    for (const statement of statements) {
      for (const [key, value] of Object.entries(statement.adds ?? {})) {
        // Two refinements of one schema may each need `allOf`; any other keyword twice is a clash.
        if (key === 'allOf' && Array.isArray(adds.allOf)) adds.allOf = [...adds.allOf, ...(value as JsonSchema[])];
        else if (key in adds) problems.push(`${where}: two statements both set ${key}`);
        else (adds as Record<string, unknown>)[key] = value;
      }
    }
    const before = rules.get(schema);
    if (before && JSON.stringify(before) !== JSON.stringify(adds)) problems.push(`${where}: the same schema is stated differently elsewhere`);
    if (Object.keys(adds).length > 0) rules.set(schema, adds);
  };
  for (const { site, schema, count } of sites) {
    const statements = table[site];
    if (statements?.length !== count) problems.push(`${site}: ${count} refinement(s), ${statements?.length ?? 0} statement(s)`);
    else add(schema, statements, site);
  }
  const found = new Set(sites.map(({ site }) => site));
  for (const site of Object.keys(table)) if (!found.has(site)) problems.push(`${site}: stated, but no refinement is there`);
  for (const [schema, statements] of shared) {
    if (refinementCount(schema) !== statements.length) problems.push(`a shared schema: ${refinementCount(schema)} refinement(s), ${statements.length} statement(s)`);
    else add(schema, statements, 'a shared schema');
  }
  if (problems.length > 0) throw new Error(`openapi: the refinements and their statements disagree:\n  ${problems.join('\n  ')}`);
  return rules;
};

/** The reasons given for what JSON Schema cannot state, by site: for descriptions and the tests. */
export const unstatedOf = (table: StatementTable): Array<{ site: string; unstated: string }> =>
  Object.entries(table).flatMap(([site, statements]) => statements.flatMap((statement) => (statement.unstated ? [{ site, unstated: statement.unstated }] : [])));
