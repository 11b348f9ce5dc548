/**
 * What each public entry point exports at runtime, checked against the reviewed lists in
 * `test/package/entry-exports.json` (the same lists `test/package/exports.mjs` checks on `dist/`).
 * The entries are imported by the package's names, as users import them (mapped to the sources by
 * `vitest.config.ts` and `tsconfig.json`).
 *
 * The type-only assertions at the end are checked by `npm run typecheck`.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import * as z from 'zod/mini';
import * as mocks from '@scaling-cloud/sdk/mocks';
import * as server from '@scaling-cloud/sdk/mocks/server';
import * as schemas from '@scaling-cloud/sdk/schemas';
import * as policies from '@scaling-cloud/sdk/policies';
import { Scaling, ScalingNotFoundError } from '@scaling-cloud/sdk';
import * as matchers from '@scaling-cloud/sdk/mocks/vitest';
import { createScalingMock } from '@scaling-cloud/sdk/mocks';

const reviewed = JSON.parse(readFileSync(new URL('./package/entry-exports.json', import.meta.url), 'utf8')) as Record<string, string[]>;
const names = (entry: object) => Object.keys(entry).sort();

describe('@scaling-cloud/sdk/schemas', () => {
  test('exports exactly the reviewed list', () => {
    expect(names(schemas)).toEqual(reviewed['./schemas']);
  });

  test('every runtime export is a zod schema', () => {
    const notSchemas = Object.entries(schemas)
      .filter(([, value]) => !(value instanceof z.core.$ZodType))
      .map(([name, value]) => `${name} (${typeof value})`);
    expect(notSchemas).toEqual([]);
  });

  test('none of the schema files’ shared helpers leaks through', () => {
    for (const internal of ['uniqueIds', 'dataEnvelope', 'rotationLengthProblem', 'effectiveUntilProblem', 'PathId', 'IncidentListQuery']) {
      expect(schemas).not.toHaveProperty(internal);
    }
    expect(names(schemas).filter((name) => name.startsWith('MAX_'))).toEqual([]);
  });
});

describe('@scaling-cloud/sdk/policies', () => {
  test('exports exactly the reviewed list', () => {
    expect(names(policies)).toEqual(reviewed['./policies']);
  });

  test('is a client with policies and layers only, whose errors are the main entry’s', async () => {
    const mock = createScalingMock({ now: '2026-04-07T10:00:00Z' });
    const scaling = new policies.ScalingPolicies({ apiKey: mock.apiKey, baseUrl: mock.baseUrl, fetch: mock.fetch });
    expect(Object.keys(scaling)).toEqual(['policies']);
    const policy = await scaling.policies.create({ name: 'Only policies' });
    const layer = await scaling.policies.layers.create(policy.id, { position: 1, ackTimeoutMinutes: 5, target: { type: 'users', userIds: [mock.userId] } });
    const whole = new Scaling({ apiKey: mock.apiKey, baseUrl: mock.baseUrl, fetch: mock.fetch });
    expect(await whole.policies.layers.list(policy.id)).toEqual([layer]);
    const error = await scaling.policies.get('pol_missing').catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(ScalingNotFoundError);
    expect(policies.ScalingNotFoundError).toBe(ScalingNotFoundError);
  });
});

describe('@scaling-cloud/sdk/mocks', () => {
  test('exports exactly the reviewed list, without the Node-only standalone server', () => {
    expect(names(mocks)).toEqual(reviewed['./mocks']);
    for (const moved of ['startMockServer', 'parseSeed', 'SeedError']) expect(mocks).not.toHaveProperty(moved);
  });
});

describe('@scaling-cloud/sdk/mocks/server', () => {
  test('exports exactly the reviewed list', () => {
    expect(names(server)).toEqual(reviewed['./mocks/server']);
    expect(typeof server.startMockServer).toBe('function');
    expect(typeof server.parseSeed).toBe('function');
    expect(new server.SeedError([])).toBeInstanceOf(Error);
  });
});

describe('@scaling-cloud/sdk/mocks/vitest', () => {
  test('exports nothing: importing it registers the matchers', () => {
    expect(names(matchers)).toEqual(reviewed['./mocks/vitest']);
    const mock = createScalingMock({ now: '2026-04-07T10:00:00Z' });
    expect(mock).not.toHavePaged(mock.userId);
    expect(() => expect(mock).toHavePaged(mock.userId)).toThrow(/expected the mock to have paged/);
  });
});

// Type-level: the internals are not exported under any name either. tsc fails on an expect-error
// directive that has no error to expect, so each import below is proven to be an error.
// @ts-expect-error `Known` is internal to the schema files
import type { Known } from '@scaling-cloud/sdk/schemas';
// @ts-expect-error `PathId` is internal to the schema files
import type { PathId } from '@scaling-cloud/sdk/schemas';
// @ts-expect-error the matcher options type is the entry's own
import type { PagedOptions } from '@scaling-cloud/sdk/mocks/vitest';
// @ts-expect-error the matcher interface is the entry's own (it extends vitest's `Assertion`)
import type { ScalingMatchers } from '@scaling-cloud/sdk/mocks/vitest';
// @ts-expect-error the standalone server moved to `@scaling-cloud/sdk/mocks/server`
import type { MockServer } from '@scaling-cloud/sdk/mocks';
export type Unused = [Known<string>, PathId, PagedOptions, ScalingMatchers, MockServer];
