import { described, isObject } from '../engine/snapshot-check.js';

/**
 * Field readers for copying store records into a snapshot and back: each returns a field's value
 * checked and copied, so that a record's copy is one object literal of calls,
 * `{ id: string(record.id, 'id'), … }`. The literal is typed as the record, so a field added to a
 * record and not to its copy is a compile error. The field is read at the call site (`record.id`),
 * where V8 sees one shape and one name: read by a shared helper as `record[key]`, every field of
 * every record would go through one megamorphic lookup, ten times slower. No path is built on the
 * way: a refused field throws `Refused` with its key, and each level it passes through puts its
 * own step in front (`within`).
 */

export type Fields = Record<string, unknown>;

/** A refused field; `steps` is its path below whoever catches it last. */
export class Refused extends Error {
  constructor(
    readonly steps: Array<string | number>,
    readonly problem: string,
    readonly got: unknown,
  ) {
    super(problem);
  }
}

/** Refuses the field `key` of the record being copied. */
export const refused = (key: string | number, problem: string, got: unknown): never => {
  throw new Refused([key], problem, got);
};

/** Puts `step` in front of the path of a `Refused` passing through; anything else passes as it is. */
export const within = (error: unknown, step: string | number): unknown => {
  if (error instanceof Refused) error.steps.unshift(step);
  return error;
};

/** A path's steps as the user reads them: `.title`, `[3]`. */
const stepsPath = (steps: ReadonlyArray<string | number>) => steps.map((step) => (typeof step === 'number' ? `[${step}]` : `.${step}`)).join('');

/** What `mock.restore` throws for a `Refused` caught at `where` (the record it was copying). */
export const refusal = (error: unknown, where: string): unknown =>
  error instanceof Refused ? new TypeError(`mock.restore: ${where}${stepsPath(error.steps)} ${error.problem}; got ${described(error.got)}`) : error;

export const string = (value: unknown, key: string): string => {
  return typeof value === 'string' ? value : refused(key, 'must be a string', value);
};

export const stringOrNull = (value: unknown, key: string): string | null => {
  return value === null || typeof value === 'string' ? value : refused(key, 'must be a string or null', value);
};

/** A string field with one of a few values (a status, a role), or `null` when `nullable`. */
export const oneOf = <Value extends string, Nullable extends boolean = false>(
  value: unknown,
  key: string,
  values: readonly Value[],
  nullable?: Nullable,
): Value | (Nullable extends true ? null : never) => {
  if ((value === null && nullable) || values.includes(value as Value)) return value as Value;
  return refused(key, `must be one of ${values.join(', ')}${nullable ? ' or null' : ''}`, value);
};

export const number = (value: unknown, key: string): number => {
  return typeof value === 'number' && Number.isFinite(value) ? value : refused(key, 'must be a finite number', value);
};

export const numberOrNull = (value: unknown, key: string): number | null => {
  return value === null || (typeof value === 'number' && Number.isFinite(value)) ? value : refused(key, 'must be a finite number or null', value);
};

/** A number where `NaN` means none, which JSON cannot hold: `null` in a snapshot, `NaN` in the store. */
export const numberOrNaN = (value: unknown, key: string, toSnapshot: boolean): number => {
  if (toSnapshot ? Number.isNaN(value) : value === null) return (toSnapshot ? null : Number.NaN) as number;
  return typeof value === 'number' && Number.isFinite(value) ? value : refused(key, `must be a finite number or ${toSnapshot ? 'NaN' : 'null'}`, value);
};

export const boolean = (value: unknown, key: string): boolean => {
  return typeof value === 'boolean' ? value : refused(key, 'must be true or false', value);
};

const arrayField = (value: unknown, key: string): unknown[] => (Array.isArray(value) ? value : refused(key, 'must be an array', value));

export const strings = (value: unknown, key: string): string[] => {
  const copy = arrayField(value, key).slice();
  for (let i = 0; i < copy.length; i++) if (typeof copy[i] !== 'string') throw within(new Refused([i], 'must be a string', copy[i]), key);
  return copy as string[];
};

export const numbers = (value: unknown, key: string): number[] => {
  const copy = arrayField(value, key).slice();
  for (let i = 0; i < copy.length; i++) {
    const item = copy[i];
    if (!(typeof item === 'number' && Number.isFinite(item))) throw within(new Refused([i], 'must be a finite number', item), key);
  }
  return copy as number[];
};

/** Which item of a list `copy` refuses, and why: run again item by item, on the error path only. */
const locate = <Item>(items: readonly unknown[], copy: (item: Fields) => Item, error: unknown): unknown => {
  for (let i = 0; i < items.length; i++) {
    const item = items[i];
    if (!isObject(item)) return new Refused([i], 'must be an object', item);
    try {
      copy(item);
    } catch (itemError) {
      return within(itemError, i);
    }
  }
  return error;
};

/**
 * Each item of a list field, copied by `copy` (a record's own copy function). `map` with a
 * constant callback is what V8 inlines best; an item that is not an object fails inside `copy`
 * (reading a field of it), and `locate` then says which and why.
 */
export const list = <Item>(value: unknown, key: string, copy: (item: Fields) => Item): Item[] => {
  const items = arrayField(value, key);
  try {
    return items.map(copy as (item: unknown) => Item);
  } catch (error) {
    throw within(locate(items, copy, error), key);
  }
};

/**
 * A list of entries that are never changed once written (an incident's history rows, updates and
 * audit entries): shared as they are into a snapshot, and out of a snapshot this package took and
 * froze when the list itself is frozen (nothing can have changed it); otherwise each entry is
 * copied and checked.
 */
export const entries = <Item>(value: unknown, key: string, copy: (item: Fields) => Item, toSnapshot: boolean, fromFrozen: boolean): Item[] => {
  const items = arrayField(value, key);
  // Spread, not `slice`: V8 copies a frozen list by spreading as fast as a plain one, by `slice` 40 times slower.
  return toSnapshot || (fromFrozen && Object.isFrozen(items)) ? ([...items] as Item[]) : list(items, key, copy);
};

/** A nested record (`null` allowed when `nullable`), copied by `copy` (which `toSnapshot` is passed on to). */
export const nested = <Item>(
  value: unknown,
  key: string,
  copy: (item: Fields, toSnapshot: boolean) => Item,
  toSnapshot: boolean,
  nullable: boolean,
): Item | null => {
  if (value === null && nullable) return null;
  if (!isObject(value)) return refused(key, nullable ? 'must be an object or null' : 'must be an object', value);
  try {
    return copy(value, toSnapshot);
  } catch (error) {
    throw within(error, key);
  }
};

const copyValue = (value: unknown): unknown => {
  if (value === null || typeof value === 'string' || typeof value === 'boolean') return value;
  if (typeof value === 'number' && Number.isFinite(value)) return value;
  if (Array.isArray(value)) {
    const copy = new Array<unknown>(value.length);
    for (let i = 0; i < value.length; i++) {
      try {
        copy[i] = copyValue(value[i]);
      } catch (error) {
        throw within(error, i);
      }
    }
    return copy;
  }
  if (isObject(value) && Object.getPrototypeOf(value) === Object.prototype) {
    const copy: Fields = {};
    for (const key in value) {
      // JSON.parse makes `__proto__` an own key; assigned, it would replace the copy's prototype.
      if (key === '__proto__') refused(key, 'is not a key a snapshot holds', value[key]);
      try {
        copy[key] = copyValue(value[key]);
      } catch (error) {
        throw within(error, key);
      }
    }
    return copy;
  }
  throw new Refused([], 'must be plain JSON data', value);
};

/**
 * A field of plain JSON data (a layer's target, a routing rule), deeply copied as it is; anything
 * else (a `Date`, `undefined`, `NaN`) is refused. Its own rules are the store's (the schemas
 * checked it when it came in); here only its being data is.
 */
export const data = <Value>(value: unknown, key: string, nullable = false): Value => {
  if (value === null && nullable) return null as Value;
  if (typeof value !== 'object' || value === null) return refused(key, nullable ? 'must be an object, an array or null' : 'must be an object or an array', value);
  try {
    return copyValue(value) as Value;
  } catch (error) {
    throw within(error, key);
  }
};
