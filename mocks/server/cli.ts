// `scaling-mock`: the in-memory Scaling API over HTTP, for suites in any language.
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { safeParse } from '../../src/core/issues.js';
import { EARLIEST_INSTANT, LATEST_INSTANT, MAX_SPEED } from '../engine/clock.js';
import { MockApiKey } from '../fixtures.js';
import { isBeyondLoopback } from './guard.js';
import { exampleSeed } from './example-seed.js';
import { SeedError, type SeedSummary } from './seed.js';
import { startMockServer, type MockServerOptions } from './server.js';

const USAGE = `Usage: scaling-mock [--port 4010] [--host 127.0.0.1] [--api-key KEY] [--seed seed.json]
                    [--state state.json] [--realtime [--speed N]] [--now ISO] [--id-seed N]
                    [--control-token TOKEN] [--allowed-host NAME]... [--allow-any-host]

Serves the in-memory Scaling API mock (the one createScalingMock() makes) over HTTP.

Options:
  --port N        port to listen on; 0 picks a free one (default 4010)
  --host HOST     address to listen on (default 127.0.0.1)
  --api-key KEY   the default org's API key (default: the seed's, else a random scl_mock_… key)
  --id-seed N     seeds ids and generated keys (0 to 4294967295): the same N gives the same ids
                  and keys on every start (default: random, so nobody can predict them)
  --seed FILE     a JSON seed file: orgs, API keys, users, schedules, policies;
                  --seed example loads the package's example seed (two orgs, a policy)
  --state FILE    a snapshot to start from (GET /__mock/snapshot, or mock.snapshot() as
                  JSON): the whole state, clock and keys included; POST /__mock/reset comes
                  back to it. Not with --seed, --api-key or --now
  --realtime      the clock follows the wall clock and escalation runs on its own
                  (default: the clock stands still until POST /__mock/clock/advance)
  --speed N       with --realtime: N times faster than the wall clock (default 1)
  --now ISO       the clock's start, e.g. 2026-04-07T10:00:00Z (default: now)
  --control-token TOKEN
                  the value every /__mock call must send in x-scaling-mock-control
                  (default: any value; the header itself keeps web pages out)
  --allowed-host NAME
                  a Host name to answer to besides localhost, 127.0.0.1, [::1] and --host
                  (repeatable; e.g. a container's service name)
  --allow-any-host
                  answer whatever the Host header says (turns off the DNS-rebinding check)
  -h, --help      show this help

Test controls (no key; every call sends the header x-scaling-mock-control): GET /__mock/clock, POST /__mock/clock/advance {"ms": n} or {"to": ISO},
GET /__mock/pages?incidentId=&userId=&layerId=&position=&reason=&orgId=, POST /__mock/reset, GET /__mock/seed,
GET /__mock/snapshot, POST /__mock/restore (body: a snapshot, up to 64 MiB), POST|DELETE /__mock/faults,
GET /__mock/requests.
Timeline page: open /__mock/ui in a browser (read-only views: GET /__mock/incidents, GET /__mock/timeline).`;

/** A usage error: the message, the usage, exit 2. */
class UsageError extends Error {}

const ISO_DATETIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:\d{2})$/i;

const parse = (argv: string[]): (MockServerOptions & { seedPath?: string; statePath?: string }) | 'help' => {
  let values;
  try {
    ({ values } = parseArgs({
      args: argv,
      strict: true,
      allowPositionals: false,
      options: {
        port: { type: 'string' },
        host: { type: 'string' },
        'api-key': { type: 'string' },
        seed: { type: 'string' },
        state: { type: 'string' },
        realtime: { type: 'boolean' },
        speed: { type: 'string' },
        now: { type: 'string' },
        'id-seed': { type: 'string' },
        'control-token': { type: 'string' },
        'allowed-host': { type: 'string', multiple: true },
        'allow-any-host': { type: 'boolean' },
        help: { type: 'boolean', short: 'h' },
      },
    }));
  } catch (error) {
    throw new UsageError(error instanceof Error ? error.message : String(error));
  }
  if (values.help) return 'help';
  const port = Number(values.port ?? '4010');
  if (!/^\d+$/.test(values.port ?? '4010') || port > 65535) throw new UsageError(`--port must be an integer from 0 to 65535; got "${values.port}"`);
  if (values.host !== undefined && values.host.trim() === '') throw new UsageError('--host must not be empty');
  if (values['api-key'] !== undefined && !safeParse(MockApiKey, values['api-key']).success) {
    throw new UsageError('--api-key must be 1 to 256 visible ASCII characters, without spaces');
  }
  if (values.speed !== undefined && !values.realtime) throw new UsageError('--speed needs --realtime');
  if (values.state !== undefined) {
    const clash = (['seed', 'api-key', 'now', 'id-seed'] as const).filter((name) => values[name] !== undefined).map((name) => `--${name}`);
    if (clash.length > 0) throw new UsageError(`--state cannot be combined with ${clash.join(', ')}: the state file holds the orgs, the keys and the clock itself`);
  }
  const idSeed = values['id-seed'];
  if (idSeed !== undefined && !(/^\d{1,10}$/.test(idSeed) && Number(idSeed) <= 0xffffffff)) {
    throw new UsageError(`--id-seed must be an integer from 0 to 4294967295; got "${idSeed}"`);
  }
  const token = values['control-token'];
  if (token !== undefined && !/^[\x21-\x7e]{1,256}$/.test(token)) throw new UsageError('--control-token must be 1 to 256 visible ASCII characters, without spaces');
  if (values['allow-any-host'] && values['allowed-host'] !== undefined) throw new UsageError('--allowed-host and --allow-any-host exclude each other');
  if (values['allowed-host']?.some((name) => !/^[^\s/]+$/.test(name))) throw new UsageError('--allowed-host must be a host name or address, without a scheme or path');
  const speed = values.speed === undefined ? undefined : Number(values.speed);
  if (speed !== undefined && !(Number.isFinite(speed) && speed > 0 && speed <= MAX_SPEED)) {
    throw new UsageError(`--speed must be a positive number, at most ${MAX_SPEED}; got "${values.speed}"`);
  }
  if (values.now !== undefined && !(ISO_DATETIME.test(values.now) && Number.isFinite(Date.parse(values.now)))) {
    throw new UsageError(`--now must be an ISO 8601 datetime with an offset, e.g. 2026-04-07T10:00:00Z; got "${values.now}"`);
  }
  if (values.now !== undefined) {
    const ms = Date.parse(values.now);
    if (ms < EARLIEST_INSTANT || ms > LATEST_INSTANT) throw new UsageError(`--now must be from 1970-01-01T00:00:00Z to 9999-01-01T00:00:00Z; got "${values.now}"`);
  }
  return {
    port,
    ...(values.host === undefined ? {} : { host: values.host }),
    ...(values['api-key'] === undefined ? {} : { apiKey: values['api-key'] }),
    ...(values.seed === undefined ? {} : { seedPath: values.seed }),
    ...(values.state === undefined ? {} : { statePath: values.state }),
    ...(values.realtime ? { realtime: { speed: speed ?? 1 } } : {}),
    ...(values.now === undefined ? {} : { now: values.now }),
    ...(idSeed === undefined ? {} : { idSeed: Number(idSeed) }),
    ...(token === undefined ? {} : { controlToken: token }),
    ...(values['allow-any-host'] ? { allowedHosts: 'any' as const } : values['allowed-host'] ? { allowedHosts: values['allowed-host'] } : {}),
  };
};

/** A few lines for a terminal: counts, then who holds which key and what each ref became. */
const describeSeed = (summary: SeedSummary): string[] => {
  const count = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;
  const total = (kind: 'users' | 'schedules' | 'policies') => summary.orgs.reduce((sum, org) => sum + org[kind].length, 0);
  const layers = summary.orgs.flatMap((org) => org.policies).reduce((sum, policy) => sum + policy.layerIds.length, 0);
  const lines = [
    `seeded ${count(summary.orgs.length, 'org')}, ${count(total('users'), 'user')}, ${count(total('schedules'), 'schedule')}, ` +
      `${count(total('policies'), 'policy', 'policies')} (${count(layers, 'layer')})`,
  ];
  const named = (ref: string | null, id: string) => (ref === null ? id : `${ref} ${id}`);
  for (const org of summary.orgs) {
    lines.push(`  org ${org.id} "${org.name}"${org.default ? ' (default)' : ''}: admin ${org.adminUserId} key ${org.apiKey}`);
    for (const user of org.users) lines.push(`    user ${named(user.ref, user.id)} ${user.role} key ${user.apiKey}`);
    for (const schedule of org.schedules) lines.push(`    schedule ${named(schedule.ref, schedule.id)}`);
    for (const policy of org.policies) lines.push(`    policy ${named(policy.ref, policy.id)} (${count(policy.layerIds.length, 'layer')})`);
  }
  return lines;
};

/** `--seed example`: the built-in example seed (`example-seed.ts`); a file named `example` is still `./example`. */
const EXAMPLE_SEED_NAME = 'example';

/** A JSON file given on the command line: `what` is `seed` or `state`, for the messages. */
const readJsonFile = (path: string, what: 'seed' | 'state'): unknown => {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    throw new Error(`cannot read the ${what} file ${path}: ${error instanceof Error ? error.message : String(error)}`);
  }
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new Error(`the ${what} file ${path} is not valid JSON: ${error instanceof Error ? error.message : String(error)}`);
  }
};

const main = async () => {
  let options;
  try {
    options = parse(process.argv.slice(2));
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    process.stderr.write(`scaling-mock: ${error.message}\n\n${USAGE}\n`);
    process.exit(2);
  }
  if (options === 'help') {
    process.stdout.write(`${USAGE}\n`);
    return;
  }
  const { seedPath, statePath, ...serverOptions } = options;
  try {
    const server = await startMockServer({
      ...serverOptions,
      ...(seedPath === undefined ? {} : { seed: seedPath === EXAMPLE_SEED_NAME ? exampleSeed : readJsonFile(seedPath, 'seed') }),
      ...(statePath === undefined ? {} : { state: readJsonFile(statePath, 'state') }),
    });
    const speed = typeof options.realtime === 'object' ? (options.realtime.speed ?? 1) : 1;
    const clock = options.realtime ? `real time${speed === 1 ? '' : `, x${speed}`}` : 'frozen until POST /__mock/clock/advance';
    const lines = [
      `scaling-mock listening on ${server.url}`,
      `API key: ${server.apiKey}`,
      `clock: ${server.mock.clock.now().toISOString()} (${clock})`,
      ...(server.seed ? describeSeed(server.seed) : []),
      ...(statePath === undefined ? [] : [`state: restored from ${statePath}`]),
      `timeline page: ${server.origin}/__mock/ui`,
      `test controls: ${server.origin}/__mock/… (clock, clock/advance, pages, reset, seed, snapshot, restore); Ctrl-C stops`,
    ];
    process.stdout.write(`${lines.join('\n')}\n`);
    if (isBeyondLoopback(serverOptions.host ?? '127.0.0.1')) {
      process.stderr.write(
        `scaling-mock: warning: listening on ${serverOptions.host}, beyond this machine. Anyone who can reach it can use the API ` +
          `with the keys above${serverOptions.controlToken ? '' : ', and drive the test controls (set --control-token)'}; ` +
          `the mock is for tests, not a secret store. Clients must use a Host name allowed by --allowed-host.\n`,
      );
    }
    const shutdown = (signal: string) => {
      server.close().then(
        () => process.exit(0),
        (error: unknown) => {
          process.stderr.write(`scaling-mock: error while stopping on ${signal}: ${String(error)}\n`);
          process.exit(1);
        },
      );
    };
    process.once('SIGINT', () => shutdown('SIGINT'));
    process.once('SIGTERM', () => shutdown('SIGTERM'));
  } catch (error) {
    const message =
      error instanceof SeedError
        ? `invalid seed${seedPath === undefined ? '' : ` file ${seedPath}`}:\n${error.issues.map((issue) => `  ${issue.path}: ${issue.message}`).join('\n')}`
        : statePath !== undefined && error instanceof TypeError && error.message.startsWith('mock.restore:')
          ? `invalid state file ${statePath}: ${error.message}`
          : error instanceof Error
            ? error.message
            : String(error);
    process.stderr.write(`scaling-mock: ${message}\n`);
    process.exit(1);
  }
};

await main();
