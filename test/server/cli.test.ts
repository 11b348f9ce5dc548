import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, expect, test } from 'vitest';
import { createScalingMock } from '../../mocks/index.js';
import { Scaling } from '../../src/index.js';
import { ErrorBody, PolicyListResponse } from '../../src/schemas/index.js';
import { exampleSeed } from '../../mocks/server/example-seed.js';

/** The CLI from source through tsx's loader: no build needed, and signals reach the server itself. */
const root = fileURLToPath(new URL('../..', import.meta.url));
const cliArgs = (args: string[]) => ['--import', 'tsx', 'mocks/server/cli.ts', ...args];

const children = new Set<ChildProcess>();
afterEach(() => {
  for (const child of children) if (child.exitCode === null) child.kill('SIGKILL');
  children.clear();
});

/** Starts the CLI and resolves once it has printed its banner. */
const start = (args: string[]) =>
  new Promise<{ child: ChildProcess; stdout: string; url: string; key: string; exited: Promise<number | null> }>((resolve, reject) => {
    const child = spawn(process.execPath, cliArgs(args), { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] });
    children.add(child);
    const exited = new Promise<number | null>((done) => child.once('exit', (code) => done(code)));
    let stdout = '';
    let stderr = '';
    child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.stdout!.on('data', (chunk: Buffer) => {
      stdout += chunk.toString();
      const url = /listening on (http:\/\/\S+\/v1)$/m.exec(stdout)?.[1];
      const key = /^API key: (\S+)$/m.exec(stdout)?.[1];
      if (url && key && /Ctrl-C stops$/m.test(stdout)) resolve({ child, stdout, url, key, exited });
    });
    void exited.then((code) => reject(new Error(`scaling-mock exited (${code}) before serving: ${stderr}`)));
  });

/** Runs the CLI to its end. */
const run = (args: string[]) =>
  new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve) => {
    execFile(process.execPath, cliArgs(args), { cwd: root, timeout: 20_000 }, (error, stdout, stderr) => {
      const code = error ? (typeof error.code === 'number' ? error.code : null) : 0;
      resolve({ code, stdout, stderr });
    });
  });

const stops = async (child: ChildProcess, exited: Promise<number | null>, signal: NodeJS.Signals) => {
  const sent = Date.now();
  child.kill(signal);
  const code = await exited;
  return { code, ms: Date.now() - sent };
};

test('it prints its URL and key, serves the API, and exits 0 promptly on SIGTERM with a connection open', async () => {
  const { child, url, key, stdout, exited } = await start(['--port', '0', '--api-key', 'scl_mock_cli', '--now', '2026-04-07T10:00:00Z']);
  expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/v1$/);
  expect(key).toBe('scl_mock_cli');
  expect(stdout).toContain('clock: 2026-04-07T10:00:00.000Z');
  expect(stdout).toMatch(/^timeline page: http:\/\/127\.0\.0\.1:\d+\/__mock\/ui$/m);
  const response = await fetch(`${url}/escalation/policies`, { headers: { authorization: `Bearer ${key}`, connection: 'keep-alive' } });
  expect(PolicyListResponse.parse(await response.json()).data).toEqual([]);
  const { code, ms } = await stops(child, exited, 'SIGTERM');
  expect(code).toBe(0);
  expect(ms).toBeLessThan(2_000);
  await expect(fetch(`${url}/escalation/policies`)).rejects.toThrow();
});

test('with the example seed it prints what the seed made, serves its keys, and stops on SIGINT', async () => {
  const { child, url, stdout, exited } = await start(['--port', '0', '--seed', 'examples/seed.json', '--now', '2026-04-07T10:00:00Z']);
  expect(stdout).toMatch(/^API key: scl_mock_acme_admin$/m);
  expect(stdout).toContain('seeded 2 orgs, 5 users, 2 schedules, 1 policy (3 layers)');
  expect(stdout).toMatch(/user alice user_\w+ org:member key scl_mock_acme_alice/);
  const response = await fetch(`${url}/escalation/policies`, { headers: { authorization: 'Bearer scl_mock_other_admin' } });
  expect(PolicyListResponse.parse(await response.json()).data).toEqual([]);
  const acme = await fetch(`${url}/escalation/policies`, { headers: { authorization: 'Bearer scl_mock_acme_alice' } });
  expect(PolicyListResponse.parse(await acme.json()).data.map((policy) => policy.name)).toEqual(['Platform Default']);
  expect((await stops(child, exited, 'SIGINT')).code).toBe(0);
});

test('--seed example is the example seed, built in: the documented command needs no file, and its keys are made on each start', async () => {
  // The built-in seed is the file's, its fixed keys aside.
  const withoutKeys = (value: unknown): unknown =>
    Array.isArray(value)
      ? value.map(withoutKeys)
      : typeof value === 'object' && value !== null
        ? Object.fromEntries(Object.entries(value).filter(([key]) => key !== 'apiKey').map(([key, item]) => [key, withoutKeys(item)]))
        : value;
  expect(exampleSeed).toEqual(withoutKeys(JSON.parse(readFileSync(join(root, 'examples/seed.json'), 'utf8'))));

  const { child, stdout, url, key, exited } = await start(['--port', '0', '--seed', 'example', '--now', '2026-04-07T10:00:00Z']);
  expect(stdout).toContain('seeded 2 orgs, 5 users, 2 schedules, 1 policy (3 layers)');
  expect(key).toMatch(/^scl_mock_\w{20,}$/);
  expect(stdout).not.toContain('scl_mock_acme');
  const acme = await fetch(`${url}/escalation/policies`, { headers: { authorization: `Bearer ${key}` } });
  expect(PolicyListResponse.parse(await acme.json()).data.map((policy) => policy.name)).toEqual(['Platform Default']);
  expect((await stops(child, exited, 'SIGTERM')).code).toBe(0);
});

test('--realtime --speed N: the clock moves on its own', async () => {
  const { child, url, exited } = await start(['--port', '0', '--realtime', '--speed', '60000', '--now', '2026-04-07T10:00:00Z']);
  const origin = url.replace(/\/v1$/, '');
  await new Promise((resolve) => setTimeout(resolve, 100));
  const { now } = (await (await fetch(`${origin}/__mock/clock`, { headers: { 'x-scaling-mock-control': '1' } })).json()) as { now: string };
  expect(Date.parse(now) - Date.parse('2026-04-07T10:00:00Z')).toBeGreaterThan(60_000);
  expect((await stops(child, exited, 'SIGTERM')).code).toBe(0);
});

test.concurrent.each([
  [['--port', 'abc'], '--port must be an integer from 0 to 65535'],
  [['--port', '70000'], '--port must be an integer from 0 to 65535'],
  [['--prot', '4010'], "Unknown option '--prot'"],
  [['4010'], 'positional'],
  [['--speed', '10'], '--speed needs --realtime'],
  [['--realtime', '--speed', '0'], '--speed must be a positive number'],
  [['--realtime', '--speed', '1e300'], '--speed must be a positive number, at most 1000000'],
  [['--now', '+010000-01-01T00:00:00Z'], '--now must be'],
  [['--now', '9999-06-01T00:00:00Z'], '--now must be from 1970-01-01T00:00:00Z to 9999-01-01T00:00:00Z'],
  [['--now', 'yesterday'], '--now must be an ISO 8601 datetime'],
  [['--api-key', 'two words'], '--api-key must be 1 to 256 visible ASCII characters'],
  [['--id-seed', '4294967296'], '--id-seed must be an integer from 0 to 4294967295'],
  [['--control-token', 'two words'], '--control-token must be 1 to 256 visible ASCII characters'],
  [['--allowed-host', 'a.example', '--allow-any-host'], '--allowed-host and --allow-any-host exclude each other'],
  [['--state', 'state.json', '--seed', 'seed.json'], '--state cannot be combined with --seed: the state file holds the orgs, the keys and the clock itself'],
  [['--state', 'state.json', '--api-key', 'scl_mock_x', '--now', '2026-04-07T10:00:00Z'], '--state cannot be combined with --api-key, --now'],
])('bad arguments %j: a clear message and the usage on stderr, exit 2', async (args, message) => {
  const { code, stderr } = await run(args);
  expect(code).toBe(2);
  expect(stderr).toContain(message);
  expect(stderr).toContain('Usage: scaling-mock');
});

test('listening beyond loopback warns on stderr, and the control token keeps the controls closed', async () => {
  const child = spawn(process.execPath, cliArgs(['--port', '0', '--host', '0.0.0.0']), { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] });
  children.add(child);
  let stderr = '';
  child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  await expect.poll(() => stderr, { timeout: 20_000 }).toContain('warning: listening on 0.0.0.0, beyond this machine');
  expect(stderr).toContain('set --control-token');
  child.kill('SIGTERM');
});

test('--help prints the usage and exits 0', async () => {
  const { code, stdout } = await run(['--help']);
  expect(code).toBe(0);
  expect(stdout).toMatch(/^Usage: scaling-mock \[--port 4010\]/);
  expect(stdout).toContain('POST /__mock/clock/advance');
  expect(stdout).toContain('Timeline page: open /__mock/ui in a browser');
});

test('a bad seed file: exit 1, and stderr names the file and the field', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'scaling-mock-seed-'));
  const bad = join(dir, 'bad.json');
  writeFileSync(bad, JSON.stringify({ orgs: [{ users: [{}, {}, { email: 'not-an-email' }], policies: [{ name: 'P', layers: [{ ackTimeoutMinutes: 5, target: { schedule: 'nope' } }] }] }] }));
  const invalid = await run(['--port', '0', '--seed', bad]);
  expect(invalid.code).toBe(1);
  expect(invalid.stderr).toContain(`invalid seed file ${bad}:`);
  expect(invalid.stderr).toContain('orgs[0].users[2].email: must be a valid email address');
  expect(invalid.stdout).not.toContain('listening');

  const notJson = join(dir, 'not.json');
  writeFileSync(notJson, '{ orgs: [] }');
  const broken = await run(['--port', '0', '--seed', notJson]);
  expect(broken.code).toBe(1);
  expect(broken.stderr).toContain(`the seed file ${notJson} is not valid JSON`);

  const missing = await run(['--port', '0', '--seed', join(dir, 'missing.json')]);
  expect(missing.code).toBe(1);
  expect(missing.stderr).toContain('cannot read the seed file');
});

test('--state FILE: it starts from the snapshot, with its key and clock, and says so', async () => {
  const mock = createScalingMock({ now: '2026-04-07T10:30:00Z', apiKey: 'scl_mock_from_state' });
  await new Scaling({ apiKey: mock.apiKey, fetch: mock.fetch, maxRetries: 0 }).policies.create({ name: 'From the state file' });
  const file = join(mkdtempSync(join(tmpdir(), 'scaling-mock-state-')), 'state.json');
  writeFileSync(file, JSON.stringify(mock.snapshot()));
  const { child, url, key, stdout, exited } = await start(['--port', '0', '--state', file]);
  expect(key).toBe('scl_mock_from_state');
  expect(stdout).toContain('clock: 2026-04-07T10:30:00.000Z');
  expect(stdout).toContain(`state: restored from ${file}`);
  const response = await fetch(`${url}/escalation/policies`, { headers: { authorization: `Bearer ${key}` } });
  expect(PolicyListResponse.parse(await response.json()).data.map((policy) => policy.name)).toEqual(['From the state file']);
  expect((await stops(child, exited, 'SIGTERM')).code).toBe(0);
});

test('a bad state file: exit 1, and stderr names the file and the field', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'scaling-mock-state-'));
  const bad = join(dir, 'bad.json');
  writeFileSync(bad, JSON.stringify({ ...createScalingMock().snapshot(), version: 2 }));
  const invalid = await run(['--port', '0', '--state', bad]);
  expect(invalid.code).toBe(1);
  expect(invalid.stderr).toContain(`invalid state file ${bad}: mock.restore: snapshot.version must be 1, the only version this package reads; got 2`);
  expect(invalid.stdout).not.toContain('listening');

  const notJson = join(dir, 'not.json');
  writeFileSync(notJson, '{ version: 1 }');
  const broken = await run(['--port', '0', '--state', notJson]);
  expect(broken.code).toBe(1);
  expect(broken.stderr).toContain(`the state file ${notJson} is not valid JSON`);
});

test('a port already taken: exit 1 with the reason', async () => {
  const { child, url, exited } = await start(['--port', '0']);
  const port = new URL(url).port;
  const taken = await run(['--port', port]);
  expect(taken.code).toBe(1);
  expect(taken.stderr).toContain('EADDRINUSE');
  // The first server is unharmed.
  const response = await fetch(`${url}/nope`);
  expect(ErrorBody.parse(await response.json()).code).toBe('route_not_found');
  expect((await stops(child, exited, 'SIGTERM')).code).toBe(0);
});
