import { execFile } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { writeControlDocument, writeOpenApiDocument } from '../../src/openapi/write.js';
import { Scaling } from '../../src/index.js';
import { useMockServer } from './support.js';

/**
 * Clients generated from the two documents, as a user of another code base would make them:
 * `openapi-typescript` writes the types, `openapi-fetch` sends the requests, and nothing is typed by
 * hand. The programs are type-checked by tsc (strict, with `@ts-expect-error` where the documents'
 * rules must show in the types) and run against a real standalone server: the control client drives
 * the clock and reads the pages, the API client opens an incident and reads it back.
 *
 * The documents are written here from the sources, as `npm run build` writes them to dist/ (which
 * `npm test` builds only after the vitest run).
 */

const root = resolve(import.meta.dirname, '../..');
const run = promisify(execFile);
const npx = (args: string[], env: NodeJS.ProcessEnv = {}) =>
  run('npx', args, { cwd: root, env: { ...process.env, ...env }, maxBuffer: 16 * 1024 * 1024, timeout: 120_000 });

const ctx = useMockServer({ now: '2026-04-07T10:00:00.000Z', seed: { orgs: [{ default: true, users: [{ ref: 'primary' }, { ref: 'secondary' }] }] } });

/** Under the repository (in the ignored `.tmp/`), so that the programs resolve `openapi-fetch` from its node_modules. */
let dir = '';
beforeAll(() => {
  mkdirSync(join(root, '.tmp'), { recursive: true });
  dir = mkdtempSync(join(root, '.tmp', 'generated-clients-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const CONTROL_PROGRAM = `
import createClient from 'openapi-fetch';
import type { paths } from './control.js';

const control = createClient<paths>({ baseUrl: process.env.MOCK_ORIGIN, headers: { 'x-scaling-mock-control': '1' } });
const incidentId = process.env.INCIDENT_ID ?? '';

// Never called: what the generated types must refuse.
export const refused = () => {
  // @ts-expect-error the advance takes \`ms\` or \`to\`, not minutes
  void control.POST('/__mock/clock/advance', { body: { minutes: 5 } });
  // @ts-expect-error a page's reason is escalation or handoff
  void control.GET('/__mock/pages', { params: { query: { reason: 'email' } } });
  // @ts-expect-error position is a number
  void control.GET('/__mock/pages', { params: { query: { position: 'first' } } });
};

const before = await control.GET('/__mock/clock');
if (!before.data) throw new Error('no clock');
const advanced = await control.POST('/__mock/clock/advance', { body: { ms: 6 * 60_000 } });
const { data, error } = await control.GET('/__mock/pages', { params: { query: { incidentId } } });
if (error) throw new Error(error.message);
const pages = data.pages.map((page) => ({ userId: page.userId, position: page.position, at: page.at, reason: page.reason }));
const backwards = await control.POST('/__mock/clock/advance', { body: { to: '2026-04-07T09:00:00Z' } });
const unheaded = await createClient<paths>({ baseUrl: process.env.MOCK_ORIGIN }).GET('/__mock/clock');
console.log(JSON.stringify({
  start: before.data.now,
  now: advanced.data?.now,
  pages,
  backwards: [backwards.response.status, backwards.error?.code],
  unheaded: [unheaded.response.status, unheaded.error?.code],
}));
`;

const API_PROGRAM = `
import createClient from 'openapi-fetch';
import type { paths } from './api.js';

const api = createClient<paths>({ baseUrl: process.env.API_URL, headers: { authorization: \`Bearer \${process.env.API_KEY}\` } });

// Never called: the document's rules, as the generated types state them.
export const refused = () => {
  // @ts-expect-error an incident needs an owner: ownerId, ownerScheduleId or escalationPolicyId
  void api.POST('/incidents', { body: { title: 'Down', severity: 'high' } });
  // @ts-expect-error severity is one of four
  void api.POST('/incidents', { body: { title: 'Down', severity: 'urgent', ownerId: 'user_1' } });
};

const created = await api.POST('/incidents', { body: { title: 'Checkout down', severity: 'critical', ownerId: process.env.OWNER_ID ?? '' } });
if (!created.data) throw new Error(created.error?.message);
const read = await api.GET('/incidents/{incidentId}', { params: { path: { incidentId: created.data.data.id } } });
if (!read.data) throw new Error(read.error?.message);
// Required in the document: no guard for absence.
const components: string[] = read.data.data.affectedComponents.map((component) => component.name);
const missing = await api.GET('/incidents/{incidentId}', { params: { path: { incidentId: 'inc_missing' } } });
console.log(JSON.stringify({
  status: read.data.data.status,
  history: read.data.data.statusHistory.length,
  components,
  missing: [missing.response.status, missing.error?.code],
}));
`;

/** tsc on one program, strict, with the generated types and openapi-fetch's checked too (`skipLibCheck: false`). */
const typeCheck = (file: string) => {
  const config = `${file}.tsconfig.json`;
  const compilerOptions = { strict: true, noEmit: true, skipLibCheck: false, module: 'nodenext', moduleResolution: 'nodenext', target: 'es2022', types: ['node'] };
  writeFileSync(config, JSON.stringify({ compilerOptions, files: [file] }));
  return npx(['tsc', '-p', config]);
};

test('a client generated from mock-openapi.json drives the clock and reads the pages, with no hand-written type', { timeout: 120_000 }, async () => {
  const { server } = ctx;
  const document = writeControlDocument(join(dir, 'mock-openapi.json'));
  await npx(['openapi-typescript', document, '-o', join(dir, 'control.d.ts')]);
  const program = join(dir, 'control-program.ts');
  writeFileSync(program, CONTROL_PROGRAM);
  await expect(typeCheck(program)).resolves.toBeDefined();

  const scaling = new Scaling({ apiKey: server.apiKey, baseUrl: server.url, maxRetries: 0 });
  const [primary, secondary] = [server.seed!.refs.users.primary!, server.seed!.refs.users.secondary!];
  const policy = await scaling.policies.create({ name: 'Checkout' });
  await scaling.policies.layers.create(policy.id, { position: 1, ackTimeoutMinutes: 5, target: { type: 'users', userIds: [primary] } });
  await scaling.policies.layers.create(policy.id, { position: 2, ackTimeoutMinutes: 5, target: { type: 'users', userIds: [secondary] } });
  const incident = await scaling.incidents.create({ title: 'Down', severity: 'critical', escalationPolicyId: policy.id });

  const { stdout } = await npx(['tsx', program], { MOCK_ORIGIN: server.origin, INCIDENT_ID: incident.id });
  expect(JSON.parse(stdout)).toEqual({
    start: '2026-04-07T10:00:00.000Z',
    now: '2026-04-07T10:06:00.000Z',
    pages: [
      { userId: primary, position: 1, at: '2026-04-07T10:00:00.000Z', reason: 'escalation' },
      { userId: secondary, position: 2, at: '2026-04-07T10:05:00.000Z', reason: 'escalation' },
    ],
    backwards: [400, 'invalid_request_error'],
    unheaded: [403, 'control_header_required'],
  });
});

test('a client generated from openapi.json opens an incident and reads it back, the owner rule in its types', { timeout: 120_000 }, async () => {
  const { server } = ctx;
  const document = writeOpenApiDocument(join(dir, 'openapi.json'));
  await npx(['openapi-typescript', document, '-o', join(dir, 'api.d.ts')]);
  const program = join(dir, 'api-program.ts');
  writeFileSync(program, API_PROGRAM);
  await expect(typeCheck(program)).resolves.toBeDefined();

  const { stdout } = await npx(['tsx', program], { API_URL: server.url, API_KEY: server.apiKey, OWNER_ID: server.seed!.refs.users.primary! });
  expect(JSON.parse(stdout)).toEqual({ status: 'investigating', history: 1, components: [], missing: [404, 'not_found'] });
});
