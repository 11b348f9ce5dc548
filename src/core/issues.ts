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

/** Parses with the same messages everywhere: client, response checks and the mock. */
export const safeParse = <T extends z.core.$ZodType>(schema: T, value: unknown) => z.safeParse(schema, value, { error: message });

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

export const describeIssues = (issues: readonly ValidationIssue[]) =>
  issues.map((issue) => (issue.path ? `${issue.path}: ${issue.message}` : issue.message)).join('; ');
