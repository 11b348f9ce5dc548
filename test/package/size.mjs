// What a browser app ships for the client: the app below bundled from dist/ with its dependencies
// (zod/mini, ky), minified and gzipped, as esbuild's tree shaking and code splitting leave it: what the
// app loads up front, and what it loads on first use (the layer sync's planner, behind an `import()`).
// Each must stay within its budget, and no client entry may import a `node:` module.
//
// The budgets are set just above today's sizes, so that growth fails the check and has to be argued
// for. Where the bytes go (docs/performance.md): ky alone is 8.7 KB, and the transport alone
// (`connect()`: ky, the options' zod schemas, the error classes) 19.7 KB before one endpoint. Issue
// 15's 20 KB for one resource would leave 0.3 KB for the policies' 11 endpoints (4.0 KB today), and its
// 23 KB for the whole client 3.3 KB for all 57 (10.2 KB): out of reach with ky and zod/mini on the
// request path.
// "errors only" guards the tree shaking itself: the SDK's modules have no top-level side effects (the
// build marks every call made while a module loads as pure, see tsup.config.ts), so an app that names
// only the error classes ships them alone.
import { build } from 'esbuild';
import { resolve } from 'node:path';
import { gzipSync } from 'node:zlib';

const APPS = [
  {
    name: 'whole client',
    code: `import { Scaling } from './dist/index.js'; globalThis.client = new Scaling({ apiKey: 'k' });`,
    // 30.0 KB: 31.4 KB after issue 16, less `z.iso` without its namespace (0.25 KB), the layer sync's
    // planner on first use (0.85 KB) and a dist one file per module (0.37 KB).
    budget: 30.5 * 1024,
    // `policies.layers.sync`'s planner, loaded on the first sync.
    onDemandBudget: 1.5 * 1024,
  },
  {
    name: 'policies only (@scaling-cloud/sdk/policies)',
    code: `import { ScalingPolicies } from './dist/policies.js'; globalThis.client = new ScalingPolicies({ apiKey: 'k' });`,
    // 23.7 KB: 24.6 KB after issue 16, less the planner (0.85 KB) and the per-module dist (0.08 KB).
    budget: 24 * 1024,
    onDemandBudget: 1.5 * 1024,
  },
  {
    name: 'errors only',
    code: `import { ScalingError, ScalingNotFoundError } from './dist/index.js'; globalThis.errors = [ScalingError, ScalingNotFoundError];`,
    budget: 1.5 * 1024,
  },
];

/** The app's code as a module of its own, so that esbuild can split the bundle as an app's bundler does. */
const appModule = (contents) => ({
  name: 'app',
  setup(build) {
    build.onResolve({ filter: /^app$/ }, () => ({ path: 'app', namespace: 'app' }));
    build.onLoad({ filter: /.*/, namespace: 'app' }, () => ({ contents, resolveDir: process.cwd() }));
  },
});

const bundle = (contents, { splitting = false } = {}) =>
  build({
    entryPoints: ['app'],
    plugins: [appModule(contents)],
    bundle: true,
    minify: true,
    format: 'esm',
    platform: 'browser',
    // A module the SDK imports with `import()` (the layer sync's planner) becomes a chunk of its own,
    // loaded on first use, as Vite, Rollup and webpack make it.
    splitting,
    outdir: 'size-check',
    write: false,
    metafile: true,
    logLevel: 'silent',
    // Kept out of the bundle so that the check below can name them, rather than esbuild failing to resolve.
    external: ['node:*'],
  });

/**
 * The gzipped size of what the app loads up front (its entry and the chunks that imports, each gzipped
 * as it is served) and of what it may load later (the chunks behind an `import()` in what it loaded).
 */
const sizes = (result) => {
  const { outputs } = result.metafile;
  const gzipped = new Map(result.outputFiles.map((file) => [resolve(file.path), gzipSync(file.contents, { level: 9 }).length]));
  /** `keys` and every chunk they import with an import of `kind`, transitively. */
  const closure = (keys, kind) => {
    const found = new Set(keys);
    for (const key of found) for (const item of outputs[key].imports) if (item.kind === kind && !item.external) found.add(item.path);
    return found;
  };
  // The app's own entry (a chunk behind an `import()` is an entry point of the build too).
  const upFront = closure(Object.keys(outputs).filter((key) => outputs[key].entryPoint === 'app:app'), 'import-statement');
  const later = [...upFront].flatMap((key) => outputs[key].imports.filter((item) => item.kind === 'dynamic-import').map((item) => item.path));
  const onDemand = [...closure(later, 'import-statement')].filter((key) => !upFront.has(key));
  const total = (keys) => [...keys].reduce((sum, key) => sum + gzipped.get(resolve(key)), 0);
  return { upFront: total(upFront), onDemand: total(onDemand) };
};

let failed = false;
// Every export of the client entries, not only what the apps use: none may need Node.
for (const entry of ['./dist/index.js', './dist/policies.js']) {
  const result = await bundle(`export * from '${entry}';`);
  const nodeImports = Object.values(result.metafile.inputs).flatMap((input) =>
    input.imports.filter((item) => item.path.startsWith('node:')).map((item) => item.path),
  );
  if (nodeImports.length > 0) {
    console.error(`${entry} imports Node-only modules: ${[...new Set(nodeImports)].join(', ')}`);
    failed = true;
  }
}
const kb = (bytes) => `${(bytes / 1024).toFixed(1)} KB`;
for (const app of APPS) {
  const { upFront, onDemand } = sizes(await bundle(app.code, { splitting: true }));
  const over = upFront > app.budget || onDemand > (app.onDemandBudget ?? 0);
  const later = onDemand > 0 || app.onDemandBudget ? `; on first use: ${kb(onDemand)} (budget ${kb(app.onDemandBudget ?? 0)})` : '';
  console.log(`${app.name} (with zod/mini and ky), minified + gzipped: ${kb(upFront)}, ${upFront} bytes (budget ${kb(app.budget)})${later}${over ? ': OVER' : ''}`);
  failed ||= over;
}
if (failed) process.exit(1);
