// `npm run test:compat`: the packed package where users run it. Packs the tarball, installs it into one
// fresh project per msw version, and runs test/compat/program.mjs, unchanged, on Node 22, Node 24, Bun
// and Deno, three times: through `mock.fetch` (no interception), through msw's `setupServer`, and over
// real HTTP to the standalone server (`startMockServer` from `@scaling-cloud/sdk/mocks/server`). Then a
// TypeScript consumer type-checks against each msw version. Then the peer ranges (test/compat/peers.mjs):
// TypeScript projects on the lowest, the highest and the versions in between of vitest, msw and
// TypeScript add the package with a plain `npm install` (npm on Node 20 for the lowest), type-check with
// `skipLibCheck: false` and run a vitest file that uses the client, the mock and the matchers. Prints the
// tables; exits non-zero if any cell that is expected to pass does not.
//
// msw and vitest versions come from `peerDependencies` in package.json: for each `^X.Y.Z` of a range, the
// floor X.Y.Z and the latest X.x. Widening a range widens what this suite proves.
//
// `--only=runtimes` runs the runtime cells and the msw type checks, `--only=peers` the peer projects
// (SCALING_COMPAT_PEERS=lowest,highest: only the projects of those names).
//
// Runtimes install from the npm registry (`node@22`, `node@24`, `bun@1`, `deno@2`; their binaries come
// in their own packages) into a cache outside node_modules, which `npm ci` wipes: $SCALING_COMPAT_CACHE,
// default <os tmpdir>/scaling-compat-cache. A cached runtime is reused for 7 days if its binary still
// answers `--version`; otherwise it is installed again. A fresh machine needs only npm and the registry.
//
// dist/ is rebuilt (`npm run build`) when it is missing or older than any source; `--build` forces it.
import { execFileSync, spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import process from 'node:process';
import { floorsAndLatests, NPM_HOSTS, peerProjects, runPeerProjects } from './peers.mjs';

const root = resolve(import.meta.dirname, '../..');
const program = join(import.meta.dirname, 'program.mjs');
const cacheRoot = process.env.SCALING_COMPAT_CACHE ?? join(tmpdir(), 'scaling-compat-cache');
const CACHE_MAX_AGE_MS = 7 * 24 * 3600_000;
const CELL_TIMEOUT_MS = 60_000;
const only = process.argv.find((arg) => arg.startsWith('--only='))?.slice('--only='.length);
if (only !== undefined && only !== 'runtimes' && only !== 'peers') throw new Error(`compat: --only=runtimes or --only=peers, not ${only}`);
const running = (part) => only === undefined || only === part;
const started = performance.now();
const phases = [];
const phase = async (name, work) => {
  const t = performance.now();
  const result = await work();
  phases.push(`${name} ${((performance.now() - t) / 1000).toFixed(1)} s`);
  return result;
};

/** `argv` to run program.mjs from a consumer project; `is` checks what the program says it ran on. */
const RUNTIMES = [
  { id: 'node22', label: 'Node 22', pkg: 'node', spec: 'node@22', major: '22', bin: 'node', argv: (file) => [file], is: /^node 22\./ },
  { id: 'node24', label: 'Node 24', pkg: 'node', spec: 'node@24', major: '24', bin: 'node', argv: (file) => [file], is: /^node 24\./ },
  { id: 'bun', label: 'Bun', pkg: 'bun', spec: 'bun@1', major: '1', bin: 'bun', argv: (file) => ['--no-install', file], is: /^bun 1\./ },
  {
    id: 'deno',
    label: 'Deno',
    pkg: 'deno',
    spec: 'deno@2',
    major: '2',
    bin: 'deno',
    // The consumer project's node_modules, as npm laid it out; Deno neither installs nor rewrites it.
    argv: (file) => ['run', '-A', '--no-lock', '--node-modules-dir=manual', file],
    is: /^deno 2\./,
  },
];

/**
 * Where `setupServer` cannot work, and why. msw 3's Node interception (@mswjs/interceptors 0.45) patches
 * `globalThis.fetch` only to tag the request, and answers it at the node:net / node:tls socket layer that
 * undici writes to. Bun's and Deno's `fetch` are native and never open those sockets, so the request goes
 * to the network (Bun also warns that `tls.TLSSocket.prototype._wrapHandle` does not exist). msw 2 replaces
 * `fetch` itself, which works everywhere. These cells still run: a pass is reported, a failure is expected.
 */
const interceptionUnsupported = (runtime, mswMajor) =>
  mswMajor >= 3 && (runtime.id === 'bun' || runtime.id === 'deno')
    ? `msw ${mswMajor} intercepts at node:net sockets, which ${runtime.label}'s native fetch does not use`
    : undefined;

const npmEnv = { ...process.env, npm_config_update_notifier: 'false', npm_config_fund: 'false', npm_config_audit: 'false' };
const exec = (command, args, cwd) =>
  execFileSync(command, args, { cwd, env: npmEnv, stdio: ['ignore', 'pipe', 'pipe'], encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });

/** Runs a command; resolves to its exit code, output and time, never rejects. */
const run = (command, args, { cwd, env = process.env, timeoutMs = CELL_TIMEOUT_MS } = {}) =>
  new Promise((done) => {
    const t = performance.now();
    let stdout = '';
    let stderr = '';
    let timedOut = false;
    const child = spawn(command, args, { cwd, env, stdio: ['ignore', 'pipe', 'pipe'], detached: process.platform !== 'win32' });
    child.stdout.on('data', (chunk) => (stdout += chunk));
    child.stderr.on('data', (chunk) => (stderr += chunk));
    const timer = setTimeout(() => {
      timedOut = true;
      try {
        process.kill(-child.pid, 'SIGKILL'); // the child's own process group, nothing else
      } catch {
        child.kill('SIGKILL');
      }
    }, timeoutMs);
    const finish = (code, error) => {
      clearTimeout(timer);
      if (error) stderr += String(error);
      if (timedOut) stderr += `\n(killed after ${timeoutMs / 1000} s)`;
      done({ code: timedOut ? -1 : code, stdout, stderr, ms: performance.now() - t });
    };
    child.on('error', (error) => finish(-1, error));
    child.on('close', (code) => finish(code));
  });

/** At most `limit` tasks at a time, results in input order. */
const pool = async (tasks, limit) => {
  const results = new Array(tasks.length);
  let next = 0;
  const worker = async () => {
    while (next < tasks.length) {
      const index = next++;
      results[index] = await tasks[index]();
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, tasks.length) }, worker));
  return results;
};

const tail = (text, lines = 15) => text.trim().split('\n').slice(-lines).join('\n');

// --- 1. dist/, then the tarball -------------------------------------------------------------------

const newest = (path) => {
  if (!existsSync(path)) return 0;
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return Math.max(stat.mtimeMs, ...readdirSync(path).map((name) => newest(join(path, name))));
};
const oldestDist = () => {
  const dist = join(root, 'dist');
  if (!existsSync(join(dist, 'index.js')) || !existsSync(join(dist, 'mocks.js'))) return 0;
  return Math.min(...readdirSync(dist).map((name) => statSync(join(dist, name)).mtimeMs));
};
const sources = ['src', 'mocks', 'tsup.config.ts', 'tsconfig.json', 'package.json'].map((name) => join(root, name));
const stale = oldestDist() < Math.max(...sources.map(newest));
const build = process.argv.includes('--build') || stale;
if (build) {
  await phase('build', () => {
    console.log(process.argv.includes('--build') ? 'compat: building dist/ (--build)' : 'compat: dist/ is missing or older than the sources: npm run build');
    exec('npm', ['run', 'build', '--silent'], root);
  });
} else {
  console.log('compat: dist/ is newer than every source: not rebuilt (pass --build to force)');
}

const work = mkdtempSync(join(tmpdir(), 'scaling-compat-'));
const cleanup = () => {
  if (process.env.KEEP) console.log(`compat: kept ${work}`);
  else rmSync(work, { recursive: true, force: true });
};

try {
  const tarball = await phase('pack', () => {
    exec('npm', ['pack', '--pack-destination', work, '--silent'], root);
    return join(work, readdirSync(work).find((name) => name.endsWith('.tgz')));
  });

  // --- 2. the runtimes, cached; msw projects, fresh ----------------------------------------------

  /** The binary's own `--version`, if it runs and is of the expected major. */
  const version = async (runtime, dir) => {
    const result = await run(join(dir, 'node_modules', '.bin', runtime.bin), ['--version'], { timeoutMs: 20_000 });
    const text = (result.stdout.trim().split('\n')[0] ?? '').replace(/^deno /, '').replace(/ \(.*$/, '').replace(/^v/, '');
    return result.code === 0 && text.startsWith(`${runtime.major}.`) ? text : undefined;
  };

  /** Installs (or reuses) one runtime; resolves to `{ dir, version }` or `{ error }`. */
  const installRuntime = async (runtime) => {
    const dir = join(cacheRoot, runtime.id);
    const manifest = join(dir, 'package.json');
    if (existsSync(manifest)) {
      const cached = JSON.parse(readFileSync(manifest, 'utf8'));
      const fresh = Date.now() - statSync(manifest).mtimeMs < CACHE_MAX_AGE_MS;
      const found = cached.compatSpec === runtime.spec && fresh ? await version(runtime, dir) : undefined;
      if (found) return { dir, version: found, cached: true };
      rmSync(dir, { recursive: true, force: true });
    }
    mkdirSync(cacheRoot, { recursive: true });
    const staging = mkdtempSync(join(cacheRoot, `.${runtime.id}-`));
    // npm 11 runs no dependency's install script unless the project allows it: these three ship
    // (or fetch from the registry) the platform binary in theirs.
    writeFileSync(
      join(staging, 'package.json'),
      JSON.stringify({ name: `scaling-compat-${runtime.id}`, private: true, compatSpec: runtime.spec, allowScripts: { [runtime.pkg]: true } }, null, 2),
    );
    const result = await run('npm', ['install', '--no-audit', '--no-fund', '--loglevel=error', '--save-exact', runtime.spec], {
      cwd: staging,
      env: npmEnv,
      timeoutMs: 300_000,
    });
    const found = result.code === 0 ? await version(runtime, staging) : undefined;
    if (!found) {
      rmSync(staging, { recursive: true, force: true });
      return { error: `npm install ${runtime.spec} failed or its binary does not run:\n${tail(result.stderr + result.stdout)}` };
    }
    try {
      rmSync(dir, { recursive: true, force: true });
      renameSync(staging, dir);
      return { dir, version: found, cached: false };
    } catch {
      // Another run put its own install there first: use that one if it works, else this one in place.
      const theirs = await version(runtime, dir);
      if (theirs) {
        rmSync(staging, { recursive: true, force: true });
        return { dir, version: theirs, cached: true };
      }
      return { dir: staging, version: found, cached: false };
    }
  };

  const peers = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')).peerDependencies;
  // SCALING_COMPAT_MSW=2.0.0,2 tries other versions (a version outside the range fails to install).
  const mswSpecs = process.env.SCALING_COMPAT_MSW
    ? process.env.SCALING_COMPAT_MSW.split(',').map((spec) => spec.trim())
    : floorsAndLatests('msw', peers.msw);
  const vitestSpecs = floorsAndLatests('vitest', peers.vitest);
  console.log(`compat: msw ${mswSpecs.join(', ')} (peerDependencies.msw ${peers.msw})`);
  console.log(`compat: vitest ${vitestSpecs.join(', ')} (peerDependencies.vitest ${peers.vitest})`);

  /** One consumer project: the tarball and one msw, as a user would install them (no --force). */
  const installConsumer = async (spec) => {
    const dir = join(work, `msw-${spec}`);
    mkdirSync(dir);
    writeFileSync(join(dir, 'package.json'), JSON.stringify({ name: `consumer-msw-${spec}`, private: true, type: 'module' }, null, 2));
    const result = await run('npm', ['install', '--no-audit', '--no-fund', '--loglevel=error', tarball, `msw@${spec}`], {
      cwd: dir,
      env: npmEnv,
      timeoutMs: 300_000,
    });
    if (result.code !== 0) return { spec, error: `npm install ${tarball} msw@${spec} failed:\n${tail(result.stderr)}` };
    const installed = JSON.parse(readFileSync(join(dir, 'node_modules', 'msw', 'package.json'), 'utf8')).version;
    writeFileSync(join(dir, 'program.mjs'), readFileSync(program));
    return { spec, dir, version: installed, major: Number(installed.split('.')[0]) };
  };

  // The peer projects need Node 20, 22 and 24 (npm on each; tsc and vitest on 22), not Bun or Deno.
  const needed = [
    ...RUNTIMES.filter((runtime) => running('runtimes') || runtime.id === 'node22' || runtime.id === 'node24'),
    ...(running('peers') ? NPM_HOSTS : []),
  ];
  const [installedRuntimes, consumersAll] = await phase('install', () =>
    Promise.all([
      pool(needed.map((runtime) => () => installRuntime(runtime)), 2),
      running('runtimes') ? pool(mswSpecs.map((spec) => () => installConsumer(spec)), 2) : [],
    ]),
  );
  /** Installed runtimes by id: `{ dir, version, cached }` or `{ error }`. */
  const hosts = Object.fromEntries(needed.map((runtime, index) => [runtime.id, installedRuntimes[index]]));
  const runtimes = RUNTIMES.map((runtime) => hosts[runtime.id]);
  // A floor that is also the latest of its major is one project, not two.
  const consumers = consumersAll.filter(
    (consumer, index) => consumer.error || consumersAll.findIndex((other) => other.version === consumer.version) === index,
  );

  // --- 3. the cells ----------------------------------------------------------------------------

  const cellEnv = { ...process.env, NO_COLOR: '1', DENO_NO_UPDATE_CHECK: '1', DENO_DIR: join(cacheRoot, 'deno-dir'), DO_NOT_TRACK: '1' };
  delete cellEnv.SCALING_API_KEY;
  delete cellEnv.SCALING_BASE_URL;
  delete cellEnv.NODE_OPTIONS;

  const runCell = async (runtime, installed, consumer, mode) => {
    if (installed.error) return { ok: false, text: 'FAIL', detail: `${runtime.spec} is not installed (above)`, ms: 0 };
    if (consumer.error) return { ok: false, text: 'FAIL', detail: `msw@${consumer.spec} is not installed (above)`, ms: 0 };
    const binary = join(installed.dir, 'node_modules', '.bin', runtime.bin);
    const result = await run(binary, [...runtime.argv('program.mjs'), mode], { cwd: consumer.dir, env: cellEnv });
    const last = result.stdout.trim().split('\n').at(-1) ?? '';
    let report;
    try {
      report = JSON.parse(last);
    } catch {
      report = { ok: false, error: `no report from the program (exit ${result.code})` };
    }
    // The program says which runtime and msw it ran on: a cell cannot pass on the wrong one.
    const where = report.runtime && !runtime.is.test(report.runtime) ? `ran on ${report.runtime}, not ${runtime.label}` : undefined;
    const which = report.msw && report.msw !== consumer.version ? `loaded msw ${report.msw}, not ${consumer.version}` : undefined;
    const ok = report.ok === true && result.code === 0 && !where && !which;
    const detail = ok ? '' : [where, which, report.error, tail(result.stderr, 8)].filter(Boolean).join('\n');
    return { ok, text: ok ? 'pass' : 'FAIL', detail, error: report.error, ms: result.ms };
  };

  const rows = await phase('run', () =>
    pool(
      RUNTIMES.flatMap((runtime, r) =>
        consumers.map((consumer) => async () => {
          const installed = runtimes[r];
          const fetchCell = await runCell(runtime, installed, consumer, 'fetch');
          let serverCell = await runCell(runtime, installed, consumer, 'server');
          const standaloneCell = await runCell(runtime, installed, consumer, 'standalone');
          const unsupported = consumer.error ? undefined : interceptionUnsupported(runtime, consumer.major);
          // Not intercepted means the client's request went past msw and failed to connect (the mock's
          // host is a reserved .test name); any other failure is a failure.
          if (unsupported && serverCell.ok) {
            serverCell = { ...serverCell, text: 'pass (unexpected: update interceptionUnsupported and the README)' };
          } else if (unsupported && /^ScalingConnectionError\b/.test(serverCell.error ?? '')) {
            serverCell = { ok: true, unsupported: true, text: 'not supported', detail: '', note: unsupported, ms: serverCell.ms };
          }
          return { runtime, installed, consumer, cells: [fetchCell, serverCell, standaloneCell] };
        }),
      ),
      Math.max(1, Math.min(2, cpus().length)),
    ),
  );

  // TypeScript consumers: the published types against each msw (the README's setup, typed).
  const typeRows = await phase('types', () =>
    pool(
      consumers.map((consumer) => async () => {
        if (consumer.error) return { consumer, cell: { ok: false, text: 'FAIL', detail: `msw@${consumer.spec} is not installed (above)`, ms: 0 } };
        writeFileSync(
          join(consumer.dir, 'check.ts'),
          [
            "import { setupServer } from 'msw/node';",
            "import { Scaling, type Layer } from '@scaling-cloud/sdk';",
            "import { createScalingMock, type ScalingMock } from '@scaling-cloud/sdk/mocks';",
            "import { startMockServer, type MockServer } from '@scaling-cloud/sdk/mocks/server';",
            'const mock: ScalingMock = createScalingMock();',
            'const server = setupServer(...mock.handlers);',
            'server.resetHandlers(...mock.handlers);',
            'const scaling = new Scaling({ apiKey: mock.apiKey, baseUrl: mock.baseUrl, fetch: mock.fetch });',
            'export const layers: Promise<Layer[]> = scaling.policies.layers.list("pol_1");',
            'export { server };',
            "export const standalone: Promise<MockServer> = startMockServer({ port: 0, now: '2026-04-07T10:00:00Z' });",
            '',
          ].join('\n'),
        );
        const compilerOptions = { strict: true, module: 'nodenext', moduleResolution: 'nodenext', target: 'es2022', lib: ['es2022', 'dom'], types: [], noEmit: true, skipLibCheck: true };
        writeFileSync(join(consumer.dir, 'tsconfig.json'), JSON.stringify({ compilerOptions, files: ['check.ts'] }));
        const tsc = join(root, 'node_modules', 'typescript', 'bin', 'tsc');
        const result = await run(process.execPath, [tsc, '-p', '.'], { cwd: consumer.dir });
        const ok = result.code === 0;
        return { consumer, cell: { ok, text: ok ? 'pass' : 'FAIL', detail: ok ? '' : tail(result.stdout + result.stderr), ms: result.ms } };
      }),
      2,
    ),
  );
  const tscVersion = JSON.parse(readFileSync(join(root, 'node_modules', 'typescript', 'package.json'), 'utf8')).version;

  // The peer ranges: plain `npm install` of the package into TypeScript projects on the lowest, the
  // highest and the versions in between of vitest and msw (test/compat/peers.mjs).
  const peerRows = running('peers')
    ? await phase('peers', () =>
        runPeerProjects({
          // SCALING_COMPAT_PEERS=lowest,highest runs only the projects of those names.
          projects: peerProjects(vitestSpecs, mswSpecs).filter(
            (project) => !process.env.SCALING_COMPAT_PEERS || process.env.SCALING_COMPAT_PEERS.split(',').map((name) => name.trim()).includes(project.name),
          ),
          tarball,
          work,
          hosts,
          npmEnv,
          run,
          pool,
          tail,
        }),
      )
    : [];

  // --- 4. the table ------------------------------------------------------------------------------

  const seconds = (ms) => `${(ms / 1000).toFixed(2)} s`;
  const MODES = ['mock.fetch', 'setupServer', 'standalone server'];
  const table = [['runtime', 'version', 'msw', ...MODES, 'time']];
  for (const row of rows) {
    table.push([
      row.runtime.label,
      row.installed.version ?? '(not installed)',
      row.consumer.version ?? `${row.consumer.spec} (not installed)`,
      ...row.cells.map((cell) => cell.text),
      seconds(row.cells.reduce((ms, cell) => ms + cell.ms, 0)),
    ]);
  }
  for (const { consumer, cell } of typeRows) {
    table.push(['TypeScript (tsc)', tscVersion, consumer.version ?? consumer.spec, 'types: ' + cell.text, '', '', seconds(cell.ms)]);
  }
  const printTable = (lines) => {
    const widths = lines[0].map((_, column) => Math.max(...lines.map((cells) => cells[column].length)));
    const line = (cells) => `| ${cells.map((cell, column) => cell.padEnd(widths[column])).join(' | ')} |`;
    console.log('');
    console.log(line(lines[0]));
    console.log(`|${widths.map((width) => '-'.repeat(width + 2)).join('|')}|`);
    for (const cells of lines.slice(1)) console.log(line(cells));
  };
  if (table.length > 1) printTable(table);
  const PEER_STEPS = ['npm install', 'tsc (skipLibCheck: false)', 'vitest run'];
  const peerTable = [['project', 'npm on', 'vitest', 'msw', 'typescript', ...PEER_STEPS, 'time']];
  for (const { project, versions, cells } of peerRows) {
    const wanted = (name) => versions[name] ?? `${project[name] || 'latest'} (not installed)`;
    peerTable.push([
      project.name,
      `Node ${versions.npm ?? '(not installed)'}`,
      wanted('vitest'),
      wanted('msw'),
      wanted('typescript'),
      ...cells.map((cell) => cell.text),
      seconds(cells.reduce((ms, cell) => ms + cell.ms, 0)),
    ]);
  }
  if (peerTable.length > 1) printTable(peerTable);

  const cells = [
    ...rows.flatMap((row) => row.cells.map((cell, index) => ({ cell, name: `${row.runtime.label} ${row.installed.version ?? ''} msw ${row.consumer.version ?? row.consumer.spec} ${MODES[index]}` }))),
    ...typeRows.map(({ consumer, cell }) => ({ cell, name: `TypeScript msw ${consumer.version ?? consumer.spec}` })),
    ...peerRows.flatMap(({ project, versions, cells: steps }) =>
      steps.map((cell, index) => ({
        cell,
        name: `peers "${project.name}" (npm on Node ${versions.npm}, vitest ${versions.vitest ?? project.vitest}, msw ${versions.msw ?? project.msw}, typescript ${versions.typescript ?? project.typescript}) ${PEER_STEPS[index]}`,
      })),
    ),
  ];
  const expected = cells.filter(({ cell }) => cell.unsupported);
  const notes = [...new Set(rows.flatMap((row) => row.cells.map((cell) => cell.note).filter(Boolean)))];
  if (notes.length > 0) {
    console.log(`\nnot supported (${expected.length} runs, each ran and was not intercepted, as expected): ${notes.join('; ')}. mock.fetch passes there.`);
  }
  const failed = cells.filter(({ cell }) => !cell.ok);
  for (const { error } of [...Object.values(hosts), ...consumers].filter((installed) => installed?.error)) console.log(`\nINSTALL FAILED: ${error}`);
  for (const { name, cell } of failed) console.log(`\nFAIL ${name}\n${cell.detail}`);
  const cachedNote = Object.entries(hosts)
    .filter(([, installed]) => installed)
    .map(([id, installed]) => `${id}: ${installed.error ? 'failed' : installed.cached ? 'cached' : 'installed'}`)
    .join(', ');
  console.log(`\nruntimes (${cacheRoot}): ${cachedNote}`);
  console.log(`phases: ${phases.join(', ')}; wall time ${((performance.now() - started) / 1000).toFixed(1)} s`);
  console.log(`compat: ${cells.length - failed.length - expected.length} passed, ${failed.length} failed`);
  process.exitCode = failed.length > 0 ? 1 : 0;
} catch (error) {
  console.error(error instanceof Error && 'stderr' in error ? `${error.message}\n${error.stderr}` : error);
  process.exitCode = 1;
} finally {
  cleanup();
}
