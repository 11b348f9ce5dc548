import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { Validator } from '@seriousme/openapi-schema-validator';
import Ajv2020 from 'ajv/dist/2020.js';
import addFormatsModule from 'ajv-formats';
import { expect, test } from 'vitest';
import { buildControlDocument, type ControlOperation } from '../../mocks/server/control-document.js';
import { controlEndpoints } from '../../mocks/server/control.js';
import { MOCK_OPENAPI_OUTPUT_PATH, renderControlDocument } from '../../src/openapi/write.js';
import { Scaling } from '../../src/index.js';
import { useMockServer } from './support.js';

/**
 * `mock-openapi.json`, the standalone server's test controls: one operation per entry of the control
 * table, the control header as its security, and every answer of a real server (each control called
 * once, and refused once) valid against it.
 */

const root = resolve(import.meta.dirname, '../..');
const doc = buildControlDocument({ version: '1.0.0' });
const addFormats = (addFormatsModule as unknown as { default: typeof addFormatsModule }).default ?? addFormatsModule;
const DOC_ID = 'https://127.0.0.1/mock-openapi.json';
const ajv = new Ajv2020({ strict: false, allErrors: true });
addFormats(ajv);
ajv.addSchema({ ...doc, $id: DOC_ID });
const escape = (part: string) => part.replaceAll('~', '~0').replaceAll('/', '~1');
const validateAt = (pointer: string, value: unknown): string[] => {
  const validate = ajv.getSchema(`${DOC_ID}#${pointer}`);
  if (!validate) throw new Error(`no schema at ${pointer}`);
  return validate(value) ? [] : (validate.errors ?? []).map((error) => `${error.instancePath || '/'} ${error.message ?? ''}`);
};
const operationOf = (method: string, path: string): ControlOperation => {
  const found = doc.paths[path]?.[method.toLowerCase() as 'get'];
  if (!found) throw new Error(`no ${method} ${path} in the control document`);
  return found;
};
/** Problems of `body` as the answer `status` of `method path` (its own response or the shared one it names). */
const answerProblems = (method: string, path: string, status: number, body: unknown): string[] => {
  const response = operationOf(method, path).responses[String(status)];
  if (!response) return [`${method} ${path}: status ${status} is not documented`];
  const base = '$ref' in response ? `/components/responses/${response.$ref.split('/').pop()}` : `/paths/${escape(path)}/${method.toLowerCase()}/responses/${status}`;
  return validateAt(`${base}/content/application~1json/schema`, body);
};
const bodyProblems = (path: string, body: unknown) => validateAt(`/paths/${escape(path)}/post/requestBody/content/application~1json/schema`, body);

const ctx = useMockServer({ now: '2026-04-07T10:00:00.000Z', seed: { orgs: [{ default: true, users: [{ ref: 'primary' }] }] } });

test('is a valid OpenAPI 3.1 document with one operation per control, the control header as its security, and the mock as its server', async () => {
  const result = await new Validator().validate(structuredClone(doc));
  expect(result.errors).toBeUndefined();
  const operations = Object.entries(doc.paths).flatMap(([path, methods]) => Object.entries(methods).map(([method, op]) => `${method.toUpperCase()} ${path} ${op.operationId}`));
  expect(operations.sort()).toEqual(controlEndpoints.map((entry) => `${entry.method} /__mock${entry.path} ${entry.name}`).sort());
  expect(doc.servers.map((server) => server.url)).toEqual(['http://127.0.0.1:4010']);
  expect(doc.components.securitySchemes.controlHeader).toMatchObject({ type: 'apiKey', in: 'header', name: 'x-scaling-mock-control' });
  expect(doc.security).toEqual([{ controlHeader: [] }]);
  expect(doc.info.license).toEqual({ name: 'MIT', identifier: 'MIT' });
  expect(JSON.parse(renderControlDocument()).info.version).toBe((JSON.parse(readFileSync(resolve(root, 'package.json'), 'utf8')) as { version: string }).version);
  expect(MOCK_OPENAPI_OUTPUT_PATH).toBe(resolve(root, 'dist/mock-openapi.json'));
  const pkg = JSON.parse(readFileSync(resolve(root, 'package.json'), 'utf8')) as { exports: Record<string, unknown> };
  expect(pkg.exports['./mock-openapi.json']).toBe('./dist/mock-openapi.json');
});

test('the header requirement is what the server enforces: every control but the page and its assets is 403 without it', async () => {
  const { server } = ctx;
  for (const entry of controlEndpoints) {
    const op = operationOf(entry.method, `/__mock${entry.path}`);
    const response = await fetch(`${server.origin}/__mock${entry.path}`, { method: entry.method });
    const text = await response.text();
    if (op.security?.length === 0) {
      expect([entry.name, response.status]).toEqual([entry.name, 200]);
    } else {
      expect([entry.name, response.status, JSON.parse(text).code]).toEqual([entry.name, 403, 'control_header_required']);
      expect(answerProblems(entry.method, `/__mock${entry.path}`, 403, JSON.parse(text))).toEqual([]);
    }
  }
});

test('every control, called on a real server, answers as the document says', async () => {
  const { server } = ctx;
  const call = async (method: string, path: string, init: { query?: string; body?: unknown; raw?: string } = {}) => {
    const response = await fetch(`${server.origin}/__mock${path}${init.query ?? ''}`, {
      method,
      headers: { 'x-scaling-mock-control': '1', ...(init.body === undefined && init.raw === undefined ? {} : { 'content-type': 'application/json' }) },
      ...(init.raw !== undefined ? { body: init.raw } : init.body === undefined ? {} : { body: JSON.stringify(init.body) }),
    });
    const type = response.headers.get('content-type') ?? '';
    const body = type.startsWith('application/json') ? ((await response.json()) as unknown) : await response.text();
    return { status: response.status, type, body };
  };
  const checked = new Set<string>();
  const expectDocumented = async (method: string, path: string, status: number, init: Parameters<typeof call>[2] = {}) => {
    const answer = await call(method, path, init);
    expect([method, path, answer.status], JSON.stringify(answer.body).slice(0, 300)).toEqual([method, path, status]);
    const media = Object.keys((operationOf(method, `/__mock${path}`).responses[String(status)] as { content?: object }).content ?? {});
    if (answer.type.startsWith('application/json')) expect(answerProblems(method, `/__mock${path}`, status, answer.body)).toEqual([]);
    else expect(media, `${method} ${path}: ${answer.type}`).toContain(answer.type.split(';')[0]);
    checked.add(`${method} ${path}`);
    return answer.body as Record<string, unknown>;
  };

  const scaling = new Scaling({ apiKey: server.apiKey, baseUrl: server.url, maxRetries: 0 });
  const primary = server.seed!.refs.users.primary!;
  const component = await scaling.components.create({ name: 'Checkout' });
  const policy = await scaling.policies.create({ name: 'Checkout' });
  await scaling.policies.layers.create(policy.id, { position: 1, ackTimeoutMinutes: 5, target: { type: 'users', userIds: [primary] } });
  const incident = await scaling.incidents.create({ title: 'Down', severity: 'critical', escalationPolicyId: policy.id });
  const integration = server.mock.createInboundIntegration({ name: 'Datadog', componentId: component.id });

  await expectDocumented('GET', '/clock', 200);
  await expectDocumented('POST', '/clock/advance', 200, { body: { ms: 6 * 60_000 } });
  await expectDocumented('POST', '/clock/advance', 400, { body: { ms: 1, to: '2026-04-07T11:00:00Z' } });
  await expectDocumented('POST', '/clock/advance', 400, { raw: '{' });
  const pages = await expectDocumented('GET', '/pages', 200, { query: `?incidentId=${incident.id}&position=1` });
  expect((pages.pages as unknown[]).length).toBe(1);
  await expectDocumented('GET', '/pages', 400, { query: '?colour=red' });
  await expectDocumented('POST', '/alerts', 200, { body: { integrationId: integration.id, severity: 'low' } });
  await expectDocumented('POST', '/alerts', 404, { body: { integrationId: 'int_missing', severity: 'low' } });
  await expectDocumented('POST', '/faults', 200, { body: { method: 'get', path: '/incidents/{incidentId}', status: 503, retryAfter: 1, times: 1 } });
  await expectDocumented('POST', '/faults', 200, { body: { pathPattern: '^/users$', delayMs: 1 } });
  await expectDocumented('POST', '/faults', 400, { body: { path: '/users', pathPattern: '^/users$', status: 500 } });
  await expectDocumented('DELETE', '/faults', 200);
  await expectDocumented('GET', '/requests', 200, { query: '?method=POST&status=201' });
  await expectDocumented('GET', '/requests', 400, { query: '?status=600' });
  await expectDocumented('GET', '/incidents', 200);
  await expectDocumented('GET', '/timeline', 200, { query: `?incidentId=${incident.id}` });
  await expectDocumented('GET', '/timeline', 200, { query: `?incidentId=${incident.id}&format=svg&width=600` });
  await expectDocumented('GET', '/timeline', 200, { query: `?incidentId=${incident.id}&format=text` });
  await expectDocumented('GET', '/timeline', 404, { query: '?incidentId=inc_missing' });
  await expectDocumented('GET', '/ui', 200);
  await expectDocumented('GET', '/ui/app.js', 200);
  await expectDocumented('GET', '/ui/style.css', 200);
  await expectDocumented('GET', '/seed', 200);
  const snapshot = await expectDocumented('GET', '/snapshot', 200);
  await expectDocumented('POST', '/restore', 200, { body: snapshot });
  await expectDocumented('POST', '/restore', 400, { body: { ...snapshot, version: 2 } });
  await expectDocumented('POST', '/reset', 200);
  expect([...checked].sort()).toEqual(controlEndpoints.map((entry) => `${entry.method} ${entry.path}`).sort());
  // The shared answers checked above too: a refusal of each kind lands on a documented status.
  const big = await call('POST', '/faults', { raw: `{"message":"${'x'.repeat(1024 * 1024)}"}` });
  expect(big.status).toBe(413);
  expect(answerProblems('POST', '/__mock/faults', 413, big.body)).toEqual([]);
});

test('what the server refuses in a control body, the document refuses too', async () => {
  const { server } = ctx;
  const refused: Array<[string, unknown]> = [
    ['/__mock/clock/advance', { ms: 1000, to: '2026-04-08T00:00:00Z' }],
    ['/__mock/clock/advance', {}],
    ['/__mock/faults', { path: '/users', pathPattern: '^/users$', status: 500 }],
    ['/__mock/faults', { path: '/users' }],
    ['/__mock/faults', { status: 500, network: 'reset' }],
    ['/__mock/faults', { method: 'FETCH', status: 500 }],
    ['/__mock/faults', { path: 'users', status: 500 }],
    ['/__mock/faults', { path: '/incidents/{id}', status: 500 }],
    ['/__mock/faults', { delayMs: 5, code: 'slow' }],
    ['/__mock/faults', { afterWrite: true, network: 'reset', message: 'lost' }],
    ['/__mock/faults', { status: 404 }],
    ['/__mock/faults', { status: 500, retryAfter: 1 }],
    ['/__mock/faults', { pathPattern: '(', status: 500 }],
  ];
  for (const [path, body] of refused) {
    const response = await fetch(`${server.origin}${path}`, { method: 'POST', headers: { 'x-scaling-mock-control': '1', 'content-type': 'application/json' }, body: JSON.stringify(body) });
    expect([path, body, response.status]).toEqual([path, body, 400]);
    expect(bodyProblems(path, body), `${path} ${JSON.stringify(body)}`).not.toEqual([]);
  }
  // And what it takes, the document takes.
  const taken = [
    ['/__mock/clock/advance', { ms: 0 }],
    ['/__mock/faults', { method: 'post', path: '/incidents/{incidentId}', afterWrite: true, message: 'lost after the write' }],
    ['/__mock/faults', { status: 503, retryAfter: 2 }],
    ['/__mock/faults', { status: 404, code: 'not_found', pathPattern: '^/users$' }],
    ['/__mock/faults', { status: 429 }],
  ] as const;
  for (const [path, body] of taken) {
    expect(bodyProblems(path, body)).toEqual([]);
  }
  // A snapshot is the restore's body.
  const snapshot = await (await fetch(`${server.origin}/__mock/snapshot`, { headers: { 'x-scaling-mock-control': '1' } })).json();
  expect(bodyProblems('/__mock/restore', snapshot)).toEqual([]);
  expect(bodyProblems('/__mock/restore', { ...snapshot, format: 'something else' })).not.toEqual([]);
});
