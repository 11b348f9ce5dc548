import * as z from 'zod/mini';

const typeOf = (value: unknown) => (value === null ? 'null' : Array.isArray(value) ? 'array' : Number.isNaN(value) ? 'NaN' : typeof value);
const UNITS: Record<string, string> = { string: ' characters', array: ' items' };

/**
 * zod/mini ships no messages. The few kinds of issue our schemas raise get short English ones here,
 * passed per parse (never set globally on the user's zod): zod's English locale costs a kilobyte of
 * every browser bundle, and `z.locales.en` would pull in every language.
 */
const message = (issue: z.core.$ZodRawIssue): string => {
  switch (issue.code) {
    case 'invalid_type':
      return `expected ${issue.expected}, received ${typeOf(issue.input)}`;
    case 'invalid_value':
      return `expected ${issue.values.map((value) => JSON.stringify(value)).join(' | ')}`;
    case 'too_small':
      return `must be ${issue.inclusive ? 'at least' : 'more than'} ${String(issue.minimum)}${UNITS[issue.origin] ?? ''}`;
    case 'too_big':
      return `must be ${issue.inclusive ? 'at most' : 'less than'} ${String(issue.maximum)}${UNITS[issue.origin] ?? ''}`;
    case 'invalid_format':
      return `must be a valid ${issue.format === 'regex' ? 'value' : issue.format}`;
    case 'invalid_union': {
      const options = 'options' in issue && Array.isArray(issue.options) ? issue.options : [];
      return options.length > 0 ? `must be one of ${options.map((option) => JSON.stringify(option)).join(' | ')}` : 'matches none of the allowed shapes';
    }
    default:
      return 'invalid input';
  }
};

/** The context of every parse: zod copies it, so one object serves them all. */
const PARSE_CONTEXT = { error: message };

export type ParseResult<T> = { success: true; data: T } | { success: false; error: { issues: z.core.$ZodIssue[] } };

/** The path and length of the longest array in `value`, walked without recursion (its depth is unknown). */
const longestArray = (value: unknown): { path: PropertyKey[]; length: number } => {
  let longest = { path: [] as PropertyKey[], length: 0 };
  const stack: Array<{ value: unknown; path: PropertyKey[] }> = [{ value, path: [] }];
  // A bounded look: enough for any body that fits the size limits, never a walk of a whole huge value.
  for (let visits = 0; stack.length > 0 && visits < 100_000; visits++) {
    const next = stack.pop()!;
    if (typeof next.value !== 'object' || next.value === null || next.path.length > 64) continue;
    const entries = Array.isArray(next.value) ? next.value.map((item, index) => [index, item] as const) : Object.entries(next.value);
    if (Array.isArray(next.value) && next.value.length > longest.length) longest = { path: next.path, length: next.value.length };
    for (const [key, item] of entries.slice(0, 1000)) stack.push({ value: item, path: [...next.path, key] });
  }
  return longest;
};

/**
 * Parses with the same messages everywhere: client, response checks and the mock. zod collects an
 * issue per bad item with a spread, so a value with some 150,000 bad items (or nested past the
 * stack) overflows it: that becomes one issue at the longest array (or the root), never a raw
 * `RangeError` that reads as a crash.
 */
export const safeParse = <T extends z.core.$ZodType>(schema: T, value: unknown): ParseResult<z.output<T>> => {
  try {
    return z.safeParse(schema, value, PARSE_CONTEXT);
  } catch (error) {
    if (!(error instanceof RangeError)) throw error;
    const { path, length } = longestArray(value);
    const problem = length > 1000 ? `has ${length} items, too many to check` : 'is nested too deeply to check';
    return { success: false, error: { issues: [{ code: 'custom', path, message: problem, input: undefined }] } };
  }
};

/** One problem found by a schema, with the field's path as text (`target.userIds[0]`). */
export type ValidationIssue = { path: string; message: string };

export const formatPath = (path: readonly PropertyKey[]): string =>
  path.reduce<string>((text, key) => {
    if (typeof key === 'number') return `${text}[${key}]`;
    return text === '' ? String(key) : `${text}.${String(key)}`;
  }, '');

/** An unknown key is reported at the key itself, so the message names the field to remove. */
export const toValidationIssues = (issues: readonly z.core.$ZodIssue[], prefix = ''): ValidationIssue[] =>
  issues.flatMap((issue) => {
    const at = (path: readonly PropertyKey[]) => [prefix, formatPath(path)].filter(Boolean).join('.');
    if (issue.code === 'unrecognized_keys') {
      return issue.keys.map((key) => ({ path: at([...issue.path, key]), message: 'is not a known field' }));
    }
    return [{ path: at(issue.path), message: issue.message }];
  });

/** The first ten problems, and how many more: a message stays readable (and small) whatever the input. */
export const describeIssues = (issues: readonly ValidationIssue[]) => {
  const shown = issues.slice(0, 10).map((issue) => (issue.path ? `${issue.path}: ${issue.message}` : issue.message));
  return [...shown, ...(issues.length > 10 ? [`and ${issues.length - 10} more`] : [])].join('; ');
};
