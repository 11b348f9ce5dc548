// The peer ranges, as a user meets them (part of `npm run test:compat`, see run.mjs). Each project is a
// TypeScript project that already has its test toolchain (vitest, msw, typescript, @types/node), to which
// the packed package is added with a plain `npm install <tarball>`: no --force, no --legacy-peer-deps.
// Then `tsc` checks the project with `skipLibCheck: false` (every .d.ts: ours, vitest's, msw's), and
// vitest runs its test file: the client against the mock behind msw's `setupServer`, with the matchers
// of `@scaling-cloud/sdk/mocks/vitest`, set up the way the README shows.
//
// The versions come from `peerDependencies` in package.json: for each `^X.Y.Z` of a range, the floor
// X.Y.Z and the latest X.x. The lowest project takes every floor, the highest every latest; the others
// cover the floors and latests in between. One more project names no version at all and lets npm on
// Node 20 choose, as the issue that widened the ranges did (it chose vitest 4 and msw 2, which the old
// range `vitest >=5` refused with ERESOLVE).
//
// npm picks versions by the Node it runs on (a package whose `engines` leave that Node out is passed
// over), so each project's npm runs on a given Node: the npm that runs this suite, started by that Node's
// binary. tsc and vitest then run on Node 22, the lowest Node the package supports.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, realpathSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** The lowest TypeScript supported: zod 4's own floor (its types use `NoInfer`, from 5.4, and it is tested from 5.5). */
export const TYPESCRIPT_FLOOR = '5.5';

/** Node 20 is not a runtime the package supports (`engines`), but its npm is one users install with. */
export const NPM_HOSTS = [{ id: 'node20', label: 'Node 20', pkg: 'node', spec: 'node@20', major: '20', bin: 'node' }];

/**
 * vite for a vitest that does not run on the newest vite its own range allows: vitest 4.0.0 fails to start
 * on vite 7.2+ ("Unknown method: getBuiltins", vite's module runner asks what vitest 4.0.0 cannot answer),
 * so its project has the vite it was released with, as its users' lock files do.
 */
export const VITE_FOR_VITEST = { '4.0.0': '~7.1.0' };

/** `^2.2.3 || ^3.0.0` → `['2.2.3', '2', '3.0.0', '3']`: the floor and the latest of each major. */
export const floorsAndLatests = (name, range) =>
  range.split('||').flatMap((part) => {
    const floor = /^\s*\^(\d+)\.(\d+)\.(\d+)\s*$/.exec(part);
    if (!floor) throw new Error(`compat: cannot read the ${name} range part "${part}" (expected ^X.Y.Z)`);
    return [`${floor[1]}.${floor[2]}.${floor[3]}`, floor[1]];
  });

/**
 * The projects: `npmOn` is the runtime id whose Node runs npm; an empty version lets npm choose.
 * vitest 3's own types do not check under TypeScript 7 with `skipLibCheck: false` (a duplicate
 * `containSubset` between vitest 3 and @types/chai), so the projects in between use TypeScript 6.
 */
export const peerProjects = (vitestSpecs, mswSpecs) => {
  const between = vitestSpecs.slice(1, -1);
  const mswBetween = mswSpecs.length > 2 ? mswSpecs.slice(1, -1) : mswSpecs;
  return [
    { name: 'lowest', npmOn: 'node20', vitest: vitestSpecs[0], msw: mswSpecs[0], typescript: TYPESCRIPT_FLOOR, typesNode: '22' },
    { name: 'Node 20 defaults', npmOn: 'node20', vitest: '', msw: '', typescript: '', typesNode: '' },
    ...between.map((vitest, index) => ({
      name: `vitest ${vitest}`,
      npmOn: 'node22',
      vitest,
      msw: mswBetween[index % mswBetween.length],
      typescript: '6',
      typesNode: '22',
    })),
    { name: 'highest', npmOn: 'node24', vitest: vitestSpecs.at(-1), msw: mswSpecs.at(-1), typescript: 'latest', typesNode: 'latest' },
  ];
};

/** The npm CLI that runs this suite, to be started by another Node's binary. */
export const npmCli = () => {
  const fromNpm = process.env.npm_execpath;
  if (fromNpm && /npm-cli\.[cm]?js$/.test(fromNpm) && existsSync(fromNpm)) return fromNpm;
  return realpathSync(execFileSync('sh', ['-c', 'command -v npm'], { encoding: 'utf8' }).trim());
};

// The test file: the README's setup, run by the project's vitest. The matchers' entry is imported
// before vitest on purpose: their declarations must merge with vitest's whichever loads first.
const TEST_FILE = `import '@scaling-cloud/sdk/mocks/vitest';
import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll, expect, test } from 'vitest';
import { Scaling, ScalingNotFoundError, type Layer } from '@scaling-cloud/sdk';
import { createScalingMock } from '@scaling-cloud/sdk/mocks';

const mock = createScalingMock({ now: '2026-04-07T10:00:00Z' });
const server = setupServer(...mock.handlers);
// msw 2 reads onUnhandledRequest, msw 3 onUnhandledFrame: with both, a request nothing answers fails on either.
const onUnhandled = { onUnhandledRequest: 'error', onUnhandledFrame: 'error' } as const;
beforeAll(() => server.listen(onUnhandled));
afterEach(() => mock.reset());
afterAll(() => server.close());

const scaling = new Scaling({ apiKey: mock.apiKey, baseUrl: mock.baseUrl, maxRetries: 0 });

test('layer 2 is paged when layer 1 times out', async () => {
  const [first, second] = [mock.createUser(), mock.createUser()];
  const policy = await scaling.policies.create({ name: 'Platform' });
  await scaling.policies.layers.create(policy.id, { position: 1, ackTimeoutMinutes: 5, target: { type: 'users', userIds: [first.id] } });
  await scaling.policies.layers.create(policy.id, { position: 2, ackTimeoutMinutes: 10, target: { type: 'users', userIds: [second.id] } });
  const layers: Layer[] = await scaling.policies.layers.list(policy.id);
  expect(layers.map((layer) => layer.position)).toEqual([1, 2]);
  const incident = await scaling.incidents.create({ title: 'Checkout down', severity: 'critical', escalationPolicyId: policy.id });
  expect(mock).not.toHavePaged(second.id);
  await mock.clock.advance(5 * 60_000);
  expect(mock).toHavePaged(second.id, { incidentId: incident.id, position: 2, at: '2026-04-07T10:05:00Z' });
  expect({ mock }).toEqual({ mock: expect.toHavePaged(first.id, { position: 1 }) });
  expect(mock).not.toHaveExhausted(incident.id);
  expect(() => expect(mock).toHaveExhausted(incident.id)).toThrow(/still active at position 2/);
  await expect(scaling.policies.get('pol_missing')).rejects.toBeInstanceOf(ScalingNotFoundError);
});

test('a request the mock does not answer fails instead of reaching the network', async () => {
  const error: unknown = await fetch('http://unhandled.scaling.test/').catch((failure: unknown) => failure);
  // msw's own error, or (msw 3, some msw 2) fetch's TypeError caused by it; not a DNS failure.
  const said = [error, (error as { cause?: unknown } | undefined)?.cause].map(String).join('\\n');
  expect(said).toMatch(/\\[MSW\\] Cannot bypass a request when using the "error" strategy/);
});
`;

// Checked by tsc only: the matchers' types with nothing of vitest's imported before them, and what must not compile.
const TYPES_FILE = `import '@scaling-cloud/sdk/mocks/vitest';
import { expect } from 'vitest';
import type { ScalingMock } from '@scaling-cloud/sdk/mocks';

export const matchers = (mock: ScalingMock) => {
  expect(mock).toHavePaged(mock.userId, { incidentId: 'inc_1', position: 1, at: new Date() });
  // @ts-expect-error \`position\` is a number
  expect(mock).toHavePaged(mock.userId, { position: 'first' });
  // @ts-expect-error an incident id is required
  expect(mock).toHaveExhausted();
  // @ts-expect-error not a matcher
  expect(mock).toHaveBeenPaged(mock.userId);
};
`;

const TSCONFIG = {
  compilerOptions: {
    strict: true,
    module: 'nodenext',
    moduleResolution: 'nodenext',
    target: 'es2022',
    types: ['node'],
    skipLibCheck: false,
    noEmit: true,
  },
  files: ['escalation.test.ts', 'types.ts'],
};

const versionIn = (dir, name) => {
  try {
    return JSON.parse(readFileSync(join(dir, 'node_modules', name, 'package.json'), 'utf8')).version;
  } catch {
    return undefined;
  }
};

/**
 * Runs every project; resolves to rows `{ project, versions, cells: [install, tsc, vitest] }`.
 * `hosts` maps a runtime id to its installed runtime (`{ dir, version }` or `{ error }`); `run`, `pool`
 * and `tail` are run.mjs's own.
 */
export const runPeerProjects = async ({ projects, tarball, work, hosts, npmEnv, run, pool, tail }) => {
  const cli = npmCli();
  // The project's npm, not this one's: where npm runs a script, none of its settings may leak in.
  const env = { ...npmEnv };
  for (const key of ['npm_config_local_prefix', 'npm_config_user_agent', 'npm_config_prefix', 'npm_config_global_prefix', 'NODE_OPTIONS']) delete env[key];
  const nodeOf = (id) => (hosts[id] && !hosts[id].error ? join(hosts[id].dir, 'node_modules', '.bin', 'node') : undefined);
  const failed = (text, detail) => ({ ok: false, text, detail, ms: 0 });
  const notRun = (why) => ({ ok: false, text: 'not run', detail: why, ms: 0 });

  return pool(
    projects.map((project, index) => async () => {
      const dir = join(work, `peers-${index}`);
      mkdirSync(dir);
      writeFileSync(join(dir, 'package.json'), JSON.stringify({ name: `consumer-peers-${index}`, private: true, type: 'module' }, null, 2));
      const npmNode = nodeOf(project.npmOn);
      const node22 = nodeOf('node22');
      const versions = () => ({
        npm: hosts[project.npmOn]?.version,
        vitest: versionIn(dir, 'vitest'),
        msw: versionIn(dir, 'msw'),
        typescript: versionIn(dir, 'typescript'),
      });
      if (!npmNode || !node22) {
        const cell = failed('FAIL', `Node for npm (${project.npmOn}) or Node 22 is not installed (above)`);
        return { project, versions: versions(), cells: [cell, notRun('not installed'), notRun('not installed')] };
      }
      const npm = (args) =>
        run(npmNode, [cli, 'install', '--no-audit', '--no-fund', '--loglevel=error', ...args], { cwd: dir, env, timeoutMs: 300_000 });
      const spec = (name, version) => (version ? `${name}@${version}` : name);

      // 1. The user's project and its toolchain, then the package added to it, each a plain `npm install`.
      const toolchain = [
        spec('vitest', project.vitest),
        ...(VITE_FOR_VITEST[project.vitest] ? [spec('vite', VITE_FOR_VITEST[project.vitest])] : []),
        spec('msw', project.msw),
        spec('typescript', project.typescript),
        spec('@types/node', project.typesNode),
      ];
      const installed = await npm(['--save-dev', ...toolchain]);
      if (installed.code !== 0) {
        const cell = failed('FAIL', `npm install --save-dev ${toolchain.join(' ')} failed:\n${tail(installed.stderr)}`);
        return { project, versions: versions(), cells: [cell, notRun('toolchain not installed'), notRun('toolchain not installed')] };
      }
      const added = await npm([tarball]);
      const install = added.code === 0
        ? { ok: true, text: 'pass', detail: '', ms: installed.ms + added.ms }
        : { ok: false, text: 'FAIL', detail: `npm install <tarball> failed:\n${tail(added.stderr, 25)}`, ms: installed.ms + added.ms };
      if (!install.ok) return { project, versions: versions(), cells: [install, notRun('package not installed'), notRun('package not installed')] };

      // 2. Every declaration file checked, ours and the peers'.
      writeFileSync(join(dir, 'escalation.test.ts'), TEST_FILE);
      writeFileSync(join(dir, 'types.ts'), TYPES_FILE);
      writeFileSync(join(dir, 'tsconfig.json'), JSON.stringify(TSCONFIG, null, 2));
      const checked = await run(node22, [join(dir, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', '.'], { cwd: dir, timeoutMs: 300_000 });
      const tsc = checked.code === 0
        ? { ok: true, text: 'pass', detail: '', ms: checked.ms }
        : { ok: false, text: 'FAIL', detail: tail(checked.stdout + checked.stderr, 25), ms: checked.ms };

      // 3. The test file, on the project's own vitest.
      const tested = await run(node22, [join(dir, 'node_modules', 'vitest', 'vitest.mjs'), 'run', '--reporter=dot'], {
        cwd: dir,
        env: { ...env, NO_COLOR: '1', CI: '1' },
        timeoutMs: 180_000,
      });
      const passed = tested.code === 0 && /\b2 passed\b/.test(tested.stdout);
      const vitest = passed
        ? { ok: true, text: 'pass', detail: '', ms: tested.ms }
        : { ok: false, text: 'FAIL', detail: tail(tested.stdout + tested.stderr, 30), ms: tested.ms };
      return { project, versions: versions(), cells: [install, tsc, vitest] };
    }),
    2,
  );
};
