// The compatibility program: one ESM file, run unchanged by Node, Bun and Deno from a project that
// installed the packed tarball and one msw major (see run.mjs). It imports the package by its name,
// never the sources.
//
//   <runtime> program.mjs fetch    the client talks to the mock through `mock.fetch` (nothing intercepted)
//   <runtime> program.mjs server   the client uses the global `fetch`, intercepted by msw's `setupServer`
//   <runtime> program.mjs standalone   the client calls the standalone server (`@scaling-cloud/sdk/mocks/server`)
//                                      over real HTTP on a loopback port
//
// Either way: a policy with two layers, reordered, an incident under it, the virtual clock advanced,
// and the pages checked to the millisecond. The last line printed is one JSON object for run.mjs.
import { createRequire } from 'node:module';
import process from 'node:process';
import { Scaling, ScalingNotFoundError } from '@scaling-cloud/sdk';
import { createScalingMock } from '@scaling-cloud/sdk/mocks';

const mode = process.argv[2];
const require = createRequire(import.meta.url);
const mswVersion = require('msw/package.json').version;
const runtime =
  typeof globalThis.Deno !== 'undefined'
    ? `deno ${globalThis.Deno.version.deno}`
    : typeof globalThis.Bun !== 'undefined'
      ? `bun ${globalThis.Bun.version}`
      : `node ${process.versions.node}`;

const check = (condition, message) => {
  if (!condition) throw new Error(message);
};
const same = (actual, expected, what) =>
  check(JSON.stringify(actual) === JSON.stringify(expected), `${what}: expected ${JSON.stringify(expected)}, got ${JSON.stringify(actual)}`);

const scenario = async (mock, scaling) => {
  const [first, second] = [mock.createUser({ firstName: 'First' }), mock.createUser({ firstName: 'Second' })];
  const policy = await scaling.policies.create({ name: 'Compat' });
  const one = await scaling.policies.layers.create(policy.id, { position: 1, ackTimeoutMinutes: 5, target: { type: 'users', userIds: [first.id] } });
  const two = await scaling.policies.layers.create(policy.id, { position: 2, ackTimeoutMinutes: 10, target: { type: 'users', userIds: [second.id] } });

  // Reordered: the 10-minute layer for `second` now comes first, the 5-minute one for `first` second.
  const reordered = await scaling.policies.layers.reorder(policy.id, { layerIds: [two.id, one.id] });
  same(reordered.map((layer) => [layer.id, layer.position]), [[two.id, 1], [one.id, 2]], 'reorder');
  same((await scaling.policies.get(policy.id)).layers.map((layer) => layer.id), [two.id, one.id], 'layers after reorder');

  const incident = await scaling.incidents.create({ title: 'Checkout down', severity: 'critical', escalationPolicyId: policy.id });
  const pages = () => mock.pages({ incidentId: incident.id }).map((page) => [page.userId, page.position, page.at]);
  same(pages(), [[second.id, 1, '2026-04-07T10:00:00.000Z']], 'pages at +0');
  await mock.clock.advance(10 * 60_000 - 1);
  same(pages(), [[second.id, 1, '2026-04-07T10:00:00.000Z']], 'pages one millisecond before the timeout');
  await mock.clock.advance(1);
  same(
    pages(),
    [
      [second.id, 1, '2026-04-07T10:00:00.000Z'],
      [first.id, 2, '2026-04-07T10:10:00.000Z'],
    ],
    'pages at +10 min',
  );
  const detail = await scaling.incidents.get(incident.id);
  same([detail.escalation?.position, detail.escalation?.nextEscalationAt], [2, '2026-04-07T10:15:00.000Z'], 'escalation');

  const missing = await scaling.policies.get('pol_missing').catch((error) => error);
  check(missing instanceof ScalingNotFoundError, `expected ScalingNotFoundError, got ${missing}`);
};

const modes = {
  // The Node-only entry, over real HTTP (Bun and Deno implement node:http): the server's mock is the
  // state the HTTP API serves, so the scenario drives its clock and reads its pages directly.
  standalone: async () => {
    const { startMockServer } = await import('@scaling-cloud/sdk/mocks/server');
    const server = await startMockServer({ port: 0, now: '2026-04-07T10:00:00Z' });
    try {
      await scenario(server.mock, new Scaling({ apiKey: server.apiKey, baseUrl: server.url, maxRetries: 0 }));
    } finally {
      await server.close();
    }
  },
  // No interception at all: works wherever `Request` and `Response` do. Both sides on their default
  // base URL (the real API's), which mock.fetch answers without touching the network.
  fetch: async () => {
    const mock = createScalingMock({ now: '2026-04-07T10:00:00Z' });
    await scenario(mock, new Scaling({ apiKey: mock.apiKey, fetch: mock.fetch, maxRetries: 0 }));
  },
  // The README's setup: the client uses the global fetch, and msw's interception answers it.
  server: async () => {
    const { setupServer } = await import('msw/node');
    // A reserved name that never resolves: a request msw fails to intercept cannot reach a real host.
    const mock = createScalingMock({ now: '2026-04-07T10:00:00Z', baseUrl: 'https://api.scaling.test/v1' });
    const server = setupServer(...mock.handlers);
    // The README's setup: msw 2 reads onUnhandledRequest, msw 3 onUnhandledFrame (each ignores the
    // other's), so with both an unhandled request fails on either instead of reaching the network.
    server.listen({ onUnhandledRequest: 'error', onUnhandledFrame: 'error' });
    try {
      await scenario(mock, new Scaling({ apiKey: mock.apiKey, baseUrl: mock.baseUrl, maxRetries: 0 }));
    } finally {
      server.close();
    }
  },
};

const started = performance.now();
let result;
try {
  if (!modes[mode]) throw new Error(`usage: program.mjs ${Object.keys(modes).join('|')}`);
  await modes[mode]();
  result = { ok: true };
} catch (error) {
  result = { ok: false, error: error instanceof Error ? `${error.name}: ${error.message}` : String(error) };
}
console.log(JSON.stringify({ runtime, msw: mswVersion, mode, ...result, ms: Math.round(performance.now() - started) }));
process.exit(result.ok ? 0 : 1);
