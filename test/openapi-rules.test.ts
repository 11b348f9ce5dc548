import Ajv2020 from 'ajv/dist/2020.js';
import addFormatsModule from 'ajv-formats';
import { beforeAll, describe, expect, test } from 'vitest';
import * as z from 'zod/mini';
import { createScalingMock, type ScalingMock } from '../mocks/index.js';
import { refinementSites, ruleSchemasOf } from '../src/openapi/refinements.js';
import { buildOpenApiDocument } from '../src/openapi/document.js';
import { Scaling } from '../src/index.js';

/**
 * The rules the API's refinements enforce, stated in the document's JSON Schema (`minProperties`,
 * `uniqueItems`, `anyOf`, `if`/`then`, …): each request below is refused by the mock with the code
 * shown, and refused by the document's request schema too, while the same body with the rule kept
 * passes the document (so it is the rule that the document refuses, not something else).
 */

const addFormats = (addFormatsModule as unknown as { default: typeof addFormatsModule }).default ?? addFormatsModule;
const doc = buildOpenApiDocument({ version: '1.0.0' });
const DOC_ID = 'https://api.scaling.cloud/openapi.json';
const ajv = new Ajv2020({ strict: false, allErrors: true });
addFormats(ajv);
ajv.addSchema({ ...doc, $id: DOC_ID });

const escape = (part: string) => part.replaceAll('~', '~0').replaceAll('/', '~1');
/** The document's problems with `body` as the request body of `method path`. */
const documentProblems = (method: string, path: string, body: unknown): string[] => {
  const validate = ajv.getSchema(`${DOC_ID}#/paths/${escape(path)}/${method}/requestBody/content/application~1json/schema`);
  if (!validate) throw new Error(`no request body for ${method} ${path}`);
  return validate(body) ? [] : (validate.errors ?? []).map((error) => `${error.instancePath || '/'} ${error.message ?? ''}`);
};

type World = { mock: ScalingMock; ids: Record<string, string> };
type Case = {
  name: string;
  method: 'post' | 'put' | 'patch';
  /** The document's path template; `{name}` is filled from the world's ids. */
  path: string;
  body: (ids: Record<string, string>) => unknown;
  /** The same body with the rule kept: the document accepts it. */
  kept: (ids: Record<string, string>) => unknown;
  status: number;
  code: string;
  /** A word the mock's message must contain: the field or rule it names. */
  names: string;
};

const WEEKLY = { name: 'Week', rotationType: 'weekly', rotationLengthDays: 7, handoffTime: '09:00', effectiveFrom: '2026-04-06T09:00:00Z' };
const RULES = ['critical', 'high', 'medium', 'low'].map((severity) => ({ severity, outcome: 'drop', escalationPolicyId: null }));
const STEP = (ids: Record<string, string>, position: number) => ({ position, targetType: 'schedule', targetId: ids.scheduleId, escalateAfterSeconds: 300, condition: null });

const CASES: Case[] = [
  // Empty PATCH bodies: every update needs a field.
  ...(
    [
      ['/escalation/policies/{policyId}', { name: 'Renamed' }],
      ['/escalation/policies/{policyId}/layers/{policyLayerId}', { ackTimeoutMinutes: 7 }],
      ['/oncall/schedules/{scheduleId}', { description: 'x' }],
      ['/oncall/schedules/{scheduleId}/layers/{scheduleLayerId}', { handoffTime: '10:00' }],
      ['/components/{componentId}', { description: 'x' }],
      ['/working-hours/{workingHoursId}', { name: 'Renamed hours' }],
    ] as const
  ).map(([path, kept]): Case => ({ name: `an empty PATCH ${path}`, method: 'patch', path, body: () => ({}), kept: () => kept, status: 422, code: 'validation_error', names: 'at least one of' })),
  // Repeated ids.
  {
    name: 'a layer id twice in a policy reorder', method: 'put', path: '/escalation/policies/{policyId}/layers/order',
    body: (ids) => ({ layerIds: [ids.policyLayerId, ids.policyLayerId] }), kept: (ids) => ({ layerIds: [ids.policyLayerId] }),
    status: 400, code: 'invalid_reorder', names: 'repeat',
  },
  {
    name: 'a layer id twice in a schedule reorder', method: 'put', path: '/oncall/schedules/{scheduleId}/layers/order',
    body: (ids) => ({ layerIds: [ids.scheduleLayerId, ids.scheduleLayerId] }), kept: (ids) => ({ layerIds: [ids.scheduleLayerId] }),
    status: 400, code: 'invalid_reorder', names: 'repeat',
  },
  {
    name: 'a user twice in a users target', method: 'post', path: '/escalation/policies/{policyId}/layers',
    body: (ids) => ({ position: 1, ackTimeoutMinutes: 5, target: { type: 'users', userIds: [ids.userId, ids.userId] } }),
    kept: (ids) => ({ position: 1, ackTimeoutMinutes: 5, target: { type: 'users', userIds: [ids.userId] } }),
    status: 400, code: 'invalid_target', names: 'repeat',
  },
  {
    name: 'a participant twice', method: 'post', path: '/oncall/schedules/{scheduleId}/layers',
    body: (ids) => ({ ...WEEKLY, name: 'Twice', participantIds: [ids.userId, ids.userId] }),
    kept: (ids) => ({ ...WEEKLY, name: 'Twice', participantIds: [ids.userId] }),
    status: 422, code: 'validation_error', names: 'participantIds',
  },
  {
    name: 'a component twice on a new incident', method: 'post', path: '/incidents',
    body: (ids) => ({ title: 'Down', severity: 'high', escalationPolicyId: ids.policyId, componentIds: [ids.componentId, ids.componentId] }),
    kept: (ids) => ({ title: 'Down', severity: 'high', escalationPolicyId: ids.policyId, componentIds: [ids.componentId] }),
    status: 400, code: 'duplicate_component_id', names: 'componentIds',
  },
  {
    name: "a component twice in an incident's components", method: 'put', path: '/incidents/{incidentId}/components',
    body: (ids) => ({ componentIds: [ids.componentId, ids.componentId] }), kept: (ids) => ({ componentIds: [ids.componentId] }),
    status: 400, code: 'duplicate_component_id', names: 'componentIds',
  },
  {
    name: 'a day twice in a working-hours window', method: 'post', path: '/working-hours',
    body: () => ({ name: 'Twice', timezone: 'UTC', windows: [{ days: [1, 1], start: '09:00', end: '17:00' }] }),
    kept: () => ({ name: 'Twice', timezone: 'UTC', windows: [{ days: [1], start: '09:00', end: '17:00' }] }),
    status: 422, code: 'validation_error', names: 'days',
  },
  // Rotation lengths.
  ...(
    [
      ['post', '/oncall/schedules/{scheduleId}/layers', { ...WEEKLY, name: 'Five', participantIds: [] as string[] }, 'weekly', 5],
      ['put', '/oncall/schedules/{scheduleId}/layers/{scheduleLayerId}', { ...WEEKLY, participantIds: [] as string[] }, 'weekly', 14],
      ['patch', '/oncall/schedules/{scheduleId}/layers/{scheduleLayerId}', {}, 'weekly', 1],
      ['post', '/oncall/schedules/{scheduleId}/layers', { ...WEEKLY, name: 'Daily', participantIds: [] as string[] }, 'daily', 2],
    ] as const
  ).map(([method, path, base, rotationType, days]): Case => ({
    name: `${method.toUpperCase()} a ${rotationType} layer of ${days} days`, method, path,
    body: (ids) => ({ ...base, ...('participantIds' in base ? { participantIds: [ids.userId] } : {}), rotationType, rotationLengthDays: days }),
    kept: (ids) => ({ ...base, ...('participantIds' in base ? { participantIds: [ids.userId] } : {}), rotationType, rotationLengthDays: rotationType === 'weekly' ? 7 : 1 }),
    status: 422, code: 'validation_error', names: 'rotationLengthDays',
  })),
  // Incidents.
  {
    name: 'a resolution note without resolved', method: 'patch', path: '/incidents/{incidentId}/status',
    body: () => ({ status: 'identified', resolutionNote: 'Fixed' }), kept: () => ({ status: 'resolved', resolutionNote: 'Fixed' }),
    status: 422, code: 'validation_error', names: 'resolutionNote',
  },
  {
    name: 'an update with neither body nor status change', method: 'post', path: '/incidents/{incidentId}/updates',
    body: () => ({ visibility: 'internal' }), kept: () => ({ visibility: 'internal', body: 'Looking' }),
    status: 422, code: 'validation_error', names: 'at least one of body, statusChange',
  },
  {
    name: 'a public update without a body', method: 'post', path: '/incidents/{incidentId}/updates',
    body: () => ({ visibility: 'public', statusChange: 'identified' }), kept: () => ({ visibility: 'public', statusChange: 'identified', body: 'Found it' }),
    status: 422, code: 'validation_error', names: 'public update needs a body',
  },
  {
    name: 'an incident with no owner', method: 'post', path: '/incidents',
    body: () => ({ title: 'Down', severity: 'high' }), kept: (ids) => ({ title: 'Down', severity: 'high', ownerScheduleId: ids.scheduleId }),
    status: 400, code: 'owner_required', names: 'ownerId',
  },
  // Steps, routing rules and selectors.
  {
    name: 'steps out of order', method: 'post', path: '/escalation/policies',
    body: (ids) => ({ name: 'Stepped', steps: [STEP(ids, 2), STEP(ids, 1)] }), kept: (ids) => ({ name: 'Stepped', steps: [STEP(ids, 1), STEP(ids, 2)] }),
    status: 422, code: 'validation_error', names: 'position',
  },
  {
    name: 'escalateAfterSeconds not whole minutes', method: 'post', path: '/escalation/policies',
    body: (ids) => ({ name: 'Stepped', steps: [{ ...STEP(ids, 1), escalateAfterSeconds: 90 }] }), kept: (ids) => ({ name: 'Stepped', steps: [STEP(ids, 1)] }),
    status: 422, code: 'validation_error', names: 'escalateAfterSeconds',
  },
  {
    name: 'a severity twice in routing rules', method: 'post', path: '/routing/policies',
    body: () => ({ name: 'Twice', rules: [...RULES.slice(0, 3), { ...RULES[0] }] }), kept: () => ({ name: 'Twice', rules: RULES }),
    status: 422, code: 'validation_error', names: 'one rule per severity',
  },
  {
    name: 'severity as a selector key', method: 'put', path: '/integrations/inbound/{integrationId}/selectors',
    body: (ids) => ({ selectors: [{ matchers: [{ key: 'severity', value: 'high' }], routingPolicyId: ids.routingPolicyId }] }),
    kept: (ids) => ({ selectors: [{ matchers: [{ key: 'env', value: 'prod' }], routingPolicyId: ids.routingPolicyId }] }),
    status: 422, code: 'validation_error', names: 'severity',
  },
];

const buildWorld = async (): Promise<World> => {
  const mock = createScalingMock({ now: '2026-04-07T10:00:00.000Z' });
  const scaling = new Scaling({ apiKey: mock.apiKey, baseUrl: mock.baseUrl, fetch: mock.fetch, maxRetries: 0 });
  const schedule = mock.createSchedule({ name: 'Primary', layers: [{ participantIds: [mock.userId] }] });
  const policy = await scaling.policies.create({ name: 'Platform' });
  const layer = await scaling.policies.layers.create(policy.id, { position: 1, ackTimeoutMinutes: 5, target: { type: 'schedule', scheduleId: schedule.id } });
  const component = await scaling.components.create({ name: 'Checkout' });
  const hours = await scaling.workingHours.create({ name: 'Office', timezone: 'UTC', windows: [{ days: [1], start: '09:00', end: '17:00' }] });
  const incident = await scaling.incidents.create({ title: 'Slow', severity: 'low', escalationPolicyId: policy.id });
  const routing = await scaling.routingPolicies.create({ name: 'Paging', rules: RULES as never });
  const integration = mock.createInboundIntegration({ name: 'Datadog', componentId: component.id });
  const scheduleLayer = (await scaling.schedules.get(schedule.id)).layers[0]!;
  return {
    mock,
    ids: {
      userId: mock.userId, scheduleId: schedule.id, scheduleLayerId: scheduleLayer.id, policyId: policy.id, policyLayerId: layer.id,
      componentId: component.id, workingHoursId: hours.id, incidentId: incident.id, routingPolicyId: routing.id, integrationId: integration.id,
    },
  };
};

describe('what the mock refuses, the document refuses', () => {
  let world: World;
  beforeAll(async () => {
    world = await buildWorld();
  });

  test('the cases cover every kind of statement the document makes', () => {
    const kinds = JSON.stringify(doc.components.schemas);
    for (const keyword of ['"minProperties"', '"uniqueItems"', '"anyOf"', '"if"', '"then"', '"prefixItems"', '"multipleOf"', '"contains"', '"not"']) expect(kinds).toContain(keyword);
  });

  test.each(CASES.map((rule) => [rule.name, rule] as const))('%s', async (_, rule) => {
    const { mock, ids } = world;
    const url = `${mock.baseUrl}${rule.path.replace(/\{(\w+)\}/g, (_match, name: string) => ids[name] ?? ids[name.replace(/^(policy|schedule)Layer/, 'layer')]!)}`;
    const body = rule.body(ids);
    const response = await mock.fetch(new Request(url, {
      method: rule.method.toUpperCase(),
      headers: { authorization: `Bearer ${mock.apiKey}`, 'content-type': 'application/json' },
      body: JSON.stringify(body),
    }));
    const answer = (await response.json()) as { code: string; message: string };
    expect([response.status, answer.code], answer.message).toEqual([rule.status, rule.code]);
    expect(answer.message).toContain(rule.names);
    const template = rule.path.replace(/\{(policy|schedule)LayerId\}/, '{layerId}');
    expect(documentProblems(rule.method, template, body), 'the document accepts what the mock refuses').not.toEqual([]);
    expect(documentProblems(rule.method, template, rule.kept(ids)), 'the document refuses the body with the rule kept').toEqual([]);
  });
});

describe('the statements and the refinements agree', () => {
  test('a refinement with no statement, or a statement with no refinement, stops the document', () => {
    const Refined = z.strictObject({ a: z.optional(z.string()) }).check(z.refine((body) => body.a !== undefined, 'needs a'));
    expect(refinementSites({ Refined }, new Set()).map(({ site, count }) => [site, count])).toEqual([['Refined', 1]]);
    expect(() => ruleSchemasOf({ Refined }, {})).toThrow(/Refined: 1 refinement\(s\), 0 statement\(s\)/);
    expect(() => ruleSchemasOf({ Refined }, { Refined: [{ adds: { minProperties: 1 } }], 'Refined.a': [{ adds: { minLength: 1 } }] })).toThrow(/Refined\.a: stated, but no refinement is there/);
    expect(ruleSchemasOf({ Refined }, { Refined: [{ adds: { minProperties: 1 } }] }).get(Refined)).toEqual({ minProperties: 1 });
  });
});
