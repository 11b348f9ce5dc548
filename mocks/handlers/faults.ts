import * as z from 'zod/mini';
import { describeIssues, safeParse, toValidationIssues } from '../../src/core/issues.js';
import type { FaultKind, MockFaultRule } from '../types.js';
import { Method, PathOrPattern, pathMatches, statelessRegExp } from './request-match.js';

/**
 * `mock.faults`: failures staged by rule. A rule is checked (by the first of the mock's handlers)
 * before the overrides and the routes; see `MockFaultRule` for what each field does.
 */

/** What a matched request gets instead of (or after) the route's answer. */
export type FaultAnswer =
  | { kind: 'status'; status: number; code: string; message: string | undefined; retryAfter: number | undefined }
  | { kind: 'reset' }
  | { kind: 'timeout' };

/** A rule after its checks, with its defaults applied. */
export type Fault = {
  method: string | undefined;
  path: string | RegExp | undefined;
  /** Matching requests still to fault; `Infinity` for every one. */
  remaining: number;
  delayMs: number;
  afterWrite: boolean;
  /** `undefined` for a delay alone: the route answers, late. */
  answer: FaultAnswer | undefined;
};

export const faultKindOf = (fault: Fault): FaultKind =>
  fault.afterWrite ? 'afterWrite' : fault.answer === undefined ? 'delay' : fault.answer.kind === 'status' ? 'error' : fault.answer.kind;

/** `setTimeout`'s limit: a longer delay would fire at once. */
const MAX_DELAY_MS = 2_147_483_647;

/** The fields of a rule after `method` and `path`, the same in `mock.faults.add` and `POST /__mock/faults`. */
export const outcomeFields = {
  times: z.optional(z.int().check(z.positive('must be a positive integer'))),
  status: z.optional(z.int().check(z.minimum(400, 'must be an error status from 400 to 599'), z.maximum(599, 'must be an error status from 400 to 599'))),
  code: z.optional(z.string().check(z.regex(/^[a-z][a-z0-9_]*$/, 'must be a snake_case error code, such as server_error'))),
  message: z.optional(z.string().check(z.minLength(1, 'must not be empty'))),
  retryAfter: z.optional(z.int().check(z.nonnegative('must be whole seconds >= 0'))),
  afterWrite: z.optional(z.boolean()),
  network: z.optional(z.enum(['reset', 'timeout'], { error: 'must be reset or timeout' })),
  delayMs: z.optional(z.int().check(z.nonnegative('must be milliseconds >= 0'), z.maximum(MAX_DELAY_MS))),
};

const Outcome = z.object(outcomeFields);
type Outcome = z.output<typeof Outcome>;

/** The rules that span fields, each reported at the field to change. */
export const checkOutcome = (rule: Outcome, ctx: z.core.$RefinementCtx<unknown>) => {
  const issue = (path: string | undefined, message: string) => ctx.addIssue({ code: 'custom', path: path === undefined ? [] : [path], message, input: rule });
  const afterWrite = rule.afterWrite === true;
  if (rule.status === undefined && rule.network === undefined && !afterWrite && rule.delayMs === undefined) {
    issue(undefined, 'a fault rule needs status, network, afterWrite or delayMs: as it is, nothing would happen');
    return;
  }
  if (rule.status !== undefined && rule.network !== undefined) issue('network', 'cannot go with status: the request gets an error answer or no answer');
  // With `afterWrite` and neither, the lost answer is a 500.
  const status = rule.status ?? (afterWrite && rule.network === undefined ? 500 : undefined);
  for (const field of ['code', 'message', 'retryAfter'] as const) {
    if (rule[field] !== undefined && status === undefined) issue(field, 'needs status: it is part of an error answer');
  }
  // An out-of-range status has its own issue already; what it needs besides would only add noise.
  if (status === undefined || status < 400 || status > 599) return;
  if (rule.code === undefined && status !== 429 && status < 500) issue('code', `is required for status ${status} (it defaults only for 429 and 5xx)`);
  if (rule.retryAfter !== undefined && status !== 429 && status !== 503) issue('retryAfter', 'goes with status 429 or 503 only');
};

const RuleInput = z
  .strictObject({
    method: z.optional(Method),
    path: z.optional(PathOrPattern),
    ...outcomeFields,
  })
  .check(z.superRefine(checkOutcome));

/** A checked rule, with its defaults. */
export const toFault = (rule: Outcome & { method?: string | undefined; path?: string | RegExp | undefined }): Fault => {
  const afterWrite = rule.afterWrite === true;
  const status = rule.status ?? (afterWrite && rule.network === undefined ? 500 : undefined);
  return {
    method: rule.method?.toUpperCase(),
    path: rule.path instanceof RegExp ? statelessRegExp(rule.path) : rule.path,
    remaining: rule.times ?? Number.POSITIVE_INFINITY,
    delayMs: rule.delayMs ?? 0,
    afterWrite,
    answer:
      status !== undefined
        ? { kind: 'status', status, code: rule.code ?? (status === 429 ? 'rate_limited' : 'server_error'), message: rule.message, retryAfter: rule.retryAfter }
        : rule.network === undefined
          ? undefined
          : { kind: rule.network },
  };
};

/** Checks a rule given to `mock.faults.add`; a `TypeError` names the field. */
export const parseFaultRule = (rule: MockFaultRule): Fault => {
  const parsed = safeParse(RuleInput, rule);
  if (!parsed.success) throw new TypeError(`mock.faults.add: ${describeIssues(toValidationIssues(parsed.error.issues))}`);
  return toFault(parsed.data);
};

export type FaultList = {
  add(fault: Fault): void;
  /** The oldest rule that matches the request and has requests left; using it counts one. */
  take(method: string, request: { path: string; rawPath: string }): Fault | undefined;
  clear(): void;
  readonly size: number;
};

/**
 * A class rather than an object literal with a `size` getter: V8 builds such a literal on its slow
 * path, and every mock made one (about a microsecond, and an object the young-generation GC keeps).
 */
class Faults implements FaultList {
  #faults: Fault[] = [];

  add(fault: Fault) {
    this.#faults.push(fault);
  }

  take(method: string, request: { path: string; rawPath: string }) {
    const fault = this.#faults.find(
      (candidate) => (candidate.method === undefined || candidate.method === method) && (candidate.path === undefined || pathMatches(candidate.path, request)),
    );
    if (!fault) return undefined;
    fault.remaining -= 1;
    if (fault.remaining <= 0) this.#faults = this.#faults.filter((candidate) => candidate !== fault);
    return fault;
  }

  clear() {
    this.#faults = [];
  }

  get size() {
    return this.#faults.length;
  }
}

export const createFaultList = (): FaultList => new Faults();
