// Installs the packed tarball in a fresh project, with that project's own msw, and runs the
// README's snippet through `import` and through `require`, for both entry points.
import { execFileSync, spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const root = resolve(import.meta.dirname, '../..');
const dir = mkdtempSync(join(tmpdir(), 'scaling-sdk-consumer-'));
const run = (command, args, cwd = dir) => execFileSync(command, args, { cwd, stdio: ['ignore', 'pipe', 'inherit'], encoding: 'utf8' });

const snippet = (load) => `
${load}
const mock = createScalingMock({ now: '2026-04-07T10:00:00Z' });
const server = setupServer(...mock.handlers);
server.listen({ onUnhandledRequest: 'error', onUnhandledFrame: 'error' });
const main = async () => {
  const scaling = new Scaling({ apiKey: mock.apiKey, baseUrl: mock.baseUrl });
  const schedule = mock.createSchedule({ name: 'Primary' });
  const policy = await scaling.policies.create({ name: 'Platform Default' });
  const first = await scaling.policies.layers.create(policy.id, { position: 1, ackTimeoutMinutes: 5, target: { type: 'schedule', scheduleId: schedule.id } });
  const second = await scaling.policies.layers.create(policy.id, { position: 2, ackTimeoutMinutes: 10, target: { type: 'users', userIds: [mock.userId] } });
  const layers = await scaling.policies.layers.reorder(policy.id, { layerIds: [second.id, first.id] });
  if (layers.map((l) => l.id).join() !== [second.id, first.id].join()) throw new Error('reorder failed');
  if (!LayerCreateParams.safeParse({ position: 0 }).success === false) throw new Error('schemas entry point broken');
  const error = await scaling.policies.get('pol_missing').catch((e) => e);
  if (!(error instanceof ScalingNotFoundError)) throw new Error('expected ScalingNotFoundError, got ' + error);
  console.log('ok', layers.length, 'layers');
};
main().finally(() => server.close()).catch((error) => { console.error(error); process.exit(1); });
`;

try {
  run('npm', ['pack', '--pack-destination', dir, '--silent'], root);
  const tarball = readdirSync(dir).find((name) => name.endsWith('.tgz'));
  writeFileSync(join(dir, 'package.json'), JSON.stringify({ name: 'consumer', private: true }));
  run('npm', ['install', '--no-audit', '--no-fund', '--loglevel=error', join(dir, tarball), 'msw@3', 'vitest@5']);
  writeFileSync(join(dir, 'esm.mjs'), snippet(`
import { Scaling, ScalingNotFoundError } from '@scaling-cloud/sdk';
import { LayerCreateParams } from '@scaling-cloud/sdk/schemas';
import { createScalingMock } from '@scaling-cloud/sdk/mocks';
import { setupServer } from 'msw/node';`));
  writeFileSync(join(dir, 'cjs.cjs'), snippet(`
const { Scaling, ScalingNotFoundError } = require('@scaling-cloud/sdk');
const { LayerCreateParams } = require('@scaling-cloud/sdk/schemas');
const { createScalingMock } = require('@scaling-cloud/sdk/mocks');
const { setupServer } = require('msw/node');`));
  // The single-resource client, from its own entry: the same calls and error classes as `Scaling`.
  const policiesSnippet = (load) => `
${load}
const mock = createScalingMock({ now: '2026-04-07T10:00:00Z' });
const server = setupServer(...mock.handlers);
server.listen({ onUnhandledRequest: 'error', onUnhandledFrame: 'error' });
const main = async () => {
  const scaling = new ScalingPolicies({ apiKey: mock.apiKey, baseUrl: mock.baseUrl });
  if (Object.keys(scaling).join() !== 'policies') throw new Error('expected policies only, got ' + Object.keys(scaling));
  const policy = await scaling.policies.create({ name: 'Platform Default' });
  const layer = await scaling.policies.layers.create(policy.id, { position: 1, ackTimeoutMinutes: 5, target: { type: 'users', userIds: [mock.userId] } });
  const synced = await scaling.policies.layers.sync(policy.id, [{ id: layer.id, ackTimeoutMinutes: 10, target: layer.target }]);
  if (synced.layers[0].ackTimeoutMinutes !== 10) throw new Error('sync failed');
  const error = await scaling.policies.get('pol_missing').catch((e) => e);
  if (!(error instanceof ScalingNotFoundError) || !(error instanceof RootNotFoundError)) throw new Error('expected ScalingNotFoundError, got ' + error);
  console.log('ok', synced.layers.length, 'layer');
};
main().finally(() => server.close()).catch((error) => { console.error(error); process.exit(1); });
`;
  writeFileSync(join(dir, 'policies.mjs'), policiesSnippet(`
import { ScalingPolicies, ScalingNotFoundError } from '@scaling-cloud/sdk/policies';
import { ScalingNotFoundError as RootNotFoundError } from '@scaling-cloud/sdk';
import { createScalingMock } from '@scaling-cloud/sdk/mocks';
import { setupServer } from 'msw/node';`));
  writeFileSync(join(dir, 'policies.cjs'), policiesSnippet(`
const { ScalingPolicies, ScalingNotFoundError } = require('@scaling-cloud/sdk/policies');
const { ScalingNotFoundError: RootNotFoundError } = require('@scaling-cloud/sdk');
const { createScalingMock } = require('@scaling-cloud/sdk/mocks');
const { setupServer } = require('msw/node');`));
  // The standalone server, from its own Node-only entry: a seeded server over real HTTP, called by the client.
  const serverSnippet = (load) => `
${load}
const main = async () => {
  const seed = { orgs: [{ default: true, apiKey: 'scl_mock_consumer', users: [{ ref: 'ana' }] }] };
  const server = await startMockServer({ port: 0, now: '2026-04-07T10:00:00Z', seed });
  try {
    if (server.apiKey !== 'scl_mock_consumer') throw new Error('the seed did not set the key: ' + server.apiKey);
    const scaling = new Scaling({ apiKey: server.apiKey, baseUrl: server.url, maxRetries: 0 });
    const policy = await scaling.policies.create({ name: 'Over HTTP' });
    if ((await scaling.policies.get(policy.id)).name !== 'Over HTTP') throw new Error('policy not served');
    const bad = (() => { try { parseSeed({ orgs: [{ users: [{ email: 'nope' }] }] }, { now: 0 }); } catch (e) { return e; } })();
    if (!(bad instanceof SeedError) || !/orgs\\[0\\]\\.users\\[0\\]\\.email/.test(bad.message)) throw new Error('expected a SeedError naming the field, got ' + bad);
    console.log('ok', server.url.replace(/:\\d+/, ':<port>'));
  } finally {
    await server.close();
  }
};
main().catch((error) => { console.error(error); process.exit(1); });
`;
  writeFileSync(join(dir, 'server.mjs'), serverSnippet(`
import { Scaling } from '@scaling-cloud/sdk';
import { SeedError, parseSeed, startMockServer } from '@scaling-cloud/sdk/mocks/server';`));
  writeFileSync(join(dir, 'server.cjs'), serverSnippet(`
const { Scaling } = require('@scaling-cloud/sdk');
const { SeedError, parseSeed, startMockServer } = require('@scaling-cloud/sdk/mocks/server');`));
  for (const file of ['esm.mjs', 'cjs.cjs', 'policies.mjs', 'policies.cjs', 'server.mjs', 'server.cjs']) {
    process.stdout.write(`consumer ${file}: ${run(process.execPath, [file])}`);
  }
  // A consumer's own test suite, on their vitest, with the escalation engine under the virtual clock.
  writeFileSync(join(dir, 'escalation.test.mjs'), `
import { setupServer } from 'msw/node';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { Scaling } from '@scaling-cloud/sdk';
import { createScalingMock } from '@scaling-cloud/sdk/mocks';

const mock = createScalingMock({ now: '2026-04-07T10:00:00Z' });
const server = setupServer(...mock.handlers);
beforeAll(() => server.listen({ onUnhandledRequest: 'error', onUnhandledFrame: 'error' }));
afterAll(() => server.close());

test('layer 2 is paged five minutes after layer 1', async () => {
  const scaling = new Scaling({ apiKey: mock.apiKey, baseUrl: mock.baseUrl });
  const [first, second] = [mock.createUser(), mock.createUser()];
  const policy = await scaling.policies.create({ name: 'P' });
  await scaling.policies.layers.create(policy.id, { position: 1, ackTimeoutMinutes: 5, target: { type: 'users', userIds: [first.id] } });
  await scaling.policies.layers.create(policy.id, { position: 2, ackTimeoutMinutes: 5, target: { type: 'users', userIds: [second.id] } });
  const incident = await scaling.incidents.create({ title: 'Down', severity: 'high', escalationPolicyId: policy.id });
  await mock.clock.advance(5 * 60_000);
  expect(mock.pages({ incidentId: incident.id }).map((page) => [page.userId, page.at])).toEqual([
    [first.id, '2026-04-07T10:00:00.000Z'],
    [second.id, '2026-04-07T10:05:00.000Z'],
  ]);
});
`);
  // The published types, checked the strict way a consumer may: every .d.ts, no skipLibCheck.
  writeFileSync(join(dir, 'types.ts'), `
import { Scaling, type Layer, type ScalingNotFoundError } from '@scaling-cloud/sdk';
import { ScalingPolicies, type LayerSyncResult, type Policy } from '@scaling-cloud/sdk/policies';
import { LayerCreateParams } from '@scaling-cloud/sdk/schemas';
import { createScalingMock, type ScalingMock } from '@scaling-cloud/sdk/mocks';
import { startMockServer, type MockServer, type MockServerOptions, type SeedInput, type SeedSummary } from '@scaling-cloud/sdk/mocks/server';
import '@scaling-cloud/sdk/mocks/vitest';
export const serve = async (seed: SeedInput): Promise<SeedSummary | null> => {
  const options: MockServerOptions = { port: 0, seed };
  const server: MockServer = await startMockServer(options);
  await server.close();
  return server.seed;
};
export const check = async (mock: ScalingMock): Promise<Layer[]> => {
  const scaling = new Scaling({ apiKey: mock.apiKey, fetch: mock.fetch });
  const params = LayerCreateParams.parse({ position: 1, ackTimeoutMinutes: 5, target: { type: 'users', userIds: ['u'] } });
  const error: ScalingNotFoundError | undefined = undefined;
  void error;
  await scaling.policies.layers.create('pol_1', params);
  return scaling.policies.layers.list('pol_1');
};
export const policiesOnly = async (apiKey: string): Promise<[Policy[], LayerSyncResult]> => {
  const scaling = new ScalingPolicies({ apiKey });
  return [await scaling.policies.list(), await scaling.policies.layers.sync('pol_1', [])];
};
export const mock = createScalingMock();
`);
  // The matchers' types, in an ES module (vitest's types are ESM): importing the entry adds them to \`expect\`.
  writeFileSync(join(dir, 'matchers.mts'), `
import { createScalingMock } from '@scaling-cloud/sdk/mocks';
import '@scaling-cloud/sdk/mocks/vitest';
import { expect } from 'vitest';
export const matchers = (mock = createScalingMock()) => {
  expect(mock).toHavePaged(mock.userId, { incidentId: 'inc_1', position: 2, at: '2026-04-07T10:05:00Z' });
  expect(mock).not.toHavePaged(mock.userId);
  expect(mock).not.toHaveExhausted('inc_1');
  // @ts-expect-error \`position\` is a number
  expect(mock).toHavePaged(mock.userId, { position: 'first' });
};
`);
  writeFileSync(join(dir, 'tsconfig.json'), JSON.stringify({
    compilerOptions: { strict: true, module: 'nodenext', moduleResolution: 'nodenext', target: 'es2023', skipLibCheck: false, noEmit: true, types: [] },
    files: ['types.ts', 'matchers.mts'],
  }));
  run(process.execPath, [join(root, 'node_modules/typescript/bin/tsc'), '-p', dir]);
  process.stdout.write('consumer types.ts, matchers.mts (tsc, skipLibCheck: false): ok\n');
  const vitest = run(process.execPath, [join(dir, 'node_modules/vitest/vitest.mjs'), 'run', '--reporter=dot']);
  if (!/1 passed/.test(vitest)) throw new Error(`the consumer's vitest file did not pass:\n${vitest}`);
  process.stdout.write('consumer escalation.test.mjs (vitest): 1 passed\n');
  // The documented standalone-server command, from the installed package's bin:
  // `npx -p @scaling-cloud/sdk -p msw scaling-mock --port 4010 --seed example` (here both are installed).
  const served = await new Promise((resolve, reject) => {
    // Its own process group: npx does not pass a signal on to the server it started, so the group is stopped whole.
    const child = spawn('npx', ['scaling-mock', '--port', '0', '--seed', 'example'], { cwd: dir, stdio: ['ignore', 'pipe', 'pipe'], detached: true });
    const stop = (signal) => {
      try {
        process.kill(-child.pid, signal);
      } catch {
        // already gone
      }
    };
    let out = '';
    let err = '';
    const timer = setTimeout(() => { stop('SIGKILL'); reject(new Error(`scaling-mock did not start:\n${out}${err}`)); }, 60_000);
    child.stderr.on('data', (chunk) => (err += chunk));
    child.stdout.on('data', async (chunk) => {
      out += chunk;
      if (!/Ctrl-C stops$/m.test(out)) return;
      clearTimeout(timer);
      try {
        const url = /listening on (http:\/\/\S+\/v1)$/m.exec(out)[1];
        const key = /^API key: (\S+)$/m.exec(out)[1];
        const policies = await (await fetch(`${url}/escalation/policies`, { headers: { authorization: `Bearer ${key}` } })).json();
        resolve({ seeded: /^seeded .*$/m.exec(out)?.[0], names: policies.data.map((policy) => policy.name) });
      } catch (error) {
        reject(error);
      } finally {
        stop('SIGTERM');
        // Whatever happens to the group, this script does not wait on its pipes.
        child.stdout.destroy();
        child.stderr.destroy();
        child.unref();
      }
    });
    child.on('exit', (code) => { clearTimeout(timer); if (code !== 0 && code !== null) reject(new Error(`scaling-mock exited ${code}:\n${out}${err}`)); });
  });
  if (served.names.join() !== 'Platform Default') throw new Error(`scaling-mock --seed example served ${JSON.stringify(served)}`);
  process.stdout.write(`consumer npx scaling-mock --seed example: ${served.seeded}\n`);
} finally {
  if (!process.env.KEEP) rmSync(dir, { recursive: true, force: true });
  else console.log(dir);
}
