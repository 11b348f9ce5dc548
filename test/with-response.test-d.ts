// Type tests of `.withResponse()`, never run: vitest's typecheck (project `types`) runs tsc on them.
import { describe, expectTypeOf, test } from 'vitest';
import {
  type IncidentDetail,
  type IncidentPage,
  type LayerSyncPreview,
  type LayerSyncResult,
  type RetryOptions,
  Scaling,
  type ScalingPromise,
  type WithResponse,
} from '../src/index.js';
import { ScalingPolicies, type ScalingPromise as PoliciesScalingPromise } from '../src/policies.js';

// Never called: only its types are checked.
const scaling = new Scaling({ apiKey: 'scl_mock_types_only', baseUrl: 'http://127.0.0.1:9', retry: { baseDelayMs: 0, maxDelayMs: 1_000 } });

describe('ScalingPromise', () => {
  test('every call returns a ScalingPromise of what it resolves to, and stays awaitable as a Promise', () => {
    expectTypeOf(scaling.incidents.get('inc_1')).toEqualTypeOf<ScalingPromise<IncidentDetail>>();
    expectTypeOf(scaling.incidents.list()).toEqualTypeOf<ScalingPromise<IncidentPage>>();
    expectTypeOf(scaling.policies.delete('pol_1')).toEqualTypeOf<ScalingPromise<void>>();
    expectTypeOf(scaling.incidents.get('inc_1')).toMatchTypeOf<Promise<IncidentDetail>>();
    expectTypeOf(scaling.incidents.get).returns.resolves.toEqualTypeOf<IncidentDetail>();
  });

  test('.withResponse() resolves to { data, response, requestId }', () => {
    expectTypeOf(scaling.incidents.get('inc_1').withResponse()).toEqualTypeOf<Promise<WithResponse<IncidentDetail>>>();
    expectTypeOf<WithResponse<IncidentDetail>>().toEqualTypeOf<{ data: IncidentDetail; response: Response; requestId: string | null }>();
    expectTypeOf(scaling.team.members.remove('user_1').withResponse()).resolves.toHaveProperty('data').toEqualTypeOf<void>();
  });

  test('layers.sync keeps its overloads', () => {
    expectTypeOf(scaling.policies.layers.sync('pol_1', [], { dryRun: true })).toEqualTypeOf<ScalingPromise<LayerSyncPreview>>();
    expectTypeOf(scaling.policies.layers.sync('pol_1', [])).toEqualTypeOf<ScalingPromise<LayerSyncResult>>();
  });

  test('listAll is an async iterator, with no .withResponse()', () => {
    expectTypeOf(scaling.incidents.listAll()).toHaveProperty(Symbol.asyncIterator);
    // @ts-expect-error an iterator is not one call
    void scaling.incidents.listAll().withResponse;
  });

  test('the policies entry returns the same promise type', () => {
    const policies = new ScalingPolicies({ apiKey: 'scl_mock_types_only' });
    expectTypeOf(policies.policies.list()).toMatchTypeOf<PoliciesScalingPromise<unknown[]>>();
  });
});

describe('RetryOptions', () => {
  test('on the client and per call', () => {
    expectTypeOf<RetryOptions>().toEqualTypeOf<{ baseDelayMs?: number | undefined; maxDelayMs?: number | undefined }>();
    expectTypeOf(scaling.incidents.list).parameter(1).toMatchTypeOf<{ retry?: RetryOptions } | undefined>();
  });
});
