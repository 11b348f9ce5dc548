// Type tests, never run: vitest's typecheck (project `types`, in `npm test`) runs tsc and fails the
// test that holds a failing `expectTypeOf`; `npm run typecheck` checks this file too.
import { describe, expectTypeOf, test } from 'vitest';
import type { MockSnapshot, ScalingMock } from '../mocks/index.js';
import {
  type ErrorCode,
  type Incident,
  type IncidentCreateParams,
  type Layer,
  type LayerCreateParams,
  type LayerTarget,
  type Policy,
  type PolicyWithLayers,
  type RequestOptions,
  Scaling,
  ScalingAPIError,
  ScalingError,
  ScalingNotFoundError,
  ScalingValidationError,
  type ScheduleTarget,
  type UsersTarget,
  type CreatedPolicy,
} from '../src/index.js';

// Never called: only its types are checked.
const scaling = new Scaling({ apiKey: 'scl_mock_types_only', baseUrl: 'http://127.0.0.1:9' });

describe('public types', () => {
  test('methods resolve to the unwrapped data, inferred from the schemas', () => {
    expectTypeOf(scaling.policies.create).returns.resolves.toEqualTypeOf<CreatedPolicy>();
    expectTypeOf(scaling.policies.get).returns.resolves.toEqualTypeOf<PolicyWithLayers>();
    expectTypeOf(scaling.policies.layers.create).returns.resolves.toEqualTypeOf<Layer>();
    expectTypeOf(scaling.policies.layers.reorder).returns.resolves.toEqualTypeOf<Layer[]>();
    expectTypeOf(scaling.policies.layers.delete).returns.resolves.toBeVoid();
    expectTypeOf(scaling.incidents.create).returns.resolves.toEqualTypeOf<Incident>();
    expectTypeOf<PolicyWithLayers>().toMatchTypeOf<Policy & { layers: Layer[] }>();
  });

  test('request types are the schemas’ inputs; every method takes request options last', () => {
    expectTypeOf<LayerCreateParams>().toEqualTypeOf<{
      position: number;
      ackTimeoutMinutes: number;
      target: LayerTarget;
      condition?: { workingHoursId: string; when: 'during' | 'outside' } | null | undefined;
    }>();
    expectTypeOf(scaling.policies.layers.create).parameters.toEqualTypeOf<[string, LayerCreateParams, RequestOptions?]>();
    expectTypeOf(scaling.policies.list).parameters.toEqualTypeOf<[RequestOptions?]>();
    expectTypeOf<IncidentCreateParams['severity']>().toEqualTypeOf<'critical' | 'high' | 'medium' | 'low'>();
    // A position is not an updatable field: the type refuses it before the schema does.
    expectTypeOf(scaling.policies.layers.update).parameter(2).not.toHaveProperty('position');
    expectTypeOf<Layer>().not.toHaveProperty('ackTimeoutMinute');
  });

  test('target is a discriminated union on type', () => {
    expectTypeOf<LayerTarget>().toEqualTypeOf<ScheduleTarget | UsersTarget>();
    const describe = (target: LayerTarget) => {
      if (target.type === 'schedule') {
        expectTypeOf(target).toEqualTypeOf<ScheduleTarget>();
        return target.scheduleId;
      }
      expectTypeOf(target).toEqualTypeOf<UsersTarget>();
      return target.userIds.join(', ');
    };
    expectTypeOf(describe).returns.toBeString();
    // @ts-expect-error a schedule target has no userIds
    void ({ type: 'schedule', scheduleId: 's', userIds: [] } satisfies LayerTarget);
  });

  test('error classes form one hierarchy with typed fields', () => {
    expectTypeOf<ScalingNotFoundError>().toMatchTypeOf<ScalingAPIError>();
    expectTypeOf<ScalingAPIError>().toMatchTypeOf<ScalingError>();
    expectTypeOf<ScalingError>().toMatchTypeOf<Error>();
    expectTypeOf<ScalingAPIError['status']>().toBeNumber();
    expectTypeOf<ScalingAPIError['code']>().toEqualTypeOf<ErrorCode | (string & {}) | undefined>();
    expectTypeOf<ScalingAPIError['attempts']>().toBeNumber();
    expectTypeOf<ScalingValidationError['field']>().toBeString();
    expectTypeOf<ScalingValidationError['issues']>().toEqualTypeOf<readonly { path: string; message: string }[]>();
  });

  test('the mock’s test-facing API', () => {
    expectTypeOf<ScalingMock['clock']['now']>().returns.toEqualTypeOf<Date>();
    expectTypeOf<ScalingMock['clock']['advance']>().parameters.toEqualTypeOf<[number]>();
    expectTypeOf<ScalingMock['pages']>().returns.items.toHaveProperty('userId').toBeString();
    expectTypeOf<ScalingMock['fetch']>().toEqualTypeOf<typeof fetch>();
    // A snapshot goes back in as it came out; its header is typed, its state is not an API.
    expectTypeOf<ScalingMock['snapshot']>().returns.toEqualTypeOf<MockSnapshot>();
    expectTypeOf<ScalingMock['restore']>().parameters.toEqualTypeOf<[MockSnapshot]>();
    expectTypeOf<MockSnapshot['version']>().toEqualTypeOf<1>();
    expectTypeOf<MockSnapshot['state']>().toBeUnknown();
  });
});
