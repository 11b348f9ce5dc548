/**
 * Reading a snapshot back (`mock.restore`): small checks that name the field at fault, from
 * `snapshot.` on, and throw a `TypeError` before anything is applied. Paths are built only on
 * failure, so that checking a thousand records costs little more than copying them.
 */

/** What a refused value looked like, briefly. */
export const described = (value: unknown): string => {
  if (value === undefined) return 'nothing';
  if (Array.isArray(value)) {
    const primitives = value.length <= 4 && value.every((item) => item === null || typeof item !== 'object');
    return primitives ? JSON.stringify(value) : `an array of ${value.length}`;
  }
  if (typeof value === 'object' && value !== null) return 'an object';
  const text = typeof value === 'string' ? JSON.stringify(value) : String(value);
  return text.length > 60 ? `${text.slice(0, 57)}…` : text;
};

/** A path, or the function that builds it when it is needed. */
export type Where = string | (() => string);

export const pathOf = (where: Where) => (typeof where === 'string' ? where : where());

/** Refuses the snapshot: `problem` says what the field must be, `got` (when given) what it was. */
export const refuse = (where: Where, problem: string, ...got: [unknown?]): never => {
  throw new TypeError(`mock.restore: ${pathOf(where)} ${problem}${got.length > 0 ? `; got ${described(got[0])}` : ''}`);
};

export const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

export const objectAt = (value: unknown, where: Where): Record<string, unknown> =>
  isObject(value) ? value : refuse(where, 'must be an object', value);

export const arrayAt = (value: unknown, where: Where): unknown[] =>
  Array.isArray(value) ? value : refuse(where, 'must be an array', value);

export const stringAt = (value: unknown, where: Where): string =>
  typeof value === 'string' ? value : refuse(where, 'must be a string', value);

export const integerAt = (value: unknown, where: Where, min = 0, max = Number.MAX_SAFE_INTEGER): number =>
  Number.isInteger(value) && (value as number) >= min && (value as number) <= max
    ? (value as number)
    : refuse(where, `must be an integer from ${min} to ${max}`, value);

export const finiteAt = (value: unknown, where: Where): number =>
  typeof value === 'number' && Number.isFinite(value) ? value : refuse(where, 'must be a finite number', value);

/**
 * A log's column from a snapshot, each number checked: integers in `[min, max]`, or any finite
 * number when `range` is omitted; it must hold `length` numbers, as its log's other columns. The
 * log copies what it keeps (`columnOf`).
 */
export const numbersAt = (value: unknown, where: Where, length: number, range?: { min: number; max: number }): readonly number[] => {
  const items = arrayAt(value, where);
  if (items.length !== length) refuse(where, `must hold ${length} numbers, as many as its log's other columns`, value);
  let bad = -1;
  if (range) {
    const { min, max } = range;
    for (let i = 0; i < length && bad === -1; i++) {
      const item = items[i];
      if (!(Number.isInteger(item) && (item as number) >= min && (item as number) <= max)) bad = i;
    }
  } else {
    for (let i = 0; i < length && bad === -1; i++) {
      const item = items[i];
      if (!(typeof item === 'number' && Number.isFinite(item))) bad = i;
    }
  }
  if (bad !== -1) {
    refuse(() => `${pathOf(where)}[${bad}]`, range ? `must be an integer from ${range.min} to ${range.max}` : 'must be a finite number', items[bad]);
  }
  return items as number[];
};

/**
 * Compiles only when `Missing` is `never`: names the fields of a live structure that its snapshot
 * does not carry, so that a field added there and forgotten here is a compile error.
 */
export type NoneMissing<Missing extends never> = Missing;
