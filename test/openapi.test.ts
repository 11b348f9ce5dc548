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
import { buildOpenApiDocument, type OpenApiDocument, type OpenApiOperation } from '../src/openapi/document.js';
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
/** Against the response documented for `status`; `4XX`/`5XX` are a `$ref` to the shared error response. */
const responseProblems = (method: string, path: string, value: unknown, status = successStatus(operation(method, path))) =>
  /^[45]XX$/.test(status)
    ? problems(value, 'components', 'responses', 'Error', 'content', 'application/json', 'schema')
    : problems(value, 'paths', path, method, 'responses', status, 'content', 'application/json', 'schema');

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

  test('has the server, the bearer scheme, the envelopes, 201 on create and the shared error body', () => {
    expect(doc.servers).toEqual([{ url: 'https://api.scaling.cloud/v1' }]);
    expect(doc.security).toEqual([{ bearerAuth: [] }]);
    expect(doc.components.securitySchemes.bearerAuth).toMatchObject({ type: 'http', scheme: 'bearer' });
    const create = operation('post', '/escalation/policies/{policyId}/layers');
    expect(create.responses['201']).toMatchObject({ content: { 'application/json': { schema: { $ref: '#/components/schemas/LayerResponse' } } } });
    expect(create.responses['4XX']).toEqual({ $ref: '#/components/responses/Error' });
    expect(create.responses['5XX']).toEqual({ $ref: '#/components/responses/Error' });
    expect(create.parameters).toEqual([
      { name: 'policyId', in: 'path', required: true, description: 'The escalation policy’s id.', schema: { type: 'string', minLength: 1 } },
    ]);
    expect(doc.components.schemas.LayerResponse).toMatchObject({ properties: { data: { $ref: '#/components/schemas/Layer' } }, required: ['data'] });
    expect(responseProblems('get', '/escalation/policies', { statusCode: 404, type: 'invalid_request_error', code: 'not_found', requestId: 'req_1' }, '4XX')).toEqual([]);
    expect(responseProblems('get', '/escalation/policies', { error: { message: 'nested' } }, '5XX')).not.toEqual([]);
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
      data: { id: 'pol_1', orgId: 'org_1', name: 'P', description: null, createdBy: 'u', createdAt: 't', updatedAt: 't', newField: 1 },
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
      const status = String(response.status) in documented ? String(response.status) : `${String(response.status)[0]}XX`;
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
    expect(found).toEqual([]);
  });

  test("why responses are described by their input side: as output, the guide's incident would fail", () => {
    // `io: 'output'` makes every field with a default required (the SDK always fills it in), but the
    // guide's response omits `affectedComponents`, `acknowledgedBy` and `acknowledgedAt` (README,
    // Decisions, "Incident shape": read leniently). The document follows the wire, not the SDK's output.
    const guideIncident = examples.find((example) => example.file === GUIDE && example.line === 125)?.json;
    const asOutput = new Ajv2020({ strict: false, allErrors: true }).compile(z.toJSONSchema(IncidentResponse, { io: 'output' }));
    expect(asOutput(guideIncident)).toBe(false);
    expect(asOutput.errors?.map((error) => error.params)).toEqual([
      { missingProperty: 'affectedComponents' },
      { missingProperty: 'acknowledgedBy' },
      { missingProperty: 'acknowledgedAt' },
    ]);
    expect(responseProblems('post', '/incidents', guideIncident)).toEqual([]);
  });
});
