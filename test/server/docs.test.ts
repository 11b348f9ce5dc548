import { readFileSync } from 'node:fs';
import { expect, test } from 'vitest';
import * as z from 'zod/mini';
import type { MockServer, SeedInput, SeedSummary } from '@scaling-cloud/sdk/mocks/server';
import { DeleteResponse, IncidentResponse, LayerListResponse, LayerResponse, PolicyResponse } from '../../src/schemas/index.js';
import { curlExamples, requestLine, type DocExample } from './curl-docs.js';
import { control, curl, useMockServer } from './support.js';

/**
 * The curl commands of both API docs pages, run with the real curl against the standalone server.
 * Only the host and the ids change: the seed gives the docs' keys literally, names its users, schedules
 * and policies after the docs' ids, and the clock is moved to the instant each documented response shows,
 * so every documented field must come back with the documented value.
 */

const page = (name: string) => readFileSync(new URL(`./docs/${name}`, import.meta.url), 'utf8');
const reference = curlExamples(page('policy-layers-reference.txt'));
const guide = curlExamples(page('escalation-policy-guide.txt'));

/** The placeholder key each page's commands send; the seed makes it a real key, so it is sent as written. */
const keyOf = (examples: DocExample[]) => {
  const keys = new Set(examples.flatMap((example) => example.args.flatMap((arg) => /^Authorization: Bearer (\S+)$/i.exec(arg)?.[1] ?? [])));
  const [key, ...others] = keys;
  if (key === undefined || others.length > 0) throw new Error(`expected one key in the page's commands, found ${keys.size}`);
  return key;
};
const referenceKey = keyOf(reference);

const seed: SeedInput = {
  orgs: [
    {
      default: true,
      apiKey: referenceKey,
      users: [
        { ref: 'user_mgr001', firstName: 'Mina', lastName: 'Manager' },
        { ref: 'user_mgr002', firstName: 'Max', lastName: 'Manager' },
      ],
      schedules: [{ ref: 'a1b2c3d4-e5f6-7890-abcd-ef1234567890', name: 'Primary', layers: [{ participants: ['user_mgr001'] }] }],
      // The reorder example moves a users layer (a7b8…) that the page never creates: the seed does.
      policies: [
        {
          ref: 'd4e5f6a7-b8c9-0123-defa-234567890123',
          name: 'Reference policy',
          layers: [{ ackTimeoutMinutes: 10, target: { users: ['user_mgr001', 'user_mgr002'] } }],
        },
      ],
    },
    {
      name: 'Guide org',
      apiKey: keyOf(guide),
      adminRef: 'user_01jqm3xy4z5abc6de7fg',
      users: [{ ref: 'primary-oncall' }, { ref: 'secondary-oncall' }],
      schedules: [
        { ref: 'sched_01jqm5x3k8vz9e2f4g7h', name: 'Primary', layers: [{ participants: ['primary-oncall'] }] },
        { ref: 'sched_01jqm7c3d4ef5gh6ij7k', name: 'Secondary', layers: [{ participants: ['secondary-oncall'] }] },
      ],
    },
  ],
};

// The seeded layer's documented createdAt is the clock's start.
const ctx = useMockServer({ now: '2026-01-05T08:12:00.000Z', seed });

/** What each documented call answers: status and the shared response schema. */
const contracts: Array<{ method: string; path: RegExp; status: number; schema: z.core.$ZodType }> = [
  { method: 'POST', path: /\/escalation\/policies$/, status: 201, schema: PolicyResponse },
  { method: 'POST', path: /\/layers$/, status: 201, schema: LayerResponse },
  { method: 'PATCH', path: /\/layers\/[^/]+$/, status: 200, schema: LayerResponse },
  { method: 'DELETE', path: /\/layers\/[^/]+$/, status: 200, schema: DeleteResponse },
  { method: 'PUT', path: /\/layers\/order$/, status: 200, schema: LayerListResponse },
  { method: 'POST', path: /\/incidents$/, status: 201, schema: IncidentResponse },
];

/** The docs' ids (and orgs) → the server's, from the seed; creates add theirs as they run. */
const idsOf = (summary: SeedSummary): Map<string, string> => {
  const [referenceOrg, guideOrg] = summary.orgs;
  return new Map([
    ['org_2abc123def456', referenceOrg!.id],
    ['org_01jqm4ab2c3de5fg6hij', guideOrg!.id],
    ['a7b8c9d0-e1f2-3456-abcd-567890123456', referenceOrg!.policies[0]!.layerIds[0]!],
    ...Object.values(summary.refs).flatMap((refs) => Object.entries(refs)),
  ]);
};

const swapIds = (text: string, ids: Map<string, string>) =>
  [...ids].reduce((out, [docId, id]) => out.replace(new RegExp(`(?<![\\w-])${docId}(?![\\w-])`, 'g'), id), text);

const mapValues = (value: unknown, ids: Map<string, string>): unknown => {
  if (typeof value === 'string') return ids.get(value) ?? value;
  if (Array.isArray(value)) return value.map((item) => mapValues(item, ids));
  if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, mapValues(item, ids)]));
  return value;
};

/** The latest timestamp a documented response shows: the clock must read it when the call is made. */
const latestInstant = (value: unknown): number =>
  JSON.stringify(value)
    .match(/"(?:createdAt|updatedAt)":"([^"]+)"/g)
    ?.map((pair) => Date.parse(pair.split('":"')[1]!.slice(0, -1)))
    .reduce((a, b) => Math.max(a, b), 0) ?? 0;

const run = async (server: MockServer, example: DocExample, ids: Map<string, string>) => {
  const at = latestInstant(example.response);
  if (at > server.mock.clock.now().getTime()) {
    expect((await control(server, 'POST', '/clock/advance', { to: new Date(at).toISOString() })).status).toBe(200);
  }
  const args = example.args.slice(1).map((arg) => swapIds(arg.replaceAll('https://api.scaling.cloud', server.origin), ids));
  const { status, body } = await curl(args);
  const { method, url } = requestLine(example.args);
  const contract = contracts.find((c) => c.method === method && c.path.test(new URL(url).pathname));
  expect(contract, `no contract for ${method} ${url}`).toBeDefined();
  expect({ line: example.line, status, body }).toMatchObject({ status: contract!.status });
  const actual: unknown = JSON.parse(body);
  expect(z.safeParse(contract!.schema, actual).success).toBe(true);
  // A create's documented id stands for the one the server made.
  const doc = example.response as { data?: { id?: unknown } };
  const made = (actual as { data?: { id?: unknown } }).data?.id;
  if (typeof doc.data?.id === 'string' && !ids.has(doc.data.id) && typeof made === 'string') ids.set(doc.data.id, made);
  expect(actual).toMatchObject(mapValues(example.response, ids) as object);
  return actual;
};

test('the policy-layers reference: its four curl commands, run with curl, answer as documented', async () => {
  const { server } = ctx;
  await control(server, 'POST', '/reset');
  expect(reference.map((example) => requestLine(example.args).method)).toEqual(['POST', 'PATCH', 'DELETE', 'PUT']);
  const ids = idsOf(server.seed!);
  const [create, update, remove, reorder] = reference;
  // The reorder's documented response still lists the layer (with the PATCHed timeout): the delete comes last.
  for (const example of [create!, update!, reorder!, remove!]) await run(server, example, ids);
  const layers = await fetch(`${server.url}/escalation/policies/${server.seed!.refs.policies['d4e5f6a7-b8c9-0123-defa-234567890123']}/layers`, {
    headers: { authorization: `Bearer ${referenceKey}` },
  });
  expect(((await layers.json()) as { data: unknown[] }).data).toHaveLength(1);
});

test('the escalation-policy guide: its five curl commands answer as documented, and the incident escalates', async () => {
  const { server } = ctx;
  const before = server.seed;
  await control(server, 'POST', '/reset');
  expect(server.seed).toEqual(before); // The same seed makes the same ids again.
  expect(guide).toHaveLength(5);
  const ids = idsOf(server.seed!);
  const results = [];
  for (const example of guide) results.push(await run(server, example, ids));
  const incident = (results[3] as { data: { id: string } }).data;
  const { refs } = server.seed!;
  // Opened at 10:10; layer 1 (primary) had 5 minutes; the reorder came at 10:20.
  const { body } = await control(server, 'GET', `/pages?incidentId=${incident.id}`);
  expect(body.pages).toMatchObject([
    { userId: refs.users['primary-oncall'], position: 1, at: '2026-04-07T10:10:00.000Z', reason: 'escalation' },
    { userId: refs.users['secondary-oncall'], position: 2, at: '2026-04-07T10:15:00.000Z', reason: 'escalation' },
  ]);
});
