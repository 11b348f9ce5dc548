import { gzipSync } from 'node:zlib';
import { beforeAll, describe, expect, test } from 'vitest';
import { createScalingMock, MAX_BODY_BYTES, type ScalingMock } from '../../mocks/index.js';
import { endpoints, toMswPath } from '../../src/endpoints/index.js';
import { buildOpenApiDocument } from '../../src/openapi/document.js';
import { Scaling, ScalingAPIError } from '../../src/index.js';
import {
  expectDocumented4xx,
  expectUnchanged,
  type OrgFixture,
  populateOrg,
  rawFetch,
  snapshotOrg,
  START,
} from './support.js';

/**
 * A corpus of bad input, sent with raw requests through `mock.fetch` so that no client cleans it up,
 * to every endpoint that takes a body, path ids or a query. It is generated: each endpoint declares a
 * valid request and the kind of each field, and a table of mutations per kind bends one thing at a
 * time. Every case must get a documented 4xx with the one error body and an `x-request-id`, never a
 * 5xx or a hang, and leave the org byte-for-byte as it was (every list and get, the page log, the
 * clock). A control test proves each endpoint's valid request succeeds, so it is the mutation that
 * is refused.
 *
 * Not in the corpus: `.` and `..` as a whole path segment (and `%2E%2E`), which URL parsing resolves
 * before any server sees them (`/policies/x/layers/..` is `/policies/x`); an empty id as the last
 * segment of a GET, which names the collection (`/components/` lists); NUL, lone surrogates and
 * other unicode in free text (names, descriptions), which the API accepts and returns unchanged.
 */

type Fx = { a: OrgFixture; b: OrgFixture };
type Resolve<T> = (fx: Fx) => T;
/** The same resolver in the other org: B's id where the endpoint wants A's. */
const inOtherOrg = <T,>(resolve: Resolve<T>): Resolve<T> => (fx) => resolve({ a: fx.b, b: fx.a });

type FieldSpec =
  | { kind: 'text'; min: number; max?: number; nullable?: boolean; required?: boolean }
  | { kind: 'int'; min: number; max: number; required?: boolean }
  | { kind: 'enum'; values: readonly [string, ...string[]]; required?: boolean }
  /** An id the org must have. `strangers`: real ids that are not valid here. */
  | { kind: 'ref'; required?: boolean; strangers: ReadonlyArray<Resolve<string>> }
  | { kind: 'refs'; min: number; max?: number; required?: boolean; strangers: ReadonlyArray<Resolve<string>> }
  | { kind: 'target'; required?: boolean }
  /** A list of free strings (component aliases): at most `max`, each 1 to `itemMax` characters. */
  | { kind: 'texts'; max: number; itemMax: number; required?: boolean }
  | { kind: 'email'; required?: boolean }
  | { kind: 'timezone'; required?: boolean }
  | { kind: 'datetime'; nullable?: boolean; required?: boolean }
  | { kind: 'hhmm'; required?: boolean }
  /** Working-hours windows: `[{ days, start, end }]`, 1 to `max`. */
  | { kind: 'windows'; max: number; required?: boolean }
  /** Policy steps: `[{ position, targetType, targetId, escalateAfterSeconds, condition }]`, positions 1..n. */
  | { kind: 'steps'; required?: boolean };

/**
 * What replaces a field's value: a JSON value (or one made from the valid value and the fixture), a
 * raw token spliced into the JSON text, raw bytes (not UTF-8 text), or nothing (the field removed).
 */
type Token =
  | { json: unknown }
  | { make: (valid: unknown, fx: Fx) => unknown }
  | { raw: string }
  | { bytes: readonly number[] }
  | { missing: true };
type Mutation = { name: string; token: Token; code?: string };

const json = (name: string, value: unknown, code?: string): Mutation => ({ name, token: { json: value }, ...(code ? { code } : {}) });
const make = (name: string, fn: (valid: unknown, fx: Fx) => unknown): Mutation => ({ name, token: { make: fn } });
const raw = (name: string, token: string, code?: string): Mutation => ({ name, token: { raw: token }, ...(code ? { code } : {}) });

const ONE_MB = 'x'.repeat(1_000_000);
const OVER_LIMIT = 'x'.repeat(MAX_BODY_BYTES);
const DEEP = `${'['.repeat(10_000)}${']'.repeat(10_000)}`;

/**
 * Not JSON at all, or not UTF-8, or too large: the body is refused before any field is looked at,
 * so these go into the first field of each body only (and NaN/Infinity into every number field).
 */
const UNREADABLE: Mutation[] = [
  raw('NaN, a raw token', 'NaN', 'invalid_json'),
  raw('Infinity, a raw token', 'Infinity', 'invalid_json'),
  raw('-Infinity, a raw token', '-Infinity', 'invalid_json'),
  raw('undefined, a raw token', 'undefined', 'invalid_json'),
  { name: 'a lone surrogate as raw bytes (not UTF-8)', token: { bytes: [0x22, 0xed, 0xa0, 0x80, 0x22] }, code: 'invalid_json' },
  { name: 'a 0xFF byte in a string (not UTF-8)', token: { bytes: [0x22, 0x61, 0xff, 0x22] }, code: 'invalid_json' },
  { name: 'an unescaped NUL byte in a string', token: { bytes: [0x22, 0x61, 0x00, 0x62, 0x22] }, code: 'invalid_json' },
  json('a string of 1 MiB (the body is over the limit)', OVER_LIMIT, 'payload_too_large'),
];

/** A value of another JSON type than a string. */
const NOT_A_STRING = (nullable = false): Mutation[] => [
  json('a number', 5),
  raw('1e309 (Infinity once parsed)', '1e309'),
  raw('2^53+1', '9007199254740993'),
  json('true', true),
  ...(nullable ? [] : [json('null', null)]),
  json('an array', ['x']),
  json('an object', { value: 'x' }),
  raw('10,000 nested arrays', DEEP),
];

/** Not a valid id wherever an existing id is wanted (each one is also not an id of this org). */
const NOT_AN_ID: Mutation[] = [
  json('an empty id', ''),
  json('an unknown id', 'nope_00000000000000000000'),
  make('the id with a NUL appended', (valid) => `${String(valid)}\u0000`),
  make('the id upper-cased', (valid) => String(valid).toUpperCase()),
  make('the id with a slash and more', (valid) => `${String(valid)}/x`),
  make('a traversal to the id', (valid) => `../${String(valid)}`),
  json('%2F', '%2F'),
  json('%00', '%00'),
  json('an emoji', '🔥'),
  raw('a lone surrogate escape', '"\\ud800"'),
  json('a 1 MB id', ONE_MB),
  json('__proto__', '__proto__'),
  json('constructor', 'constructor'),
];

/** The value with its first Latin letter that has a Cyrillic twin replaced by the twin: looks the same, is not. */
const homoglyph = (value: string) => {
  const twins: Record<string, string> = { a: 'а', c: 'с', e: 'е', i: 'і', o: 'о', p: 'р', x: 'х', y: 'у' };
  const at = [...value].findIndex((char) => char in twins);
  if (at === -1) throw new Error(`no homoglyph for ${value}`);
  return [...value].map((char, index) => (index === at ? twins[char]! : char)).join('');
};

const mutationsFor = (spec: FieldSpec, first: boolean): Mutation[] => {
  const unreadable = first ? UNREADABLE : spec.kind === 'int' ? UNREADABLE.slice(0, 3) : [];
  const missing: Mutation[] = spec.required ? [{ name: 'missing', token: { missing: true } }] : [];
  switch (spec.kind) {
    case 'text':
      return [
        ...missing,
        ...(spec.min >= 1 ? [json('an empty string', '')] : []),
        ...(spec.max !== undefined ? [json(`${spec.max + 1} characters`, 'x'.repeat(spec.max + 1))] : []),
        ...(spec.max !== undefined && spec.max < ONE_MB.length ? [json('a 1 MB string', ONE_MB)] : []),
        ...NOT_A_STRING(spec.nullable),
        ...unreadable,
      ];
    case 'int':
      return [
        ...missing,
        json(`${spec.min - 1} (below the minimum)`, spec.min - 1),
        json(`${spec.max + 1} (above the maximum)`, spec.max + 1),
        json('a negative number', -1),
        json('a float', 1.5),
        raw('a float that is almost an integer', '1.0000000000000002'),
        raw('1e309 (Infinity once parsed)', '1e309'),
        raw('-1e309 (-Infinity once parsed)', '-1e309'),
        raw('2^53+1', '9007199254740993'),
        raw('1e20', '1e20'),
        ...(spec.min >= 1 ? [raw('-0', '-0')] : []),
        json('the number as a string', String(spec.min)),
        json('an empty string', ''),
        json('null', null),
        json('true', true),
        json('an array', [spec.min]),
        json('an object', { value: spec.min }),
        raw('a hexadecimal literal', '0x10', 'invalid_json'),
        raw('a leading plus', '+5', 'invalid_json'),
        raw('a leading zero', '05', 'invalid_json'),
        ...unreadable,
      ];
    case 'enum': {
      const [first] = spec.values;
      return [
        ...missing,
        json('an unknown value', 'bogus'),
        json('an empty string', ''),
        json('upper-cased', first.toUpperCase()),
        json('with a NUL appended', `${first}\u0000`),
        json('with a leading space', ` ${first}`),
        json('with a Cyrillic homoglyph', homoglyph(first)),
        raw('with a lone surrogate escape', `"${first}\\ud800"`),
        json('a 1 MB string', ONE_MB),
        json('every value in an array', [...spec.values]),
        ...NOT_A_STRING(),
        ...unreadable,
      ];
    }
    case 'ref':
      return [
        ...missing,
        ...NOT_AN_ID,
        ...spec.strangers.map((stranger, index) => make(`a real id that is not valid here (${index + 1})`, (_, fx) => stranger(fx))),
        ...NOT_A_STRING(),
        ...unreadable,
      ];
    case 'refs':
      return [
        ...missing,
        ...(spec.min >= 1 ? [json('an empty list', [])] : []),
        make('the first id twice', (valid) => [...(valid as string[]), (valid as string[])[0]]),
        make('an unknown id added', (valid) => [...(valid as string[]), 'nope_00000000000000000000']),
        ...spec.strangers.map((stranger, index) => make(`a real id that is not valid here (${index + 1})`, (valid, fx) => [...(valid as string[]).slice(1), stranger(fx)])),
        ...(spec.max !== undefined ? [json(`${spec.max + 1} ids`, Array.from({ length: spec.max + 1 }, (_, i) => `id_${i}`))] : []),
        ...NOT_AN_ID.map((mutation): Mutation => ({
          name: `a list with ${mutation.name}`,
          token: 'json' in mutation.token ? { json: [mutation.token.json] }
            : 'make' in mutation.token ? { make: ((inner) => (valid: unknown, fx: Fx) => [inner((valid as string[])[0], fx)])(mutation.token.make) }
            : 'raw' in mutation.token ? { raw: `[${mutation.token.raw}]` }
            : mutation.token,
        })),
        make('one id instead of a list', (valid) => (valid as string[])[0]),
        make('the list as an object', (valid) => ({ ...(valid as string[]) })),
        json('a list of numbers', [1, 2]),
        json('100,000 numbers (as many issues)', Array.from({ length: 100_000 }, (_, i) => i)),
        json('a list with null', [null]),
        make('a nested list', (valid) => [valid]),
        json('null', null),
        json('true', true),
        ...unreadable,
      ];
    case 'texts':
      return [
        ...missing,
        json(`${spec.max + 1} strings`, Array.from({ length: spec.max + 1 }, (_, i) => `alias-${i}`)),
        make('an empty string added', (valid) => [...(valid as string[]), '']),
        make(`a string of ${spec.itemMax + 1} characters added`, (valid) => [...(valid as string[]), 'x'.repeat(spec.itemMax + 1)]),
        json('a 1 MB string', [ONE_MB]),
        json('a list of numbers', [1, 2]),
        json('a list with null', [null]),
        make('a nested list', (valid) => [valid]),
        make('one string instead of a list', (valid) => (valid as string[])[0]),
        make('the list as an object', (valid) => ({ ...(valid as string[]) })),
        json('null', null),
        json('true', true),
        json('100,000 numbers (as many issues)', Array.from({ length: 100_000 }, (_, i) => i)),
        ...unreadable,
      ];
    case 'target':
      return [
        ...missing,
        make('the target in an array', (valid) => [valid]),
        json('a string', 'schedule'),
        json('an empty object', {}),
        json('a schedule target without its id', { type: 'schedule' }),
        json('an unknown type', { type: 'team', teamId: 'team_1' }),
        make('the type upper-cased', (valid) => ({ ...(valid as object), type: 'SCHEDULE' })),
        json('a null type', { type: null, scheduleId: 'x' }),
        make('an unknown field', (valid) => ({ ...(valid as object), escalateAfterSeconds: 60 })),
        make('both kinds of target at once', (valid, fx) => ({ ...(valid as object), scheduleId: fx.a.scheduleId, userIds: [fx.a.adminId] })),
        make('a __proto__ key', (valid) => JSON.parse(`{"__proto__":{"polluted":true},${JSON.stringify(valid).slice(1)}`)),
        make('a constructor key', (valid) => JSON.parse(`{"constructor":{"prototype":{"polluted":true}},${JSON.stringify(valid).slice(1)}`)),
        json('no users', { type: 'users', userIds: [] }),
        make('a user twice', (_, fx) => ({ type: 'users', userIds: [fx.a.adminId, fx.a.adminId] })),
        make('a user of another org', (_, fx) => ({ type: 'users', userIds: [fx.b.adminId] })),
        make('a schedule of another org', (_, fx) => ({ type: 'schedule', scheduleId: fx.b.scheduleId })),
        json('an unknown schedule', { type: 'schedule', scheduleId: 'sched_00000000000000000000' }),
        make('a schedule id with a NUL appended', (_, fx) => ({ type: 'schedule', scheduleId: `${fx.a.scheduleId}\u0000` })),
        make('a user id where the schedule id goes', (_, fx) => ({ type: 'schedule', scheduleId: fx.a.adminId })),
        json('null', null),
        json('a number', 5),
        json('true', true),
        ...unreadable,
      ];
    case 'email':
      return [
        ...missing,
        json('not an email', 'not-an-email'),
        json('no domain', 'someone@'),
        json('no local part', '@example.com'),
        json('a space', 'some one@example.com'),
        json('321 characters', `${'a'.repeat(309)}@example.com`),
        json('a NUL inside', 'new\u0000one@example.com'),
        raw('a lone surrogate escape', '"new\\ud800@example.com"'),
        json('an empty string', ''),
        json('a 1 MB string', ONE_MB),
        ...NOT_A_STRING(),
        ...unreadable,
      ];
    case 'timezone':
      return [
        ...missing,
        json('an offset', 'UTC+5'),
        json('an abbreviation', 'EST'),
        json('an unknown zone', 'Mars/Olympus_Mons'),
        json('a zone with a NUL appended', 'Europe/Paris\u0000'),
        json('a path', '../../etc/passwd'),
        json('65 characters', `Europe/${'x'.repeat(58)}`),
        json('an empty string', ''),
        json('a 1 MB string', ONE_MB),
        ...NOT_A_STRING(),
        ...unreadable,
      ];
    case 'datetime':
      return [
        ...missing,
        json('not a date', 'next tuesday'),
        json('30 February', '2026-02-30T09:00:00Z'),
        json('a date without a time', '2026-04-07'),
        json('a time without an offset', '2026-04-07T09:00:00'),
        json('hour 25', '2026-04-07T25:00:00Z'),
        json('an offset of +25:00', '2026-04-07T09:00:00+25:00'),
        json('a year 275760 (out of range for a Date)', '+275760-09-13T00:00:00.001Z'),
        json('epoch milliseconds as a string', '1775552400000'),
        json('with a NUL appended', '2026-04-07T09:00:00Z\u0000'),
        json('an empty string', ''),
        json('epoch milliseconds', 1775552400000),
        ...NOT_A_STRING(spec.nullable),
        ...unreadable,
      ];
    case 'hhmm':
      return [
        ...missing,
        json('24:00', '24:00'),
        json('one-digit hour', '9:00'),
        json('minute 60', '09:60'),
        json('no colon', '0900'),
        json('with seconds', '09:00:00'),
        json('a leading space', ' 09:00'),
        json('an empty string', ''),
        ...NOT_A_STRING(),
        ...unreadable,
      ];
    case 'windows': {
      const window = { days: [1, 2, 3, 4, 5], start: '09:00', end: '17:00' };
      const bent = (name: string, change: Record<string, unknown>) => json(name, [window, { ...window, ...change }]);
      return [
        ...missing,
        json('an empty list', []),
        json(`${spec.max + 1} windows`, Array.from({ length: spec.max + 1 }, () => window)),
        json('20,000 windows', Array.from({ length: 20_000 }, () => ({ days: [1], start: '09:00', end: '17:00' }))),
        bent('a window without days', { days: [] }),
        bent('day 0', { days: [0] }),
        bent('day 8', { days: [1, 8] }),
        bent('day 1.5', { days: [1.5] }),
        bent('day -1', { days: [-1] }),
        bent('a day as a string', { days: ['1'] }),
        bent('a day twice', { days: [1, 2, 1] }),
        bent('days null', { days: null }),
        bent('one day instead of a list', { days: 1 }),
        bent('100,000 days (as many issues)', { days: Array.from({ length: 100_000 }, (_, i) => i) }),
        bent('start 24:00', { start: '24:00' }),
        bent('start 9:00', { start: '9:00' }),
        bent('end with seconds', { end: '17:00:00' }),
        bent('end null', { end: null }),
        bent('end a number', { end: 1700 }),
        json('a window without end', [{ days: [1], start: '09:00' }]),
        bent('an unknown window field', { timezone: 'UTC' }),
        json('a window with a __proto__ key', JSON.parse('[{"__proto__":{"polluted":true},"days":[1],"start":"09:00","end":"17:00"}]')),
        json('a window that is a string', ['09:00-17:00']),
        json('a window that is null', [null]),
        json('a nested list', [[window]]),
        json('one window instead of a list', window),
        json('null', null),
        json('a string', 'always'),
        ...unreadable,
      ];
    }
    case 'steps': {
      const step = (fx: Fx, position: number) =>
        ({ position, targetType: 'schedule', targetId: fx.a.scheduleId, escalateAfterSeconds: 300, condition: null });
      // The second step bent: the first stays valid, so the problem is at `steps[1]`.
      const bent = (name: string, change: (fx: Fx) => Record<string, unknown>, code?: string): Mutation =>
        ({ name, token: { make: (_, fx) => [step(fx, 1), { ...step(fx, 2), ...change(fx) }] }, ...(code ? { code } : {}) });
      return [
        ...missing,
        bent('a position out of order', () => ({ position: 3 })),
        bent('position 0', () => ({ position: 0 })),
        bent('a users target', () => ({ targetType: 'users' })),
        bent('an empty targetId', () => ({ targetId: '' })),
        bent('escalateAfterSeconds 59', () => ({ escalateAfterSeconds: 59 })),
        bent('escalateAfterSeconds 90 (not whole minutes)', () => ({ escalateAfterSeconds: 90 })),
        bent('escalateAfterSeconds past a week', () => ({ escalateAfterSeconds: 604_860 })),
        bent('escalateAfterSeconds a string', () => ({ escalateAfterSeconds: '300' })),
        bent('condition left out', () => ({ condition: undefined })),
        bent('when "sometimes"', (fx) => ({ condition: { workingHoursId: fx.a.workingHoursIds[0]!, when: 'sometimes' } })),
        bent('a condition with an unknown field', (fx) => ({ condition: { workingHoursId: fx.a.workingHoursIds[0]!, when: 'during', tz: 'UTC' } })),
        bent('an unknown step field', () => ({ id: 'layer_1' })),
        bent('a schedule of another org', (fx) => ({ targetId: fx.b.scheduleId }), 'invalid_target'),
        bent('working hours of another org', (fx) => ({ condition: { workingHoursId: fx.b.workingHoursIds[0]!, when: 'during' } }), 'invalid_working_hours'),
        { name: '51 steps', token: { make: (_, fx) => Array.from({ length: 51 }, (__, i) => step(fx, i + 1)) } },
        json('a step that is null', [null]),
        json('one step instead of a list', { position: 1 }),
        json('null', null),
        ...unreadable,
      ];
    }
  }
};

// ---------------------------------------------------------------------------------------------
// The endpoints. Valid requests target org A's resources with A's admin key.

type Kind = 'policy' | 'policyLayer' | 'incident' | 'update' | 'schedule' | 'scheduleLayer' | 'component' | 'member' | 'invitation' | 'workingHours' | 'routingPolicy' | 'integration';

/** Ids a path parameter must not accept: other kinds of A's ids. */
const OTHER_KIND: Readonly<Record<Kind, Resolve<string>>> = {
  policy: (fx) => fx.a.incidentId,
  policyLayer: (fx) => fx.a.scheduleLayerIds[0]!,
  incident: (fx) => fx.a.policyId,
  update: (fx) => fx.a.incidentId,
  schedule: (fx) => fx.a.policyId,
  scheduleLayer: (fx) => fx.a.policyLayerIds[0]!,
  component: (fx) => fx.a.scheduleId,
  member: (fx) => fx.a.invitationId,
  invitation: (fx) => fx.a.memberId,
  workingHours: (fx) => fx.a.componentIds[0]!,
  routingPolicy: (fx) => fx.a.policyId,
  integration: (fx) => fx.a.componentIds[0]!,
};

type Param = { kind: Kind; id: Resolve<string> };
type Extra = { name: string; code: string; path?: Resolve<Record<string, string>>; body?: Resolve<unknown>; query?: string };
type Endpoint = {
  /** The SDK call, which names the endpoint in the table; its method and path come from there. */
  call: string;
  method: string;
  /** MSW notation, as in the handlers. */
  path: string;
  params?: Record<string, Param>;
  body?: { valid: Resolve<Record<string, unknown>>; fields: Record<string, FieldSpec> };
  query?: { valid: Record<string, string>; values: Record<string, readonly string[]> };
  /** Bad requests particular to the endpoint: business rules, cross-field rules, the 51st layer. */
  extras?: Extra[];
  /** Needs org A's full policy and schedule (50 layers each). */
  full?: boolean;
};

const policy: Param = { kind: 'policy', id: (fx) => fx.a.policyId };
const policyLayer: Param = { kind: 'policyLayer', id: (fx) => fx.a.policyLayerIds[1]! };
const incident: Param = { kind: 'incident', id: (fx) => fx.a.incidentId };
const update: Param = { kind: 'update', id: (fx) => fx.a.updateId };
const schedule: Param = { kind: 'schedule', id: (fx) => fx.a.spareScheduleId };
const scheduleLayer: Param = { kind: 'scheduleLayer', id: (fx) => fx.a.spareScheduleLayerIds[0]! };
const component: Param = { kind: 'component', id: (fx) => fx.a.componentIds[1]! };
const member: Param = { kind: 'member', id: (fx) => fx.a.memberId };
const invitation: Param = { kind: 'invitation', id: (fx) => fx.a.invitationId };
const workingHours: Param = { kind: 'workingHours', id: (fx) => fx.a.workingHoursIds[1]! };
const ROUTING_RULES = [
  { severity: 'critical', outcome: 'incident', escalationPolicyId: null },
  { severity: 'high', outcome: 'provisional_page', escalationPolicyId: null },
  { severity: 'medium', outcome: 'notification', escalationPolicyId: null },
  { severity: 'low', outcome: 'drop', escalationPolicyId: null },
];
const ROUTING_FIELDS = (required: boolean): Record<string, FieldSpec> => ({
  name: { kind: 'text', min: 1, max: 255, required },
  description: { kind: 'text', min: 0, max: 10_000, nullable: true },
});
/** The rules are a list of objects, which no field kind describes: their mutations are spelled out. */
const ROUTING_EXTRAS: Extra[] = [
  { name: 'no rules', code: 'validation_error', body: () => ({ name: 'R' }) },
  { name: 'three rules', code: 'validation_error', body: () => ({ name: 'R', rules: ROUTING_RULES.slice(0, 3) }) },
  { name: 'five rules', code: 'validation_error', body: () => ({ name: 'R', rules: [...ROUTING_RULES, ROUTING_RULES[0]] }) },
  { name: 'a severity twice', code: 'validation_error', body: () => ({ name: 'R', rules: [...ROUTING_RULES.slice(0, 3), { ...ROUTING_RULES[0], outcome: 'drop' }] }) },
  { name: 'an unknown outcome', code: 'validation_error', body: () => ({ name: 'R', rules: [{ ...ROUTING_RULES[0], outcome: 'page' }, ...ROUTING_RULES.slice(1)] }) },
  { name: 'an upper-cased severity', code: 'validation_error', body: () => ({ name: 'R', rules: [{ ...ROUTING_RULES[0], severity: 'CRITICAL' }, ...ROUTING_RULES.slice(1)] }) },
  { name: 'rules as an object', code: 'validation_error', body: () => ({ name: 'R', rules: { ...ROUTING_RULES } }) },
  { name: 'a rule with an unknown field', code: 'validation_error', body: () => ({ name: 'R', rules: [{ ...ROUTING_RULES[0], delay: 5 }, ...ROUTING_RULES.slice(1)] }) },
  { name: 'isDefault', code: 'validation_error', body: () => ({ name: 'R', rules: ROUTING_RULES, isDefault: true }) },
  { name: 'an empty escalation policy id', code: 'validation_error', body: () => ({ name: 'R', rules: [{ ...ROUTING_RULES[0], escalationPolicyId: '' }, ...ROUTING_RULES.slice(1)] }) },
  { name: 'an unknown escalation policy', code: 'invalid_escalation_policy', body: () => ({ name: 'R', rules: [{ ...ROUTING_RULES[0], escalationPolicyId: 'pol_00000000000000000000' }, ...ROUTING_RULES.slice(1)] }) },
  { name: 'an escalation policy of another org', code: 'invalid_escalation_policy', body: (fx) => ({ name: 'R', rules: [{ ...ROUTING_RULES[0], escalationPolicyId: fx.b.policyId }, ...ROUTING_RULES.slice(1)] }) },
  { name: 'a schedule id as the escalation policy', code: 'invalid_escalation_policy', body: (fx) => ({ name: 'R', rules: [{ ...ROUTING_RULES[0], escalationPolicyId: fx.a.scheduleId }, ...ROUTING_RULES.slice(1)] }) },
];
const routingPolicy: Param = { kind: 'routingPolicy', id: (fx) => fx.a.spareRoutingPolicyId };
const integration: Param = { kind: 'integration', id: (fx) => fx.a.integrationId };

const layerFields: Record<string, FieldSpec> = {
  position: { kind: 'int', min: 1, max: 3, required: true },
  ackTimeoutMinutes: { kind: 'int', min: 1, max: 10080, required: true },
  target: { kind: 'target', required: true },
};
const scheduleLayerFields = (required: boolean): Record<string, FieldSpec> => ({
  name: { kind: 'text', min: 1, max: 255, required },
  rotationType: { kind: 'enum', values: ['custom', 'daily', 'weekly'], required },
  rotationLengthDays: { kind: 'int', min: 1, max: 365, required },
  handoffTime: { kind: 'hhmm', required },
  effectiveFrom: { kind: 'datetime', required },
  effectiveUntil: { kind: 'datetime', nullable: true },
  participantIds: { kind: 'refs', min: 1, max: 100, required, strangers: [(fx) => fx.b.memberId, (fx) => fx.a.invitationId] },
});
const STATUS = ['identified', 'investigating', 'monitoring', 'resolved'] as const;
const DATES = ['2026-02-30', '2026-13-01', 'yesterday', '2026-04-07T10:00:00', '20260407', '2026-4-7', '%00', ''];

/** The table's method (upper case) and path (MSW notation) of an SDK call. */
const fromTable = (call: string) => {
  const found = endpoints.find((endpoint) => endpoint.name === call);
  if (!found) throw new Error(`corpus: no endpoint ${call} in the table`);
  return { method: found.method.toUpperCase(), path: toMswPath(found.path) };
};

const SPECS: Array<Omit<Endpoint, 'method' | 'path'>> = [
  {
    call: 'policies.create',
    body: {
      valid: () => ({ name: 'Fresh policy', description: 'New' }),
      fields: {
        name: { kind: 'text', min: 1, max: 255, required: true },
        description: { kind: 'text', min: 0, nullable: true },
        steps: { kind: 'steps' },
      },
    },
    extras: [{ name: 'a name already taken', code: 'name_conflict', body: (fx) => ({ description: 'Changed', name: fx.a.policyName }) }],
  },
  {
    call: 'policies.replace', params: { policyId: policy },
    body: {
      valid: (fx) => ({
        name: 'Replaced policy',
        description: '',
        steps: [{ position: 1, targetType: 'schedule', targetId: fx.a.scheduleId, escalateAfterSeconds: 300, condition: { workingHoursId: fx.a.workingHoursIds[0]!, when: 'during' } }],
      }),
      fields: {
        name: { kind: 'text', min: 1, max: 255, required: true },
        description: { kind: 'text', min: 0, nullable: true, required: true },
        steps: { kind: 'steps', required: true },
      },
    },
    extras: [{ name: 'the name of another policy', code: 'name_conflict', body: (fx) => ({ description: '', steps: [], name: fx.a.backupPolicyName }) }],
  },
  { call: 'policies.get', params: { policyId: policy } },
  {
    call: 'policies.update', params: { policyId: policy },
    body: {
      valid: () => ({ name: 'Renamed policy', description: null }),
      fields: { name: { kind: 'text', min: 1, max: 255 }, description: { kind: 'text', min: 0, nullable: true } },
    },
    extras: [{ name: 'the name of another policy', code: 'name_conflict', body: (fx) => ({ description: 'Changed', name: fx.a.backupPolicyName }) }],
  },
  { call: 'policies.delete', params: { policyId: policy } },
  { call: 'policies.layers.list', params: { policyId: policy } },
  {
    call: 'policies.layers.create', params: { policyId: policy }, full: true,
    body: { valid: (fx) => ({ position: 3, ackTimeoutMinutes: 5, target: { type: 'schedule', scheduleId: fx.a.scheduleId } }), fields: layerFields },
    extras: [
      { name: 'a 51st layer', code: 'layer_limit_reached', path: (fx) => ({ policyId: fx.a.fullPolicyId! }), body: (fx) => ({ position: 51, ackTimeoutMinutes: 5, target: { type: 'users', userIds: [fx.a.adminId] } }) },
      { name: 'a position past the end', code: 'invalid_position', body: (fx) => ({ position: 4, ackTimeoutMinutes: 5, target: { type: 'users', userIds: [fx.a.adminId] } }) },
    ],
  },
  {
    call: 'policies.layers.reorder', params: { policyId: policy }, full: true,
    body: {
      valid: (fx) => ({ layerIds: [...fx.a.policyLayerIds].reverse() }),
      fields: { layerIds: { kind: 'refs', min: 1, max: 50, required: true, strangers: [(fx) => fx.b.policyLayerIds[0]!, (fx) => fx.a.scheduleLayerIds[0]!] } },
    },
    extras: [
      { name: 'a partial list', code: 'invalid_reorder', body: (fx) => ({ layerIds: [fx.a.policyLayerIds[0]] }) },
      { name: '51 ids: the 50 layers of a full policy and one more', code: 'validation_error', path: (fx) => ({ policyId: fx.a.fullPolicyId! }), body: (fx) => ({ layerIds: [...Array.from({ length: 50 }, (_, i) => `layer_${i}`), fx.a.policyLayerIds[0]] }) },
    ],
  },
  {
    call: 'policies.layers.update', params: { policyId: policy, layerId: policyLayer },
    body: {
      valid: (fx) => ({ ackTimeoutMinutes: 7, target: { type: 'users', userIds: [fx.a.memberId] } }),
      fields: { ackTimeoutMinutes: { kind: 'int', min: 1, max: 10080 }, target: { kind: 'target' } },
    },
    extras: [{ name: 'a position (order changes go through reorder)', code: 'validation_error', body: () => ({ position: 1 }) }],
  },
  { call: 'policies.layers.delete', params: { policyId: policy, layerId: policyLayer } },
  {
    call: 'incidents.create',
    body: {
      valid: (fx) => ({
        title: 'New outage', severity: 'high', description: 'Down', ownerId: fx.a.memberId,
        ownerScheduleId: fx.a.scheduleId, escalationPolicyId: fx.a.policyId, componentIds: [fx.a.componentIds[1]!],
      }),
      fields: {
        title: { kind: 'text', min: 1, max: 100, required: true },
        severity: { kind: 'enum', values: ['high', 'critical', 'medium', 'low'], required: true },
        description: { kind: 'text', min: 0, max: 10_000 },
        ownerId: { kind: 'ref', strangers: [(fx) => fx.b.memberId, (fx) => fx.a.invitationId] },
        ownerScheduleId: { kind: 'ref', strangers: [(fx) => fx.b.scheduleId, (fx) => fx.a.policyId] },
        escalationPolicyId: { kind: 'ref', strangers: [(fx) => fx.b.policyId, (fx) => fx.a.scheduleId] },
        componentIds: { kind: 'refs', min: 0, max: 100, strangers: [(fx) => fx.b.componentIds[0]!, (fx) => fx.a.incidentId] },
      },
    },
    extras: [{ name: 'no owner, schedule or policy', code: 'owner_required', body: () => ({ title: 'Nobody’s', severity: 'low' }) }],
  },
  {
    call: 'incidents.list',
    query: {
      valid: { status: 'investigating', severity: 'high', from: '2026-04-01', to: '2026-04-30T23:59:59Z', limit: '10' },
      values: {
        status: ['bogus', 'RESOLVED', 'resolved%00', ''],
        severity: ['urgent', 'High', ''],
        from: DATES,
        to: DATES,
        limit: ['0', '101', '-1', '1.5', '1e2', 'NaN', 'Infinity', '', '%205', '0x10', '9007199254740993', '1000', 'ten'],
      },
    },
    extras: [
      { name: 'an empty cursor', code: 'validation_error', query: 'cursor=' },
      { name: 'a cursor that is not base64', code: 'invalid_cursor', query: 'cursor=%25%25%25' },
      { name: 'a cursor of another shape', code: 'invalid_cursor', query: `cursor=${btoa('{"after":1}')}` },
      { name: 'a cursor before 0', code: 'invalid_cursor', query: `cursor=${btoa('{"before":-1}')}` },
      { name: 'a cursor before 1.5', code: 'invalid_cursor', query: `cursor=${btoa('{"before":1.5}')}` },
      { name: 'a cursor before "1"', code: 'invalid_cursor', query: `cursor=${btoa('{"before":"1"}')}` },
      { name: 'a cursor before 1e309', code: 'invalid_cursor', query: `cursor=${btoa('{"before":1e309}')}` },
      { name: 'a cursor with __proto__', code: 'invalid_cursor', query: `cursor=${btoa('{"__proto__":{"before":1}}')}` },
      { name: 'a 1 MB cursor', code: 'invalid_cursor', query: `cursor=${ONE_MB}` },
      { name: 'an unknown parameter', code: 'validation_error', query: 'page=2' },
      { name: 'a __proto__ parameter', code: 'validation_error', query: '__proto__=x' },
      { name: 'a constructor parameter', code: 'validation_error', query: 'constructor=x' },
      { name: 'a bad limit first, a good one second', code: 'validation_error', query: 'limit=abc&limit=5' },
      { name: 'a malformed escape', code: 'validation_error', query: 'status=%E0%A4%A' },
    ],
  },
  { call: 'incidents.get', params: { incidentId: incident } },
  {
    call: 'incidents.updateStatus', params: { incidentId: incident },
    body: { valid: () => ({ status: 'identified' }), fields: { status: { kind: 'enum', values: STATUS, required: true } } },
    extras: [
      { name: 'a resolution note without resolving', code: 'validation_error', body: () => ({ status: 'identified', resolutionNote: 'Fixed' }) },
      { name: 'an empty resolution note', code: 'validation_error', body: () => ({ status: 'resolved', resolutionNote: '' }) },
      { name: 'a step skipped', code: 'invalid_status_transition', body: () => ({ status: 'monitoring' }) },
      { name: 'a step back', code: 'invalid_status_transition', body: () => ({ status: 'investigating' }) },
      { name: 'a move on a resolved incident', code: 'invalid_status_transition', path: (fx) => ({ incidentId: fx.a.resolvedIncidentId }), body: () => ({ status: 'identified' }) },
    ],
  },
  {
    call: 'incidents.updates.create', params: { incidentId: incident },
    body: {
      valid: () => ({ body: 'Found it', visibility: 'internal', statusChange: 'identified' }),
      fields: {
        body: { kind: 'text', min: 1, max: 10_000 },
        visibility: { kind: 'enum', values: ['internal', 'public'], required: true },
        statusChange: { kind: 'enum', values: STATUS },
      },
    },
    extras: [
      { name: 'neither a body nor a status change', code: 'validation_error', body: () => ({ visibility: 'internal' }) },
      { name: 'a public update without a body', code: 'validation_error', body: () => ({ visibility: 'public', statusChange: 'identified' }) },
      { name: 'an update on a resolved incident', code: 'incident_resolved', path: (fx) => ({ incidentId: fx.a.resolvedIncidentId }), body: () => ({ body: 'Late', visibility: 'internal' }) },
      { name: 'a status change that skips a step', code: 'invalid_status_transition', body: () => ({ body: 'Done', visibility: 'internal', statusChange: 'resolved' }) },
    ],
  },
  { call: 'incidents.updates.list', params: { incidentId: incident } },
  {
    call: 'incidents.updates.redact', params: { incidentId: incident, updateId: update },
    extras: [{ name: 'an update of another incident', code: 'not_found', path: (fx) => ({ incidentId: fx.a.resolvedIncidentId, updateId: fx.a.updateId }) }],
  },
  { call: 'incidents.acknowledge', params: { incidentId: incident } },
  {
    call: 'incidents.handoff', params: { incidentId: incident },
    body: {
      valid: (fx) => ({ targetUserId: fx.a.memberId }),
      fields: { targetUserId: { kind: 'ref', required: true, strangers: [(fx) => fx.b.memberId, (fx) => fx.a.invitationId, (fx) => fx.a.scheduleId] } },
    },
    extras: [{ name: 'a handoff of a resolved incident', code: 'incident_resolved', path: (fx) => ({ incidentId: fx.a.resolvedIncidentId }), body: (fx) => ({ targetUserId: fx.a.memberId }) }],
  },
  {
    call: 'incidents.setComponents', params: { incidentId: incident },
    body: {
      valid: (fx) => ({ componentIds: [fx.a.componentIds[1]!, fx.a.componentIds[0]!] }),
      fields: { componentIds: { kind: 'refs', min: 0, max: 100, required: true, strangers: [(fx) => fx.b.componentIds[0]!, (fx) => fx.a.incidentId] } },
    },
    extras: [{ name: 'components of a resolved incident', code: 'incident_resolved', path: (fx) => ({ incidentId: fx.a.resolvedIncidentId }), body: () => ({ componentIds: [] }) }],
  },
  {
    call: 'schedules.create',
    body: {
      valid: () => ({ name: 'Fresh schedule', description: null, timezone: 'Europe/Paris' }),
      fields: {
        name: { kind: 'text', min: 1, max: 255, required: true },
        description: { kind: 'text', min: 0, nullable: true },
        timezone: { kind: 'timezone', required: true },
      },
    },
    extras: [{ name: 'a name already taken', code: 'name_conflict', body: (fx) => ({ description: 'Changed', name: fx.a.scheduleName, timezone: 'UTC' }) }],
  },
  { call: 'schedules.get', params: { scheduleId: schedule } },
  {
    call: 'schedules.update', params: { scheduleId: schedule },
    body: {
      valid: () => ({ name: 'Renamed schedule', description: 'Nights', timezone: 'Asia/Tokyo' }),
      fields: {
        name: { kind: 'text', min: 1, max: 255 },
        description: { kind: 'text', min: 0, nullable: true },
        timezone: { kind: 'timezone' },
      },
    },
    extras: [{ name: 'the name of another schedule', code: 'name_conflict', body: (fx) => ({ description: 'Changed', timezone: 'Asia/Tokyo', name: fx.a.scheduleName }) }],
  },
  {
    call: 'schedules.replace', params: { scheduleId: schedule },
    body: {
      valid: () => ({ name: 'Replaced schedule', description: '', timezone: 'Asia/Tokyo' }),
      fields: {
        name: { kind: 'text', min: 1, max: 255, required: true },
        description: { kind: 'text', min: 0, nullable: true },
        timezone: { kind: 'timezone', required: true },
      },
    },
    extras: [{ name: 'the name of another schedule', code: 'name_conflict', body: (fx) => ({ description: '', timezone: 'UTC', name: fx.a.scheduleName }) }],
  },
  {
    call: 'schedules.delete', params: { scheduleId: schedule },
    extras: [{ name: 'a schedule a policy layer targets', code: 'schedule_in_use', path: (fx) => ({ scheduleId: fx.a.scheduleId }) }],
  },
  {
    call: 'schedules.resolve', params: { scheduleId: schedule },
    query: {
      valid: { at: '2026-04-07T12:00:00Z' },
      values: { at: ['2026-02-30T00:00:00Z', 'now', '', '2026-04-07', '2026-04-07T10:00:00', '1775556000000', '2026-04-07T10:00:00Z%00', '%2B275760-09-13T00:00:00.001Z', ONE_MB] },
    },
    extras: [{ name: 'an unknown parameter', code: 'validation_error', query: 'at=2026-04-07T12:00:00Z&tz=UTC' }],
  },
  {
    call: 'schedules.layers.create', params: { scheduleId: schedule }, full: true,
    body: {
      valid: (fx) => ({
        name: 'Weekends', rotationType: 'custom', rotationLengthDays: 3, handoffTime: '18:30',
        effectiveFrom: '2026-04-08T00:00:00Z', effectiveUntil: '2026-05-01T00:00:00+02:00', participantIds: [fx.a.adminId, fx.a.memberId],
      }),
      fields: scheduleLayerFields(true),
    },
    extras: [
      { name: 'a daily rotation of 7 days', code: 'validation_error', body: (fx) => ({ name: 'X', rotationType: 'daily', rotationLengthDays: 7, handoffTime: '09:00', effectiveFrom: '2026-04-08T00:00:00Z', participantIds: [fx.a.memberId] }) },
      { name: 'a weekly rotation of 1 day', code: 'validation_error', body: (fx) => ({ name: 'X', rotationType: 'weekly', rotationLengthDays: 1, handoffTime: '09:00', effectiveFrom: '2026-04-08T00:00:00Z', participantIds: [fx.a.memberId] }) },
      { name: 'an end before the start', code: 'validation_error', body: (fx) => ({ name: 'X', rotationType: 'weekly', rotationLengthDays: 7, handoffTime: '09:00', effectiveFrom: '2026-04-08T00:00:00Z', effectiveUntil: '2026-04-08T00:00:00Z', participantIds: [fx.a.memberId] }) },
      { name: 'a layer name already taken', code: 'name_conflict', body: (fx) => ({ name: 'Days', rotationType: 'weekly', rotationLengthDays: 7, handoffTime: '09:00', effectiveFrom: '2026-04-08T00:00:00Z', participantIds: [fx.a.memberId] }) },
      { name: 'a 51st layer', code: 'layer_limit_reached', path: (fx) => ({ scheduleId: fx.a.fullScheduleId! }), body: (fx) => ({ name: 'One more', rotationType: 'weekly', rotationLengthDays: 7, handoffTime: '09:00', effectiveFrom: '2026-04-08T00:00:00Z', participantIds: [fx.a.memberId] }) },
      { name: 'a position (the server assigns it)', code: 'validation_error', body: (fx) => ({ name: 'X', position: 0, rotationType: 'weekly', rotationLengthDays: 7, handoffTime: '09:00', effectiveFrom: '2026-04-08T00:00:00Z', participantIds: [fx.a.memberId] }) },
    ],
  },
  {
    call: 'schedules.layers.reorder', params: { scheduleId: schedule },
    body: {
      valid: (fx) => ({ layerIds: [...fx.a.spareScheduleLayerIds].reverse() }),
      fields: { layerIds: { kind: 'refs', min: 1, max: 50, required: true, strangers: [(fx) => fx.a.scheduleLayerIds[0]!, (fx) => fx.a.policyLayerIds[0]!] } },
    },
    extras: [{ name: 'a partial list', code: 'invalid_reorder', body: (fx) => ({ layerIds: [fx.a.spareScheduleLayerIds[0]] }) }],
  },
  {
    call: 'schedules.layers.update', params: { scheduleId: schedule, layerId: scheduleLayer },
    body: {
      valid: (fx) => ({
        name: 'Renamed layer', rotationType: 'custom', rotationLengthDays: 10, handoffTime: '08:00',
        effectiveFrom: '2026-04-07T00:00:00Z', effectiveUntil: null, participantIds: [fx.a.memberId],
      }),
      fields: scheduleLayerFields(false),
    },
    extras: [
      { name: 'daily on a 7-day layer (the merged layer is checked)', code: 'validation_error', body: () => ({ rotationType: 'daily' }) },
      { name: 'an end before the layer’s start', code: 'validation_error', body: () => ({ effectiveUntil: '2000-01-01T00:00:00Z' }) },
      { name: 'the name of another layer', code: 'name_conflict', body: (fx) => ({ handoffTime: '07:00', participantIds: [fx.a.adminId], name: 'Nights' }) },
      { name: 'a position', code: 'validation_error', body: () => ({ position: 1 }) },
    ],
  },
  {
    call: 'schedules.layers.replace', params: { scheduleId: schedule, layerId: scheduleLayer },
    body: {
      valid: (fx) => ({
        name: 'Replaced layer', rotationType: 'daily', rotationLengthDays: 1, handoffTime: '08:00',
        effectiveFrom: '2026-04-07T08:00:00Z', effectiveUntil: null, participantIds: [fx.a.memberId],
      }),
      fields: scheduleLayerFields(true),
    },
    extras: [
      { name: 'a daily rotation of 7 days', code: 'validation_error', body: (fx) => ({ name: 'X', rotationType: 'daily', rotationLengthDays: 7, handoffTime: '09:00', effectiveFrom: '2026-04-08T00:00:00Z', participantIds: [fx.a.memberId] }) },
      { name: 'an end before the start', code: 'validation_error', body: (fx) => ({ name: 'X', rotationType: 'weekly', rotationLengthDays: 7, handoffTime: '09:00', effectiveFrom: '2026-04-08T00:00:00Z', effectiveUntil: '2026-04-01T00:00:00Z', participantIds: [fx.a.memberId] }) },
      { name: 'only some fields (a PATCH body)', code: 'validation_error', body: () => ({ name: 'X' }) },
      { name: 'the name of another layer', code: 'name_conflict', body: (fx) => ({ name: 'Nights', rotationType: 'weekly', rotationLengthDays: 7, handoffTime: '09:00', effectiveFrom: '2026-04-08T00:00:00Z', participantIds: [fx.a.memberId] }) },
      { name: 'a position', code: 'validation_error', body: (fx) => ({ name: 'X', position: 1, rotationType: 'weekly', rotationLengthDays: 7, handoffTime: '09:00', effectiveFrom: '2026-04-08T00:00:00Z', participantIds: [fx.a.memberId] }) },
    ],
  },
  { call: 'schedules.layers.delete', params: { scheduleId: schedule, layerId: scheduleLayer } },
  {
    call: 'team.members.invite',
    body: {
      valid: () => ({ emailAddress: 'someone.new@example.com', role: 'org:member' }),
      fields: { emailAddress: { kind: 'email', required: true }, role: { kind: 'enum', values: ['org:member', 'org:admin'], required: true } },
    },
    extras: [
      { name: 'a member’s email', code: 'already_member', body: (fx) => ({ emailAddress: fx.a.memberEmail, role: 'org:member' }) },
      { name: 'a member’s email upper-cased', code: 'already_member', body: (fx) => ({ emailAddress: fx.a.memberEmail.toUpperCase(), role: 'org:member' }) },
      { name: 'an invited email', code: 'invitation_exists', body: () => ({ emailAddress: 'invited-a@example.com', role: 'org:admin' }) },
    ],
  },
  { call: 'team.invitations.revoke', params: { invitationId: invitation } },
  {
    call: 'team.members.updateRole', params: { userId: member },
    body: { valid: () => ({ role: 'org:admin' }), fields: { role: { kind: 'enum', values: ['org:admin', 'org:member'], required: true } } },
    extras: [{ name: 'your own role', code: 'cannot_change_own_role', path: (fx) => ({ userId: fx.a.adminId }), body: () => ({ role: 'org:member' }) }],
  },
  {
    call: 'team.members.remove', params: { userId: member },
    extras: [{ name: 'yourself', code: 'cannot_remove_self', path: (fx) => ({ userId: fx.a.adminId }) }],
  },
  {
    call: 'components.create',
    body: {
      valid: () => ({ name: 'Fresh component', description: 'New', groupLabel: 'Edge', aliases: ['checkout', 'payments'] }),
      fields: {
        name: { kind: 'text', min: 1, max: 100, required: true },
        description: { kind: 'text', min: 0, max: 10_000, nullable: true },
        groupLabel: { kind: 'text', min: 1, max: 100, nullable: true },
        aliases: { kind: 'texts', max: 50, itemMax: 255 },
      },
    },
    extras: [{ name: 'a name already taken', code: 'name_conflict', body: (fx) => ({ description: 'Changed', groupLabel: 'Changed', name: fx.a.componentName }) }],
  },
  {
    call: 'components.list',
    query: {
      valid: { limit: '10' },
      values: { limit: ['0', '101', '-1', '1.5', '1e2', 'NaN', '', '%205', '0x10', '1000', 'ten'] },
    },
    extras: [
      { name: 'an empty cursor', code: 'validation_error', query: 'cursor=' },
      { name: 'a cursor that is not base64', code: 'invalid_cursor', query: 'cursor=%25%25%25' },
      { name: 'an incident cursor', code: 'invalid_cursor', query: `cursor=${btoa('{"before":1}')}` },
      { name: 'a cursor after a number', code: 'invalid_cursor', query: `cursor=${btoa('{"after":1}')}` },
      { name: 'a cursor after ""', code: 'invalid_cursor', query: `cursor=${btoa('{"after":""}')}` },
      { name: 'a cursor with __proto__', code: 'invalid_cursor', query: `cursor=${btoa('{"__proto__":{"after":"cmp_1"}}')}` },
      { name: 'a 1 MB cursor', code: 'invalid_cursor', query: `cursor=${ONE_MB}` },
      { name: 'an unknown parameter', code: 'validation_error', query: 'page=2' },
    ],
  },
  { call: 'components.get', params: { componentId: component } },
  {
    call: 'components.update', params: { componentId: component },
    body: {
      valid: () => ({ name: 'Renamed component', description: '', groupLabel: null, aliases: ['api'] }),
      fields: {
        name: { kind: 'text', min: 1, max: 100 },
        description: { kind: 'text', min: 0, max: 10_000, nullable: true },
        groupLabel: { kind: 'text', min: 1, max: 100, nullable: true },
        aliases: { kind: 'texts', max: 50, itemMax: 255 },
      },
    },
    extras: [{ name: 'the name of another component', code: 'name_conflict', body: (fx) => ({ description: 'Changed', groupLabel: 'Changed', name: fx.a.componentName }) }],
  },
  {
    call: 'components.delete', params: { componentId: component },
    extras: [{ name: 'a component an incident names', code: 'component_in_use', path: (fx) => ({ componentId: fx.a.componentIds[0]! }) }],
  },
  {
    call: 'workingHours.create',
    body: {
      valid: () => ({ name: 'Fresh hours', timezone: 'Europe/Paris', windows: [{ days: [5, 1], start: '22:00', end: '06:00' }] }),
      fields: {
        name: { kind: 'text', min: 1, max: 255, required: true },
        timezone: { kind: 'timezone', required: true },
        windows: { kind: 'windows', max: 50, required: true },
      },
    },
    extras: [{ name: 'a name already taken', code: 'name_conflict', body: (fx) => ({ timezone: 'UTC', windows: [{ days: [1], start: '09:00', end: '17:00' }], name: fx.a.workingHoursName }) }],
  },
  { call: 'workingHours.get', params: { workingHoursId: workingHours } },
  {
    call: 'workingHours.update', params: { workingHoursId: workingHours },
    body: {
      valid: () => ({ name: 'Renamed hours', timezone: 'Asia/Tokyo', windows: [{ days: [6, 7], start: '10:00', end: '14:00' }] }),
      fields: {
        name: { kind: 'text', min: 1, max: 255 },
        timezone: { kind: 'timezone' },
        windows: { kind: 'windows', max: 50 },
      },
    },
    extras: [{ name: 'the name of another set', code: 'name_conflict', body: (fx) => ({ timezone: 'UTC', windows: [{ days: [1], start: '09:00', end: '17:00' }], name: fx.a.workingHoursName }) }],
  },
  { call: 'workingHours.delete', params: { workingHoursId: workingHours } },
  {
    call: 'routingPolicies.create',
    body: { valid: () => ({ name: 'Fresh routing', description: '', rules: ROUTING_RULES }), fields: ROUTING_FIELDS(true) },
    extras: [
      ...ROUTING_EXTRAS,
      { name: 'a name already taken', code: 'name_conflict', body: (fx) => ({ name: fx.a.routingPolicyName, rules: ROUTING_RULES }) },
    ],
  },
  { call: 'routingPolicies.get', params: { routingPolicyId: routingPolicy } },
  {
    call: 'routingPolicies.replace', params: { routingPolicyId: routingPolicy },
    body: { valid: () => ({ name: 'Replaced routing', description: null, rules: ROUTING_RULES }), fields: ROUTING_FIELDS(true) },
    extras: [
      ...ROUTING_EXTRAS,
      { name: 'the name of another routing policy', code: 'name_conflict', body: (fx) => ({ name: fx.a.routingPolicyName, rules: ROUTING_RULES }) },
    ],
  },
  {
    call: 'routingPolicies.delete', params: { routingPolicyId: routingPolicy },
    extras: [
      { name: 'the default policy', code: 'default_routing_policy', path: (fx) => ({ routingPolicyId: fx.a.defaultRoutingPolicyId }) },
      { name: 'a policy a selector names', code: 'routing_policy_in_use', path: (fx) => ({ routingPolicyId: fx.a.routingPolicyId }) },
    ],
  },
  { call: 'integrations.inbound.get', params: { integrationId: integration } },
  {
    call: 'integrations.inbound.setSelectors', params: { integrationId: integration },
    body: { valid: (fx) => ({ selectors: [{ matchers: [{ key: 'env', value: 'staging' }], routingPolicyId: fx.a.spareRoutingPolicyId }] }), fields: {} },
    extras: [
      { name: 'no selectors field', code: 'validation_error', body: () => ({}) },
      { name: 'null selectors', code: 'validation_error', body: () => ({ selectors: null }) },
      { name: 'a selector as an object', code: 'validation_error', body: (fx) => ({ selectors: { matchers: [{ key: 'a', value: 'b' }], routingPolicyId: fx.a.routingPolicyId } }) },
      { name: 'a selector without matchers', code: 'validation_error', body: (fx) => ({ selectors: [{ matchers: [], routingPolicyId: fx.a.routingPolicyId }] }) },
      { name: 'an empty key', code: 'validation_error', body: (fx) => ({ selectors: [{ matchers: [{ key: '', value: 'b' }], routingPolicyId: fx.a.routingPolicyId }] }) },
      { name: 'a value of 256 characters', code: 'validation_error', body: (fx) => ({ selectors: [{ matchers: [{ key: 'a', value: 'v'.repeat(256) }], routingPolicyId: fx.a.routingPolicyId }] }) },
      { name: 'severity as a key', code: 'validation_error', body: (fx) => ({ selectors: [{ matchers: [{ key: 'severity', value: 'high' }], routingPolicyId: fx.a.routingPolicyId }] }) },
      { name: 'a numeric value', code: 'validation_error', body: (fx) => ({ selectors: [{ matchers: [{ key: 'a', value: 1 }], routingPolicyId: fx.a.routingPolicyId }] }) },
      { name: 'an unknown matcher field', code: 'validation_error', body: (fx) => ({ selectors: [{ matchers: [{ key: 'a', value: 'b', op: 'eq' }], routingPolicyId: fx.a.routingPolicyId }] }) },
      { name: 'no routingPolicyId', code: 'validation_error', body: () => ({ selectors: [{ matchers: [{ key: 'a', value: 'b' }] }] }) },
      { name: 'an unknown routing policy', code: 'invalid_routing_policy', body: () => ({ selectors: [{ matchers: [{ key: 'a', value: 'b' }], routingPolicyId: 'rp_00000000000000000000' }] }) },
      { name: 'a routing policy of another org', code: 'invalid_routing_policy', body: (fx) => ({ selectors: [{ matchers: [{ key: 'a', value: 'b' }], routingPolicyId: fx.b.routingPolicyId }] }) },
      { name: 'an escalation policy id as the routing policy', code: 'invalid_routing_policy', body: (fx) => ({ selectors: [{ matchers: [{ key: 'a', value: 'b' }], routingPolicyId: fx.a.policyId }] }) },
    ],
  },
];

// ---------------------------------------------------------------------------------------------
// Cases: one request each.

type Request = { path: string; method: string; headers: Record<string, string>; body?: string | Uint8Array<ArrayBuffer> };
type Case = { name: string; code?: string | readonly string[]; build: (fx: Fx) => Request };

const encoder = new TextEncoder();
const PLACEHOLDER = '__corpus_token_5f0c__';
const JSON_TYPE = { 'content-type': 'application/json' };

const concat = (...parts: ReadonlyArray<Uint8Array | readonly number[]>): Uint8Array<ArrayBuffer> => {
  const out = new Uint8Array(parts.reduce((n, part) => n + part.length, 0));
  let at = 0;
  for (const part of parts) {
    out.set(part, at);
    at += part.length;
  }
  return out;
};

/** The valid body with `field` replaced by the token. */
const withToken = (valid: Record<string, unknown>, field: string, token: Token, fx: Fx): string | Uint8Array<ArrayBuffer> => {
  if ('missing' in token) {
    const { [field]: _, ...rest } = valid;
    return JSON.stringify(rest);
  }
  if ('json' in token) return JSON.stringify({ ...valid, [field]: token.json });
  if ('make' in token) return JSON.stringify({ ...valid, [field]: token.make(valid[field], fx) });
  const [before, after] = JSON.stringify({ ...valid, [field]: PLACEHOLDER }).split(`"${PLACEHOLDER}"`) as [string, string];
  if ('raw' in token) return `${before}${token.raw}${after}`;
  return concat(encoder.encode(before), token.bytes, encoder.encode(after));
};

const fillPath = (template: string, ids: Record<string, string>) =>
  template.replace(/:(\w+)/g, (_, name: string) => ids[name] ?? `:${name}`);

const encodedIds = (endpoint: Endpoint, fx: Fx) =>
  Object.fromEntries(Object.entries(endpoint.params ?? {}).map(([name, param]) => [name, encodeURIComponent(param.id(fx))]));

const queryString = (query: Record<string, string>) =>
  Object.entries(query).map(([key, value]) => `${key}=${value}`).join('&');

const validRequest = (endpoint: Endpoint, fx: Fx): Request => {
  const path = fillPath(endpoint.path, encodedIds(endpoint, fx));
  const query = endpoint.query ? `?${queryString(endpoint.query.valid)}` : '';
  const body = endpoint.body ? JSON.stringify(endpoint.body.valid(fx)) : undefined;
  return { path: `${path}${query}`, method: endpoint.method, headers: body === undefined ? {} : JSON_TYPE, ...(body === undefined ? {} : { body }) };
};

/** Ids in a path that no route may take for a real one (each a string already in URL form). */
const badPathIds = (param: Param): Array<{ name: string; value: Resolve<string> }> => {
  const enc = (resolve: Resolve<string>) => (fx: Fx) => encodeURIComponent(resolve(fx));
  const real = param.id;
  return [
    { name: 'an unknown id', value: () => 'nope_00000000000000000000' },
    { name: 'an id of another kind', value: enc(OTHER_KIND[param.kind]) },
    { name: 'the same kind of id in another org', value: enc(inOtherOrg(real)) },
    { name: 'the id with a NUL appended', value: enc((fx) => `${real(fx)}\u0000`) },
    { name: 'the id upper-cased', value: enc((fx) => real(fx).toUpperCase()) },
    { name: 'the id with a trailing space', value: enc((fx) => `${real(fx)} `) },
    { name: 'the id and a slash, encoded', value: enc((fx) => `${real(fx)}/x`) },
    { name: 'the id and a slash, raw (an extra segment)', value: (fx) => `${encodeURIComponent(real(fx))}/x` },
    { name: 'a traversal, encoded', value: enc((fx) => `../${real(fx)}`) },
    { name: 'a literal %2F', value: enc(() => '%2F') },
    { name: 'a NUL byte', value: () => '%00' },
    { name: 'a literal %00', value: enc(() => '%00') },
    { name: 'a dot-dot prefix', value: enc((fx) => `..${real(fx)}`) },
    { name: 'an emoji', value: enc(() => '🔥') },
    { name: 'a lone surrogate (bad UTF-8)', value: () => '%ED%A0%80' },
    { name: 'a truncated escape', value: () => '%E0%A4%A' },
    { name: 'a bare %', value: () => '%' },
    { name: 'an encoded ? and #', value: enc(() => '?#') },
    { name: 'a 1 MB id', value: () => ONE_MB },
    { name: '__proto__', value: () => '__proto__' },
    { name: 'constructor', value: () => 'constructor' },
    { name: 'hasOwnProperty', value: () => 'hasOwnProperty' },
    { name: 'a number', value: () => '1' },
    { name: '-1', value: () => '-1' },
    { name: 'NaN', value: () => 'NaN' },
    { name: '1e309', value: () => '1e309' },
    { name: '2^53+1', value: () => '9007199254740993' },
    { name: 'an empty segment', value: () => '' },
  ];
};

/** Answers to a path that names nothing: no such resource, no such route, not this method, or too long to be one. */
const PATH_CODES = ['not_found', 'route_not_found', 'method_not_allowed', 'uri_too_long'] as const;

const casesFor = (endpoint: Endpoint): Case[] => {
  const cases: Case[] = [];
  // Path ids, one at a time, with everything else valid.
  for (const [name, param] of Object.entries(endpoint.params ?? {})) {
    const last = endpoint.path.endsWith(`:${name}`);
    for (const bad of badPathIds(param)) {
      // An empty last segment of a GET names the collection (`/components/` lists): not bad input.
      if (bad.name === 'an empty segment' && last && endpoint.method === 'GET') continue;
      cases.push({
        name: `:${name} ${bad.name}`,
        code: PATH_CODES,
        build: (fx) => {
          const valid = validRequest(endpoint, fx);
          const ids = { ...encodedIds(endpoint, fx), [name]: bad.value(fx) };
          return { ...valid, path: fillPath(endpoint.path, ids) + (endpoint.query ? `?${queryString(endpoint.query.valid)}` : '') };
        },
      });
    }
  }
  // Body fields, one at a time, by kind.
  if (endpoint.body) {
    const { valid, fields } = endpoint.body;
    for (const [index, [field, spec]] of Object.entries(fields).entries()) {
      for (const mutation of mutationsFor(spec, index === 0)) {
        cases.push({
          name: `${field}: ${mutation.name}`,
          ...(mutation.code ? { code: mutation.code } : {}),
          build: (fx) => ({ ...validRequest(endpoint, fx), body: withToken(valid(fx), field, mutation.token, fx) }),
        });
      }
    }
    // The body as a whole.
    const whole = (name: string, body: (text: string) => string | Uint8Array<ArrayBuffer>, code?: string, headers: Record<string, string> = JSON_TYPE) => {
      cases.push({
        name: `body: ${name}`,
        ...(code ? { code } : {}),
        build: (fx) => ({ ...validRequest(endpoint, fx), headers, body: body(JSON.stringify(valid(fx))) }),
      });
    };
    const first = Object.keys(fields)[0]!;
    whole('empty', () => '');
    whole('null', () => 'null');
    whole('an empty array', () => '[]');
    whole('the body in an array', (text) => `[${text}]`);
    whole('a string', () => '"body"');
    whole('a number', () => '1');
    whole('true', () => 'true');
    whole('an empty object', () => '{}');
    whole('an unknown field', (text) => `{"unknownField":1,${text.slice(1)}`);
    whole('a __proto__ key', (text) => `{"__proto__":{"polluted":true},${text.slice(1)}`);
    whole('a constructor key', (text) => `{"constructor":{"prototype":{"polluted":true}},${text.slice(1)}`);
    whole(`${first} twice, the second bad`, (text) => `${text.slice(0, -1)},"${first}":{"bad":true}}`);
    whole('truncated JSON', (text) => text.slice(0, -1), 'invalid_json');
    whole('not JSON', () => 'name=value', 'invalid_json');
    whole('single quotes', (text) => text.replaceAll('"', "'"), 'invalid_json');
    whole('a trailing comma', (text) => `${text.slice(0, -1)},}`, 'invalid_json');
    whole('a comment', (text) => `${text} // note`, 'invalid_json');
    whole('two JSON documents', (text) => `${text}${text}`, 'invalid_json');
    whole('NaN', () => 'NaN', 'invalid_json');
    whole('a NUL byte after the JSON', (text) => concat(encoder.encode(text), [0]), 'invalid_json');
    whole('UTF-16 with a byte order mark', (text) => concat([0xff, 0xfe], [...text].flatMap((c) => [c.charCodeAt(0) & 0xff, c.charCodeAt(0) >> 8])), 'invalid_json');
    whole('10,000 nested arrays', () => DEEP);
    whole('50,000 unknown fields', (text) => `{${Array.from({ length: 50_000 }, (_, i) => `"f${i}":0`).join(',')},${text.slice(1)}`);
    whole('gzip-compressed', (text) => new Uint8Array(gzipSync(text)), 'invalid_json', { ...JSON_TYPE, 'content-encoding': 'gzip' });
    whole('more than 1 MiB, padded with spaces', (text) => `${text}${' '.repeat(MAX_BODY_BYTES)}`, 'payload_too_large');
    for (const type of ['text/plain', 'application/x-www-form-urlencoded', 'multipart/form-data; boundary=x', 'application/xml', 'application/jsonl', 'json']) {
      whole(`content type ${type}`, (text) => text, 'unsupported_media_type', { 'content-type': type });
    }
    whole('no content type', (text) => encoder.encode(text), 'unsupported_media_type', {});
  }
  // Query values, one key at a time.
  if (endpoint.query) {
    const { valid, values } = endpoint.query;
    for (const [key, bad] of Object.entries(values)) {
      for (const value of bad) {
        cases.push({
          name: `?${key}=${value.length > 40 ? `${value.slice(0, 10)}… (${value.length} characters)` : value}`,
          code: 'validation_error',
          build: (fx) => {
            const request = validRequest(endpoint, fx);
            return { ...request, path: `${request.path.split('?')[0]}?${queryString({ ...valid, [key]: value })}` };
          },
        });
      }
    }
  }
  for (const extra of endpoint.extras ?? []) {
    cases.push({
      name: extra.name,
      code: extra.code,
      build: (fx) => {
        const request = validRequest(endpoint, fx);
        const ids = extra.path ? { ...encodedIds(endpoint, fx), ...Object.fromEntries(Object.entries(extra.path(fx)).map(([k, v]) => [k, encodeURIComponent(v)])) } : encodedIds(endpoint, fx);
        const path = fillPath(endpoint.path, ids) + (extra.query !== undefined ? `?${extra.query}` : endpoint.query ? `?${queryString(endpoint.query.valid)}` : '');
        return extra.body ? { ...request, path, headers: JSON_TYPE, body: JSON.stringify(extra.body(fx)) } : { ...request, path };
      },
    });
  }
  return cases;
};

/**
 * The codes the OpenAPI document lists for `status` on the operation an SDK call names: every refusal
 * of the corpus must be one of them. (A bad id that changes the route, `x/y`, is answered for another
 * path: `route_not_found` and `method_not_allowed` belong to no operation.)
 */
const documentedCodes = (() => {
  const document = buildOpenApiDocument();
  const operations = new Map(Object.values(document.paths).flatMap((byMethod) => Object.values(byMethod).map((operation) => [operation.operationId, operation] as const)));
  return (call: string, status: number): readonly string[] => {
    const response = operations.get(call)?.responses[String(status)];
    if (response === undefined) return [];
    const resolved = '$ref' in response ? document.components.responses[response.$ref.split('/').pop()!] : response;
    const schema = resolved?.content?.['application/json'].schema as { allOf?: Array<{ properties?: { code?: { enum?: string[] } } }> } | undefined;
    return schema?.allOf?.[1]?.properties?.code?.enum ?? [];
  };
})();
const ROUTE_CODES = new Set(['route_not_found', 'method_not_allowed']);

const send = (mock: ScalingMock, request: Request, apiKey: string) =>
  rawFetch(mock, request.path, { method: request.method, apiKey, headers: request.headers, ...(request.body === undefined ? {} : { body: request.body }) });

const ENDPOINTS: Endpoint[] = SPECS.map((spec) => ({ ...spec, ...fromTable(spec.call) }));
const CORPUS = ENDPOINTS.map((endpoint) => ({ endpoint, key: `${endpoint.method} ${endpoint.path}`, cases: casesFor(endpoint) }));

// ---------------------------------------------------------------------------------------------

const newWorld = async (full: boolean) => {
  const mock = createScalingMock({ now: START, seed: 5 });
  const a = await populateOrg(mock, { orgId: mock.orgId, apiKey: mock.apiKey, adminId: mock.userId, tag: 'A', full });
  const orgB = mock.createOrg({ name: 'B' });
  const b = await populateOrg(mock, { orgId: orgB.id, apiKey: orgB.apiKey, adminId: orgB.adminUserId, tag: 'B' });
  return { mock, fx: { a, b } };
};

describe('the corpus covers the mock', () => {
  test('every endpoint of the table that takes path ids, a body or a query has an entry', () => {
    const needed = endpoints.filter((endpoint) => endpoint.params || endpoint.body || endpoint.query || endpoint.method !== 'get');
    expect(needed.map((endpoint) => endpoint.name).sort()).toEqual(CORPUS.map(({ endpoint }) => endpoint.call).sort());
  });

  test('each endpoint’s valid request succeeds, so each case is refused for its mutation', async () => {
    for (const { endpoint, key } of CORPUS) {
      const { mock, fx } = await newWorld(false);
      const response = await send(mock, validRequest(endpoint, fx), fx.a.apiKey);
      expect(response.status, `${key}: ${await response.clone().text()}`).toBeLessThan(300);
    }
  });
});

describe('bad input: a documented 4xx, the error body, and no change', () => {
  const probe = async ({ mock, fx }: Awaited<ReturnType<typeof newWorld>>) =>
    (await rawFetch(mock, '/components', { method: 'POST', apiKey: fx.a.apiKey, headers: JSON_TYPE, body: JSON.stringify({ name: 'Probe' }) })).json();
  /** What a world that never saw bad input gives out next: the corpus must not have moved it. */
  const expectedProbe = new Map<boolean, unknown>();
  beforeAll(async () => {
    for (const full of [false, true]) expectedProbe.set(full, await probe(await newWorld(full)));
  });

  for (const { endpoint, key, cases } of CORPUS) {
    test(`${key} (${cases.length} cases)`, { timeout: 60_000 }, async () => {
      const full = endpoint.full ?? false;
      const world = await newWorld(full);
      const { mock, fx } = world;
      const beforeA = await snapshotOrg(mock, fx.a.apiKey);
      const beforeB = await snapshotOrg(mock, fx.b.apiKey);
      for (const { name, code, build } of cases) {
        const what = `${key} ${name}`;
        const response = await send(mock, build(fx), fx.a.apiKey);
        const error = await expectDocumented4xx(response, what);
        if (!ROUTE_CODES.has(error.code)) expect(documentedCodes(endpoint.call, response.status), `${what}: the OpenAPI document's codes for ${response.status}`).toContain(error.code);
        if (typeof code === 'string') expect(error.code, what).toBe(code);
        else if (code) expect(code, `${what}: ${error.code}`).toContain(error.code);
        expectUnchanged(beforeA, await snapshotOrg(mock, fx.a.apiKey), what);
      }
      expectUnchanged(beforeB, await snapshotOrg(mock, fx.b.apiKey), `${key}: org B`);
      // Nothing hidden moved either (the seeded ids): the next id is the one a fresh world gives.
      expect(await probe(world), `${key}: the next id`).toEqual(expectedProbe.get(full));
    });
  }

  test('a path too long for MSW to match is 414 through the SDK, sent once (it was a 500 behind setupServer, a rejected mock.fetch)', async () => {
    const mock = createScalingMock({ now: START });
    let sent = 0;
    const scaling = new Scaling({ apiKey: mock.apiKey, baseUrl: mock.baseUrl, maxRetries: 2, fetch: (input, init) => ((sent += 1), mock.fetch(input, init)) });
    const error = await scaling.policies.get('x'.repeat(9000)).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(ScalingAPIError);
    expect(error instanceof ScalingAPIError ? [error.status, error.code] : error).toEqual([414, 'uri_too_long']);
    expect(sent).toBe(1);
  });

  test('NUL, lone surrogates and other unicode in free text are accepted and come back unchanged (so not in the corpus)', async () => {
    const mock = createScalingMock({ now: START });
    // JSON escapes, as a client sends them: `\u0000` is a NUL, `\ud800` a lone surrogate.
    const names = [String.raw`nul \u0000 inside`, String.raw`lone \ud800 surrogate`, 'emoji 🔥 and RTL עברית', String.raw`combining e\u0301`, String.raw`zero\u200bwidth`];
    for (const name of names) {
      const body = `{"name":"${name}","description":"${name}"}`;
      const created = await rawFetch(mock, '/escalation/policies', { method: 'POST', headers: JSON_TYPE, body });
      expect(created.status, name).toBe(201);
      const { data } = (await created.json()) as { data: { id: string; name: string; description: string } };
      const expected = JSON.parse(`"${name}"`) as string;
      const read = (await (await rawFetch(mock, `/escalation/policies/${data.id}`)).json()) as { data: { name: string; description: string } };
      expect([data.name, data.description, read.data.name, read.data.description], name).toEqual([expected, expected, expected, expected]);
    }
  });

  test('no prototype was polluted', () => {
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.prototype).not.toHaveProperty('polluted');
  });
});
