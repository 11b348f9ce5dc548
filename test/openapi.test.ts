import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { Validator } from '@seriousme/openapi-schema-validator';
// The 2020-12 validator `@seriousme/openapi-schema-validator` itself runs on (its own dependency).
import Ajv2020 from 'ajv/dist/2020.js';
import addFormatsModule from 'ajv-formats';
import { describe, expect, test } from 'vitest';
import * as z from 'zod/mini';
import { createScalingMock } from '../mocks/index.js';
import { buildOpenApiDocument, type JsonSchema, type OpenApiDocument, type OpenApiOperation } from '../src/openapi/document.js';
import { ErrorCode } from '../src/schemas/errors.js';
import { endpoints } from '../src/endpoints/index.js';
import { OPENAPI_OUTPUT_PATH, renderOpenApiDocument, writeOpenApiDocument } from '../src/openapi/write.js';
import { IncidentResponse } from '../src/schemas/incidents.js';
import { Scaling, ScalingNotFoundError } from '../src/index.js';

const root = resolve(import.meta.dirname, '..');
/** The two docs pages, verbatim: the repo's copy (the standalone server's docs test reads it too), else the shared originals. */
const DOCS = [join(root, 'test/server/docs'), '/work/shared/api-docs'].find((dir) => existsSync(join(dir, 'policy-layers-reference.txt')))!;
const doc = buildOpenApiDocument({ version: '1.0.0' });

// ajv-formats is CommonJS: its default export arrives as the module object under ESM typing.
const addFormats = (addFormatsModule as unknown as { default: typeof addFormatsModule }).default ?? addFormatsModule;
const DOC_ID = 'https://api.scaling.cloud/openapi.json';
const ajv = new Ajv2020({ strict: false, allErrors: true });
addFormats(ajv);
ajv.addSchema({ ...doc, $id: DOC_ID });

/** A JSON pointer into the document, escaped as RFC 6901 says. */
const pointer = (...parts: string[]) => `#/${parts.map((part) => part.replaceAll('~', '~0').replaceAll('/', '~1')).join('/')}`;

/** Validates `value` against the schema at `parts` in the document; the errors as `path message` lines. */
const problems = (value: unknown, ...parts: string[]): string[] => {
  const validate = ajv.getSchema(`${DOC_ID}${pointer(...parts)}`);
  if (!validate) throw new Error(`no schema at ${parts.join(' ')}`);
  return validate(value) ? [] : (validate.errors ?? []).map((error) => `${error.instancePath || '/'} ${error.message ?? ''}`);
};

const operation = (method: string, path: string): OpenApiOperation => {
  const found = doc.paths[path]?.[method as keyof OpenApiDocument['paths'][string]];
  if (!found) throw new Error(`no ${method.toUpperCase()} ${path} in the document`);
  return found;
};
const successStatus = (op: OpenApiOperation) => Object.keys(op.responses).find((status) => status.startsWith('2'))!;
const requestProblems = (method: string, path: string, value: unknown) =>
  problems(value, 'paths', path, method, 'requestBody', 'content', 'application/json', 'schema');
/** Against the response documented for `status`: the operation's own, or the shared one it refers to. */
const responseProblems = (method: string, path: string, value: unknown, status = successStatus(operation(method, path))) => {
  const documented = operation(method, path).responses[status];
  if (!documented) throw new Error(`${method.toUpperCase()} ${path} documents no ${status}`);
  const shared = '$ref' in documented ? /^#\/components\/responses\/(\w+)$/.exec(documented.$ref)?.[1] : undefined;
  return shared !== undefined
    ? problems(value, 'components', 'responses', shared, 'content', 'application/json', 'schema')
    : problems(value, 'paths', path, method, 'responses', status, 'content', 'application/json', 'schema');
};

/** The documented template a concrete path (`/escalation/policies/pol_1/layers`) belongs to, for that method. */
const templateOf = (method: string, concrete: string): string => {
  const candidates = endpoints
    .filter((route) => route.method === method && new RegExp(`^${route.path.replace(/\{\w+\}/g, '[^/]+')}$`).test(concrete))
    // `…/layers/order` also matches `…/layers/{layerId}`: the more literal template wins.
    .sort((a, b) => b.path.replace(/\{\w+\}/g, '').length - a.path.replace(/\{\w+\}/g, '').length);
  const [best] = candidates;
  if (!best) throw new Error(`no documented route for ${method.toUpperCase()} ${concrete}`);
  return best.path;
};

describe('the document', () => {
  test('is a valid OpenAPI 3.1 document', async () => {
    const validator = new Validator();
    const result = await validator.validate(structuredClone(doc));
    expect(result.errors).toBeUndefined();
    expect(result.valid).toBe(true);
    expect(validator.version).toBe('3.1');
    // The validator is not a rubber stamp: a path must start with `/`.
    expect((await new Validator().validate({ ...structuredClone(doc), paths: { incidents: {} } })).valid).toBe(false);
  });

  test('has the servers, the bearer scheme, the envelopes, 201 on create and an error body per status', () => {
    expect(doc.servers.map((server) => server.url)).toEqual(['https://api.scaling.cloud/v1', 'http://127.0.0.1:4010/v1']);
    expect(doc.info.license).toEqual({ name: 'MIT', identifier: 'MIT' });
    expect(doc.info.contact.url).toMatch(/^https:\/\//);
    expect(doc.security).toEqual([{ bearerAuth: [] }]);
    expect(doc.components.securitySchemes.bearerAuth).toMatchObject({ type: 'http', scheme: 'bearer' });
    const create = operation('post', '/escalation/policies/{policyId}/layers');
    expect(create.responses['201']).toMatchObject({ content: { 'application/json': { schema: { $ref: '#/components/schemas/LayerResponse' } } } });
    expect(Object.keys(create.responses)).toEqual(['201', '400', '401', '404', '413', '414', '415', '422', '429', '500']);
    expect(create.responses['401']).toEqual({ $ref: '#/components/responses/Unauthorized' });
    expect(create.responses['500']).toEqual({ $ref: '#/components/responses/ServerError' });
    expect(create.parameters).toEqual([
      { name: 'policyId', in: 'path', description: 'The escalation policy’s id.', required: true, schema: { type: 'string', minLength: 1, not: { enum: ['.', '..'] } } },
    ]);
    expect(doc.components.schemas.LayerResponse).toMatchObject({ properties: { data: { $ref: '#/components/schemas/Layer' } }, required: ['data'] });
    const notFound = { statusCode: 404, type: 'invalid_request_error', code: 'not_found', message: 'No policy found with the given id.', requestId: 'req_1' };
    expect(responseProblems('get', '/escalation/policies/{policyId}', notFound, '404')).toEqual([]);
    // The code must be one the status can carry, and the status the one answered.
    expect(responseProblems('get', '/escalation/policies/{policyId}', { ...notFound, code: 'name_conflict' }, '404')).toEqual(['/code must be equal to one of the allowed values']);
    expect(responseProblems('get', '/escalation/policies/{policyId}', { ...notFound, statusCode: 409 }, '404')).toEqual(['/statusCode must be equal to constant']);
    expect(responseProblems('get', '/escalation/policies', { error: { message: 'nested' } }, '500')).not.toEqual([]);
    // Every create answers 201, everything else 200.
    for (const route of endpoints) expect(route.status, `${route.method} ${route.path}`).toBe((route.method === 'post' && route.name.endsWith('.create')) || route.name === 'team.members.invite' ? 201 : 200);
  });

  test('documents the incident list query and the resolve instant as query parameters', () => {
    const list = operation('get', '/incidents');
    expect(list.parameters?.map((parameter) => [parameter.name, parameter.in, parameter.required])).toEqual([
      ['status', 'query', false],
      ['severity', 'query', false],
      ['from', 'query', false],
      ['to', 'query', false],
      ['limit', 'query', false],
      ['cursor', 'query', false],
    ]);
    expect(list.parameters?.find((parameter) => parameter.name === 'limit')?.schema).toEqual({ type: 'integer', minimum: 1, maximum: 100 });
    expect(operation('get', '/oncall/schedules/{scheduleId}/resolve').parameters?.map((parameter) => parameter.name)).toEqual(['scheduleId', 'at']);
  });

  test('request bodies refuse unknown fields and out-of-range values; responses keep unknown fields', () => {
    const body = { position: 1, ackTimeoutMinutes: 5, target: { type: 'schedule', scheduleId: 'sched_1' } };
    expect(requestProblems('post', '/escalation/policies/{policyId}/layers', body)).toEqual([]);
    expect(requestProblems('post', '/escalation/policies/{policyId}/layers', { ...body, ackTimeoutMinutes: 10081 })).toEqual(['/ackTimeoutMinutes must be <= 10080']);
    expect(requestProblems('post', '/escalation/policies/{policyId}/layers', { ...body, target: { type: 'team', teamId: 't' } })).not.toEqual([]);
    expect(responseProblems('post', '/escalation/policies/{policyId}/layers', body)).toEqual(["/ must have required property 'data'"]);
    expect(requestProblems('post', '/escalation/policies', { name: 'P', nmae: 'typo' })).toEqual(['/ must NOT have additional properties']);
    expect(responseProblems('post', '/escalation/policies', {
      data: { id: 'pol_1', orgId: 'org_1', name: 'P', description: null, createdBy: 'u', createdAt: '2026-04-07T10:00:00.000Z', updatedAt: '2026-04-07T10:00:00.000Z', newField: 1 },
    })).toEqual([]);
  });

  test('is deterministic, and the writer puts it where package.json exports it', () => {
    expect(JSON.stringify(buildOpenApiDocument({ version: '1.0.0' }))).toBe(JSON.stringify(doc));
    expect(renderOpenApiDocument()).toBe(renderOpenApiDocument());
    const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { version: string; exports: Record<string, unknown>; scripts: Record<string, string> };
    expect(JSON.parse(renderOpenApiDocument()).info.version).toBe(pkg.version);
    expect(pkg.exports['./openapi.json']).toBe('./dist/openapi.json');
    expect(OPENAPI_OUTPUT_PATH).toBe(resolve(root, 'dist/openapi.json'));
    expect(pkg.scripts.build).toMatch(/&& tsup && tsx src\/openapi\/write\.ts$/);
    const dir = mkdtempSync(join(tmpdir(), 'scaling-openapi-'));
    try {
      const written = writeOpenApiDocument(join(dir, 'dist', 'openapi.json'));
      expect(readFileSync(written, 'utf8')).toBe(renderOpenApiDocument());
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

/** The codes the document lists for `status` of an operation (its own response, or the shared one it refers to). */
const documentedCodes = (method: string, path: string, status: number): string[] => {
  const response = operation(method, path).responses[String(status)];
  if (response === undefined) return [];
  const resolved = '$ref' in response ? doc.components.responses[response.$ref.split('/').pop()!] : response;
  const schema = resolved?.content?.['application/json'].schema as { allOf?: Array<{ properties?: { code?: { enum?: string[] } } }> } | undefined;
  return schema?.allOf?.[1]?.properties?.code?.enum ?? [];
};

/** Every property of a schema, with its path, through nested objects, arrays and `anyOf`. */
const propertiesOf = (schema: JsonSchema, path: string): Array<{ path: string; name: string; schema: JsonSchema }> => {
  const own = Object.entries(schema.properties ?? {}).flatMap(([name, inner]) =>
    typeof inner === 'boolean' ? [] : [{ path: `${path}.${name}`, name, schema: inner }, ...propertiesOf(inner, `${path}.${name}`)],
  );
  const items = schema.items && typeof schema.items === 'object' && !Array.isArray(schema.items) ? propertiesOf(schema.items, `${path}[]`) : [];
  const options = (schema.anyOf ?? []).flatMap((option) => (typeof option === 'boolean' ? [] : propertiesOf(option, path)));
  return [...own, ...items, ...options];
};

/** Response fields the document leaves optional, each with when it is absent. Anything else the server sends is required. */
const SOMETIMES_ABSENT: Record<string, string> = {
  'CreatedPolicy.layers': 'only when the request sent `steps`',
  'CreatedPolicy.steps': 'only when the request sent `steps`',
  'Step.userIds': 'only for a layer with a users target',
  'Layer.condition': 'only for a gated layer',
  ...Object.fromEntries(
    ['actorId', 'userId', 'userIds', 'position', 'layerId', 'fromPosition', 'from', 'to', 'fromUserId', 'toUserId', 'reason'].map((field) => [
      `AuditEntry.${field}`,
      'each kind of audit entry has its own fields',
    ]),
  ),
};

describe('what the document tells a reader and a generator', () => {
  test('a description on every operation, tag and parameter', () => {
    const operations = Object.values(doc.paths).flatMap((methods) => Object.values(methods));
    expect(operations.filter((op) => !op.description.trim()).map((op) => op.operationId)).toEqual([]);
    expect(doc.tags.filter((tag) => !tag.description.trim())).toEqual([]);
    expect(new Set(operations.flatMap((op) => op.tags))).toEqual(new Set(doc.tags.map((tag) => tag.name)));
    const parameters = operations.flatMap((op) => (op.parameters ?? []).map((parameter) => ({ op: op.operationId, ...parameter })));
    expect(parameters.length).toBeGreaterThan(50);
    expect(parameters.filter((parameter) => !parameter.description.trim())).toEqual([]);
  });

  test('every timestamp a response carries is a date-time', () => {
    const responses = Object.entries(doc.components.schemas).filter(([name]) => !name.endsWith('Params'));
    const timestamps = responses.flatMap(([name, schema]) => propertiesOf(schema, name)).filter(({ name }) => /(?:At|^at|^effective(?:From|Until))$/.test(name));
    expect(timestamps.length).toBeGreaterThan(25);
    const formatOf = (schema: JsonSchema) => schema.format ?? schema.anyOf?.map((option) => (typeof option === 'boolean' ? undefined : option.format)).find(Boolean);
    expect(timestamps.filter(({ schema }) => formatOf(schema) !== 'date-time').map(({ path }) => path)).toEqual([]);
  });

  test('responses: what the server always sends is required, and nothing has a default', () => {
    const responseSchemas = Object.entries(doc.components.schemas).filter(([, schema]) => schema.type === 'object' && schema.additionalProperties !== false);
    const optional = responseSchemas.flatMap(([name, schema]) =>
      Object.keys(schema.properties ?? {}).filter((field) => !(schema.required ?? []).includes(field)).map((field) => `${name}.${field}`),
    );
    expect(optional.sort()).toEqual(Object.keys(SOMETIMES_ABSENT).sort());
    expect(JSON.stringify(responseSchemas)).not.toContain('"default"');
    // What the SDK fills in when absent, the document requires: generated clients need no guard.
    expect(doc.components.schemas.Incident?.required).toEqual(expect.arrayContaining(['affectedComponents', 'acknowledgedBy', 'createdBy', 'escalationPolicyId']));
  });

  test('no error range: each error status is documented on its own, with its codes, all of them in ErrorCode', () => {
    const known = new Set<string>(ErrorCode.options);
    for (const [path, methods] of Object.entries(doc.paths)) {
      for (const [method, op] of Object.entries(methods)) {
        const statuses = Object.keys(op.responses);
        expect(statuses.filter((status) => !/^[1-5]\d\d$/.test(status)), op.operationId).toEqual([]);
        for (const status of statuses.filter((status) => Number(status) >= 400)) {
          const codes = documentedCodes(method, path, Number(status));
          expect(codes.length, `${op.operationId} ${status}`).toBeGreaterThan(0);
          expect(codes.filter((code) => !known.has(code)), `${op.operationId} ${status}`).toEqual([]);
        }
      }
    }
  });

  test('the codes the mock sends for a status are the ones the operation lists for it (a sample; the fuzz corpus checks every refusal)', async () => {
    const mock = createScalingMock({ now: '2026-04-07T10:00:00.000Z' });
    const scaling = new Scaling({ apiKey: mock.apiKey, baseUrl: mock.baseUrl, fetch: mock.fetch, maxRetries: 0 });
    const member = mock.createUser({ firstName: 'Mia', role: 'org:member' });
    const send = (method: string, path: string, init: { body?: string; type?: string; key?: string } = {}) =>
      mock.fetch(new Request(`${mock.baseUrl}${path}`, {
        method,
        headers: { authorization: `Bearer ${init.key ?? mock.apiKey}`, ...(init.body === undefined ? {} : { 'content-type': init.type ?? 'application/json' }) },
        ...(init.body === undefined ? {} : { body: init.body }),
      }));
    const component = await scaling.components.create({ name: 'Checkout' });
    const policy = await scaling.policies.create({ name: 'Platform' });
    const incident = await scaling.incidents.create({ title: 'Down', severity: 'high', escalationPolicyId: policy.id, componentIds: [component.id] });
    const update = await scaling.incidents.updates.create(incident.id, { body: 'Looking', visibility: 'internal' });
    await mock.clock.advance(10 * 60_000);
    const cases: Array<[string, string, Response]> = [
      ['get', '/escalation/policies/{policyId}', await send('GET', '/escalation/policies/pol_missing')],
      ['delete', '/components/{componentId}', await send('DELETE', `/components/${component.id}`)],
      ['get', '/incidents', await send('GET', '/incidents?cursor=nope')],
      ['get', '/team/members', await send('GET', '/team/members', { key: member.apiKey })],
      ['get', '/team/members', await send('GET', '/team/members', { key: 'scl_live_wrong' })],
      ['post', '/incidents/{incidentId}/updates/{updateId}/redact', await send('POST', `/incidents/${incident.id}/updates/${update.id}/redact`, { key: member.apiKey })],
      ['post', '/escalation/policies', await send('POST', '/escalation/policies', { body: JSON.stringify({ name: 'x'.repeat(1024 * 1024) }) })],
      ['post', '/escalation/policies', await send('POST', '/escalation/policies', { body: '{"name":"P"}', type: 'text/plain' })],
      ['post', '/escalation/policies', await send('POST', '/escalation/policies', { body: '{"name":' })],
      ['post', '/escalation/policies', await send('POST', '/escalation/policies', { body: '{"name":"Platform"}' })],
      ['post', '/incidents', await send('POST', '/incidents', { body: '{"title":"T","severity":"high"}' })],
      ['patch', '/incidents/{incidentId}/status', await send('PATCH', `/incidents/${incident.id}/status`, { body: '{"status":"resolved"}' })],
      ['put', '/escalation/policies/{policyId}/layers/order', await send('PUT', `/escalation/policies/${policy.id}/layers/order`, { body: '{"layerIds":["layer_x"]}' })],
    ];
    const seen = new Set<number>();
    for (const [method, path, response] of cases) {
      const body = (await response.json()) as { code: string };
      seen.add(response.status);
      expect(documentedCodes(method, path, response.status), `${method} ${path} ${response.status}`).toContain(body.code);
      expect(responseProblems(method, path, body, String(response.status))).toEqual([]);
    }
    expect([...seen].sort()).toEqual([400, 401, 403, 404, 409, 413, 415]);
  });
});

describe('drift guard', () => {
  test("the endpoint table is exactly the mock's routes", () => {
    const mock = createScalingMock();
    const served = mock.handlers
      // The front (faults and overrides), the 414 guard and the fallback take any method: they are no endpoints.
      .filter((handler) => typeof handler.info.method === 'string')
      .map((handler) => ({ method: String(handler.info.method).toLowerCase(), path: String(handler.info.path) }))
      .map(({ method, path }) => `${method} ${path.slice(mock.baseUrl.length).replace(/:(\w+)/g, '{$1}')}`);
    expect(served.length).toBe(mock.handlers.length - 3);
    expect([...endpoints.map((route) => `${route.method} ${route.path}`)].sort()).toEqual(served.sort());
  });

  test('the document has one operation per endpoint of the table, named by its SDK call', () => {
    const operations = Object.entries(doc.paths).flatMap(([path, methods]) =>
      Object.entries(methods).map(([method, operation]) => `${method} ${path} ${operation?.operationId}`),
    );
    expect(operations.sort()).toEqual(endpoints.map((endpoint) => `${endpoint.method} ${endpoint.path} ${endpoint.name}`).sort());
  });

  test('every SDK call lands on a documented route, with a documented status and a body that validates', async () => {
    const mock = createScalingMock({ now: '2026-04-07T10:00:00.000Z' });
    const seen = new Set<string>();
    const failures: string[] = [];
    const recording: typeof fetch = async (input, init) => {
      const request = new Request(input, init);
      const response = await mock.fetch(request);
      const method = request.method.toLowerCase();
      const path = templateOf(method, new URL(request.url).pathname.slice(new URL(mock.baseUrl).pathname.length));
      seen.add(`${method} ${path}`);
      const documented = operation(method, path).responses;
      const status = String(response.status);
      if (!(status in documented)) failures.push(`${method} ${path}: undocumented status ${response.status}`);
      else failures.push(...responseProblems(method, path, await response.clone().json(), status).map((problem) => `${method} ${path} ${response.status}: ${problem}`));
      return response;
    };
    const scaling = new Scaling({ apiKey: mock.apiKey, baseUrl: mock.baseUrl, fetch: recording, maxRetries: 0 });
    const colleague = mock.createUser({ firstName: 'Grace' });
    const leaver = mock.createUser({ firstName: 'Linus' });

    const policy = await scaling.policies.create({ name: 'Platform Default', description: 'Default' });
    await scaling.policies.list();
    await scaling.policies.update(policy.id, { name: 'Platform' });
    await scaling.policies.replace(policy.id, { name: 'Platform', description: 'Default', steps: [] });
    const onCall = mock.createSchedule({ name: 'Primary', layers: [{ participantIds: [mock.userId] }] });
    const first = await scaling.policies.layers.create(policy.id, { position: 1, ackTimeoutMinutes: 5, target: { type: 'schedule', scheduleId: onCall.id } });
    const second = await scaling.policies.layers.create(policy.id, { position: 2, ackTimeoutMinutes: 10, target: { type: 'users', userIds: [colleague.id] } });
    await scaling.policies.layers.update(policy.id, second.id, { ackTimeoutMinutes: 15 });
    await scaling.policies.layers.reorder(policy.id, { layerIds: [second.id, first.id] });
    await scaling.policies.layers.list(policy.id);
    await scaling.policies.get(policy.id);

    const component = await scaling.components.create({ name: 'Checkout', groupLabel: 'Payments' });
    const spare = await scaling.components.create({ name: 'Spare' });
    await scaling.components.list();
    await scaling.components.get(component.id);
    await scaling.components.update(component.id, { description: 'The checkout flow' });
    await scaling.components.delete(spare.id);

    const hours = await scaling.workingHours.create({ name: 'Office', timezone: 'Europe/London', windows: [{ days: [1, 2, 3, 4, 5], start: '09:00', end: '17:00' }] });
    const spareHours = await scaling.workingHours.create({ name: 'Spare', timezone: 'UTC', windows: [{ days: [7], start: '22:00', end: '06:00' }] });
    await scaling.workingHours.list();
    await scaling.workingHours.get(hours.id);
    await scaling.workingHours.update(hours.id, { windows: [{ days: [6, 7], start: '10:00', end: '14:00' }] });
    await scaling.workingHours.delete(spareHours.id);

    const incident = await scaling.incidents.create({ title: 'Checkout down', severity: 'critical', escalationPolicyId: policy.id });
    await scaling.incidents.list({ status: 'investigating', limit: 10, from: '2026-04-07' });
    await scaling.incidents.updateStatus(incident.id, { status: 'identified' });
    const update = await scaling.incidents.updates.create(incident.id, { body: 'Looking', visibility: 'internal' });
    await scaling.incidents.updates.list(incident.id);
    await scaling.incidents.updates.redact(incident.id, update.id);
    await scaling.incidents.acknowledge(incident.id);
    await scaling.incidents.handoff(incident.id, { targetUserId: colleague.id });
    await scaling.incidents.setComponents(incident.id, { componentIds: [component.id] });
    await scaling.incidents.get(incident.id);

    const schedule = await scaling.schedules.create({ name: 'Secondary', timezone: 'Europe/Paris' });
    await scaling.schedules.list();
    await scaling.schedules.update(schedule.id, { description: 'Backup' });
    const layer = { rotationType: 'weekly', rotationLengthDays: 7, handoffTime: '09:00', effectiveFrom: '2026-04-01T09:00:00+02:00' } as const;
    const day = await scaling.schedules.layers.create(schedule.id, { ...layer, name: 'Day', participantIds: [mock.userId, colleague.id] });
    const night = await scaling.schedules.layers.create(schedule.id, { ...layer, name: 'Night', participantIds: [colleague.id] });
    await scaling.schedules.layers.update(schedule.id, night.id, { handoffTime: '21:00' });
    await scaling.schedules.layers.replace(schedule.id, night.id, { ...layer, name: 'Night', handoffTime: '22:00', participantIds: [colleague.id], effectiveUntil: null });
    await scaling.schedules.replace(schedule.id, { name: 'Secondary', description: '', timezone: 'Europe/Paris' });
    await scaling.schedules.layers.reorder(schedule.id, { layerIds: [night.id, day.id] });
    await scaling.schedules.resolve(schedule.id, { at: new Date('2026-04-07T12:00:00Z') });
    await scaling.schedules.get(schedule.id);
    await scaling.schedules.layers.delete(schedule.id, night.id);
    await scaling.schedules.delete(schedule.id);

    await scaling.team.members.list();
    const invitation = await scaling.team.members.invite({ emailAddress: 'new@example.com', role: 'org:member' });
    await scaling.team.invitations.revoke(invitation.id);
    await scaling.team.members.updateRole(colleague.id, { role: 'org:admin' });
    await scaling.team.members.remove(leaver.id);
    await scaling.users.list();

    const routingRules = (['critical', 'high', 'medium', 'low'] as const).map((severity) => ({ severity, outcome: 'incident' as const, escalationPolicyId: policy.id }));
    const routing = await scaling.routingPolicies.create({ name: 'Paging', description: '', rules: routingRules });
    await scaling.routingPolicies.list();
    await scaling.routingPolicies.replace(routing.id, { name: 'Paging', rules: routingRules.map((rule) => ({ ...rule, outcome: 'drop' as const })) });
    const integration = mock.createInboundIntegration({ name: 'Datadog', componentId: component.id });
    await scaling.integrations.inbound.list();
    await scaling.integrations.inbound.setSelectors(integration.id, { selectors: [{ matchers: [{ key: 'env', value: 'prod' }], routingPolicyId: routing.id }] });
    await scaling.integrations.inbound.get(integration.id);
    await scaling.integrations.inbound.setSelectors(integration.id, { selectors: [] });
    await scaling.routingPolicies.get(routing.id);
    await scaling.routingPolicies.delete(routing.id);

    await scaling.policies.layers.delete(policy.id, first.id);
    await scaling.policies.delete(policy.id);
    await expect(scaling.policies.get('pol_missing')).rejects.toBeInstanceOf(ScalingNotFoundError);

    expect(failures).toEqual([]);
    expect([...seen].sort()).toEqual(endpoints.map((route) => `${route.method} ${route.path}`).sort());
  });
});

// ---------------------------------------------------------------------------------------------
// The official examples, read from the two documents as they are.

type Example = { file: string; line: number; json: unknown; kind: 'request' | 'response' | 'fragment' | 'standalone'; method?: string; path?: string };

/**
 * Finds every JSON example in a page, with the line it starts on: the body of a `curl` (`--data '{` /
 * `-d '{` to `}'`), the block after it (its response), one-line objects (fragments) and blocks with no
 * `curl` before them (standalone).
 */
const extractExamples = (file: string): Example[] => {
  const lines = readFileSync(join(DOCS, file), 'utf8').split('\n');
  const examples: Example[] = [];
  let curl: { method: string; path: string; answered: boolean } | undefined;
  const blockFrom = (start: number, first: string, isEnd: (line: string) => boolean) => {
    const text = [first];
    let index = start;
    while (!isEnd(lines[index] ?? '')) text.push(lines[++index] ?? '');
    return { text: text.join('\n'), end: index };
  };
  for (let index = 0; index < lines.length; index++) {
    const line = lines[index] ?? '';
    if (/^curl\b/.test(line)) {
      const command = `${line} ${lines[index + 1] ?? ''}`;
      const method = /(?:--request|-X) (\w+)/.exec(command)?.[1]?.toLowerCase() ?? 'get';
      const path = /https:\/\/api\.scaling\.cloud\/v1(\S+)/.exec(command)?.[1]?.replace(/[\\']+$/, '') ?? '';
      curl = { method, path: templateOf(method, path), answered: false };
      continue;
    }
    const data = /(?:--data|-d) '(\{.*)$/.exec(line);
    if (data && curl) {
      const { text, end } = blockFrom(index, data[1] ?? '', (next) => next.trimEnd().endsWith("}'"));
      examples.push({ file, line: index + 1, json: JSON.parse(text.replace(/'\s*$/, '')), kind: 'request', method: curl.method, path: curl.path });
      index = end;
      continue;
    }
    if (line === '{') {
      const { text, end } = blockFrom(index, line, (next) => next === '}');
      const json: unknown = JSON.parse(text);
      if (curl && !curl.answered) {
        examples.push({ file, line: index + 1, json, kind: 'response', method: curl.method, path: curl.path });
        curl.answered = true;
      } else {
        examples.push({ file, line: index + 1, json, kind: 'standalone' });
      }
      index = end;
      continue;
    }
    if (/^\{ ".*\}$/.test(line)) examples.push({ file, line: index + 1, json: JSON.parse(line), kind: 'fragment' });
  }
  return examples;
};

const REFERENCE = 'policy-layers-reference.txt';
const GUIDE = 'escalation-policy-guide.txt';
const LAYERS = '/escalation/policies/{policyId}/layers';

/**
 * The examples with no `curl` of their own, by where they are and what the prose says they are. A new
 * one in the docs fails the count below until it is placed here.
 */
const placed: Record<string, { what: string; check: (json: unknown) => string[] }> = {
  [`${REFERENCE}:45`]: { what: 'a schedule `target` of a layer create body', check: (json) => problems(json, 'components', 'schemas', 'LayerCreateParams', 'properties', 'target') },
  [`${REFERENCE}:47`]: { what: 'a users `target` of a layer create body', check: (json) => problems(json, 'components', 'schemas', 'LayerCreateParams', 'properties', 'target') },
  [`${GUIDE}:102`]: { what: 'a layer create body with a users target', check: (json) => requestProblems('post', LAYERS, json) },
};

/**
 * Responses the docs abridge: fields the API always sends (and the document requires) left out of
 * the example. Exactly these are missing; anything else wrong with the example still fails.
 */
const abridged: Record<string, readonly string[]> = {
  [`${GUIDE}:125`]: ['affectedComponents', 'acknowledgedBy', 'acknowledgedAt'],
};

describe('the official examples validate against the document', () => {
  const examples = [...extractExamples(REFERENCE), ...extractExamples(GUIDE)];

  test('every example is found (a new one in the docs must be looked at)', () => {
    const summary = examples.map((example) => `${example.file}:${example.line} ${example.kind} ${example.method ?? ''} ${example.path ?? ''}`.trim());
    expect(summary).toEqual([
      `${REFERENCE}:45 fragment`,
      `${REFERENCE}:47 fragment`,
      `${REFERENCE}:59 request post ${LAYERS}`,
      `${REFERENCE}:67 response post ${LAYERS}`,
      `${REFERENCE}:125 request patch ${LAYERS}/{layerId}`,
      `${REFERENCE}:128 response patch ${LAYERS}/{layerId}`,
      `${REFERENCE}:176 response delete ${LAYERS}/{layerId}`,
      `${REFERENCE}:217 request put ${LAYERS}/order`,
      `${REFERENCE}:223 response put ${LAYERS}/order`,
      `${GUIDE}:23 request post /escalation/policies`,
      `${GUIDE}:28 response post /escalation/policies`,
      `${GUIDE}:48 request post ${LAYERS}`,
      `${GUIDE}:57 response post ${LAYERS}`,
      `${GUIDE}:76 request post ${LAYERS}`,
      `${GUIDE}:85 response post ${LAYERS}`,
      `${GUIDE}:102 standalone`,
      `${GUIDE}:118 request post /incidents`,
      `${GUIDE}:125 response post /incidents`,
      `${GUIDE}:148 request put ${LAYERS}/order`,
      `${GUIDE}:155 response put ${LAYERS}/order`,
    ]);
  });

  test.each(examples.map((example) => [`${example.file}:${example.line} ${example.kind}`, example] as const))('%s', (_, example) => {
    const where = `${example.file}:${example.line}`;
    const found =
      example.kind === 'request' ? requestProblems(example.method!, example.path!, example.json)
      : example.kind === 'response' ? responseProblems(example.method!, example.path!, example.json)
      : placed[where]?.check(example.json);
    expect(found, `${where}: not placed in \`placed\``).toBeDefined();
    expect(found).toEqual((abridged[where] ?? []).map((field) => `/data must have required property '${field}'`));
  });

  test("the guide's incident leaves out three fields the mock always sends: the document requires them, the SDK reads it all the same", () => {
    // The document describes what the server sends (the output side of the SDK's parser: a field with
    // a default is always there), so generated clients need not guard against its absence. The SDK
    // still parses the guide's abridged answer (README, Decisions, "Incident shape": read leniently).
    const guideIncident = examples.find((example) => example.file === GUIDE && example.line === 125)?.json;
    expect(responseProblems('post', '/incidents', guideIncident)).toEqual([
      "/data must have required property 'affectedComponents'",
      "/data must have required property 'acknowledgedBy'",
      "/data must have required property 'acknowledgedAt'",
    ]);
    expect(z.parse(IncidentResponse, guideIncident).data).toMatchObject({ affectedComponents: [], acknowledgedBy: null, acknowledgedAt: null });
  });
});
