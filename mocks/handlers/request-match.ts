import * as z from 'zod/mini';
import { describeIssues, safeParse, toValidationIssues } from '../../src/core/issues.js';
import type { MockRequestFilter } from '../types.js';
import { apiPaths } from './paths.js';

/** What a fault rule or a request-log filter matches a request on: its method and its path. */

const METHODS = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'];

export const Method = z.string().check(z.refine((method) => METHODS.includes(method.toUpperCase()), `must be one of ${METHODS.join(', ')}`));

/** A path string: below the base URL, and a `{param}` path must be one of the table's (a typo would match nothing, silently). */
export const PathString = z.string().check(
  z.refine((path) => path.startsWith('/'), 'must start with / (a path below the base URL, such as /incidents/{incidentId})'),
  z.refine(
    (path) => !path.includes('{') || apiPaths.has(path),
    'has {…} but is no path of the API; write it as the endpoint table does, e.g. /incidents/{incidentId}',
  ),
);

/** A path string or a `RegExp`. Not a union: a union would hide the string checks' messages behind its own. */
export const PathOrPattern = z
  .custom<string | RegExp>((value) => typeof value === 'string' || value instanceof RegExp, 'must be a path string or a RegExp')
  .check(
    z.superRefine((path, ctx) => {
      if (typeof path !== 'string') return;
      const parsed = safeParse(PathString, path);
      if (!parsed.success) for (const issue of parsed.error.issues) ctx.addIssue({ code: 'custom', message: issue.message, input: path });
    }),
  );

/** A copy of `pattern` without `g` or `y`, whose `test()` would otherwise depend on the previous match. */
export const statelessRegExp = (pattern: RegExp) => new RegExp(pattern.source, pattern.flags.replace(/[gy]/g, ''));

/** A string is the table's path or the path as sent; a `RegExp` is tested against the path as sent. */
export const pathMatches = (wanted: string | RegExp, request: { path: string; rawPath: string }): boolean =>
  typeof wanted === 'string' ? wanted === request.path || wanted === request.rawPath : wanted.test(request.rawPath);

export const StatusFilter = z.int().check(z.minimum(0, 'must be a status from 0 to 599'), z.maximum(599, 'must be a status from 0 to 599'));

const RequestFilter = z.strictObject({ method: z.optional(Method), path: z.optional(PathOrPattern), status: z.optional(StatusFilter) });

/** Checks `mock.requests(filter)`; a `TypeError` names the field. */
export const parseRequestFilter = (filter: MockRequestFilter | undefined): MockRequestFilter => {
  const parsed = safeParse(z.optional(RequestFilter), filter);
  if (!parsed.success) throw new TypeError(`mock.requests: ${describeIssues(toValidationIssues(parsed.error.issues))}`);
  const { method, path, status } = parsed.data ?? {};
  return {
    ...(method === undefined ? {} : { method: method.toUpperCase() }),
    ...(path === undefined ? {} : { path: path instanceof RegExp ? statelessRegExp(path) : path }),
    ...(status === undefined ? {} : { status }),
  };
};
