// Ids interned to small numbers, so that the engine's logs store them in typed arrays.

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
