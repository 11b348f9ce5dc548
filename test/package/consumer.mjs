// Installs the packed tarball in a fresh project, with that project's own msw, and runs the
// README's snippet through `import` and through `require`, for both entry points.
import { execFileSync } from 'node:child_process';
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
server.listen({ onUnhandledFrame: 'error' });
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
  run('npm', ['install', '--no-audit', '--no-fund', '--loglevel=error', join(dir, tarball), 'msw@3']);
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
  for (const file of ['esm.mjs', 'cjs.cjs']) {
    process.stdout.write(`consumer ${file}: ${run(process.execPath, [file])}`);
  }
} finally {
  if (!process.env.KEEP) rmSync(dir, { recursive: true, force: true });
  else console.log(dir);
}
