// Type tests of issue 16's "types that explain themselves", checked by tsc (vitest's `types` project and
// `npm run typecheck`). The names themselves (what a hover or an error message shows) are checked by
// test/slow/type-names.test.ts, which asks the TypeScript language service: a type test compares
// types structurally and cannot see a name.
import { describe, expectTypeOf, test } from 'vitest';
import type * as z from 'zod/mini';
import {
  type ErrorCode,
  type IncidentCreateParams,
  type IncidentDetail,
  type MemberList,
  type RequestOptions,
  Scaling,
  ScalingAPIError,
  type ScalingOptions,
  type ScheduleResolution,
  type ScheduleResolveParams,
  ScalingValidationError,
} from '@scaling-cloud/sdk';
import { ScalingPolicies, type ScalingOptions as PoliciesOptions } from '@scaling-cloud/sdk/policies';
import { ErrorCode as ErrorCodeSchema } from '@scaling-cloud/sdk/schemas';
import type { ClientOptions as ClientOptionsSchema, RequestOptions as RequestOptionsSchema } from '../src/core/request-options.js';

const scaling = new Scaling({ apiKey: 'scl_mock_types_only', baseUrl: 'http://127.0.0.1:9' });

describe('named request and response types', () => {
  test('the methods take and return the named types', () => {
    expectTypeOf(scaling.incidents.get).returns.resolves.toEqualTypeOf<IncidentDetail>();
    expectTypeOf(scaling.incidents.acknowledge).returns.resolves.toEqualTypeOf<IncidentDetail>();
    expectTypeOf(scaling.incidents.create).parameter(0).toEqualTypeOf<IncidentCreateParams>();
    expectTypeOf(scaling.schedules.resolve).parameter(1).toEqualTypeOf<ScheduleResolveParams | undefined>();
    expectTypeOf(scaling.schedules.resolve).returns.resolves.toEqualTypeOf<ScheduleResolution>();
    expectTypeOf(scaling.team.members.list).returns.resolves.toEqualTypeOf<MemberList>();
  });

  test('ScalingOptions and RequestOptions are exactly what the client accepts', () => {
    expectTypeOf<ConstructorParameters<typeof Scaling>>().toEqualTypeOf<[options?: ScalingOptions]>();
    expectTypeOf<ConstructorParameters<typeof ScalingPolicies>>().toEqualTypeOf<[options?: PoliciesOptions]>();
    // Written out for their TSDoc; the schemas are what the client checks at runtime. A field added to
    // one and not the other fails here.
    expectTypeOf<ScalingOptions>().toEqualTypeOf<z.input<typeof ClientOptionsSchema>>();
    expectTypeOf<RequestOptions>().toEqualTypeOf<z.input<typeof RequestOptionsSchema>>();
  });
});

describe('ScalingAPIError.code', () => {
  test('is one of the documented codes, or a newer string, or absent', () => {
    expectTypeOf<ScalingAPIError['code']>().toEqualTypeOf<ErrorCode | (string & {}) | undefined>();
    expectTypeOf<ErrorCode>().toEqualTypeOf<(typeof ErrorCodeSchema.options)[number]>();
    expectTypeOf<'incident_resolved'>().toExtend<ErrorCode>();
    expectTypeOf<'incident_resolve'>().not.toExtend<ErrorCode>();
  });

  test('satisfies ErrorCode, a switch over an ErrorCode and a map by code catch a misspelt code', () => {
    const check = (error: ScalingAPIError) => {
      // A comparison with a misspelt code compiles: `(string & {})` admits codes newer than the SDK.
      // This line is the limit of what the type can do, stated so that it cannot change unnoticed.
      expectTypeOf<'incident_resolve'>().toExtend<ScalingAPIError['code']>();
      if (error.code === ('incident_resolved' satisfies ErrorCode)) return 'resolved';
      // @ts-expect-error 'incident_resolve' is not a documented code
      if (error.code === ('incident_resolve' satisfies ErrorCode)) return 'typo';
      const code = error.code as ErrorCode;
      switch (code) {
        case 'name_conflict':
          return 'conflict';
        // @ts-expect-error a case that no ErrorCode can reach
        case 'incident_resolve':
          return 'typo';
      }
      const messages: Partial<Record<ErrorCode, string>> = {
        name_conflict: 'That name is taken.',
        // @ts-expect-error not a documented code
        incident_resolve: 'Already resolved.',
      };
      return messages[code];
    };
    expectTypeOf(check).returns.toEqualTypeOf<string | undefined>();
  });
});

test('ScalingValidationError.field names a field', () => {
  expectTypeOf<ScalingValidationError['field']>().toBeString();
});

// The main entry's internals are not exported under any name: each import below is an error, and
// tsc fails on an expect-error directive with no error to expect. The complete list of what the entry
// exports is reviewed in test/package/entry-exports.json (test/slow/type-names.test.ts).
// @ts-expect-error the transport is internal
import type { Http } from '@scaling-cloud/sdk';
// @ts-expect-error the helper type that strips index signatures is internal
import type { Known } from '@scaling-cloud/sdk';
// @ts-expect-error the response envelope helper is internal
import type { dataEnvelope } from '@scaling-cloud/sdk';
// @ts-expect-error the id-list helper is internal
import type { uniqueIds } from '@scaling-cloud/sdk';
// @ts-expect-error the rotation rule is internal (the mock shares it)
import type { rotationLengthProblem } from '@scaling-cloud/sdk';
// @ts-expect-error the path id schema is internal
import type { PathId } from '@scaling-cloud/sdk';
// @ts-expect-error the endpoint table's types are internal
import type { EndpointResult } from '@scaling-cloud/sdk';
// @ts-expect-error the routing rules' own types are internal (simulateRouting has its own)
import type { RuleIntegration } from '@scaling-cloud/sdk';
export type Unused = [Http, Known<string>, typeof dataEnvelope, typeof uniqueIds, typeof rotationLengthProblem, typeof PathId, EndpointResult<never>, RuleIntegration];
