import * as z from 'zod/mini';

/** zod/mini ships no messages; the English locale is passed per parse, never set globally on the user's zod. */
const localeError = z.locales.en().localeError;

/** Parses with the same messages everywhere: client, response checks and the mock. */
export const safeParse = <T extends z.core.$ZodType>(schema: T, value: unknown) => z.safeParse(schema, value, { error: localeError });

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
