// Ids interned to small numbers, so that the engine's logs store them in typed arrays.
import { arrayAt, refuse } from './snapshot-check.js';

/** Strings to small numbers and back; 0 stands for `null`. */
export type Interned = { codes: Map<string, number>; strings: Array<string | null> };

export const intern = (table: Interned, value: string | null): number => {
  if (value === null) return 0;
  let code = table.codes.get(value);
  if (code === undefined) {
    code = table.strings.push(value) - 1;
    table.codes.set(value, code);
  }
  return code;
};

/** A column's last value and its code: an org, an incident or a layer often repeats from page to page. */
export type Recent = { value: string | null; code: number };

export const internRecent = (table: Interned, recent: Recent, value: string | null): number => {
  if (value !== recent.value) {
    recent.value = value;
    recent.code = intern(table, value);
  }
  return recent.code;
};

export const createInterned = (): Interned => ({ codes: new Map(), strings: [null] });

/** A table as plain data: its strings by code (code 0 is `null`). */
export const internedStrings = (table: Interned): Array<string | null> => [...table.strings];

/** The table back from `internedStrings`, its codes unchanged. */
export const internedFrom = (value: unknown, where: string): Interned => {
  const strings = arrayAt(value, where);
  if (strings[0] !== null) refuse(`${where}[0]`, 'must be null (code 0 stands for null)', strings[0]);
  const table = createInterned();
  for (let code = 1; code < strings.length; code++) {
    const string = strings[code];
    if (typeof string !== 'string' || table.codes.has(string)) refuse(`${where}[${code}]`, 'must be a string not listed before', string);
    table.strings.push(string as string);
    table.codes.set(string as string, code);
  }
  return table;
};
