// What a browser app ships for the client: the app below bundled from dist/ with its dependencies
// (zod/mini, ky), minified and gzipped, as esbuild's tree shaking leaves it. Each must stay within its
// budget, and no client entry may import a `node:` module.
//
// The budgets are set just above today's sizes, so that growth fails the check and has to be argued
// for. Where the bytes go (docs/performance.md): ky 8.2 KB and zod's core for these schemas about
// 9.5 KB come before one line of the SDK, so issue 15's 23 KB (whole client) and 20 KB (one resource)
// are out of reach with ky and zod/mini on the request path. "errors only" guards the tree shaking
// itself: the SDK's modules have no top-level side effects (the build marks every call made while a
// module loads as pure, see tsup.config.ts), so an app that names only the error classes ships them alone.
import { build } from 'esbuild';
import { gzipSync } from 'node:zlib';

const APPS = [
  {
    name: 'whole client',
    code: `import { Scaling } from './dist/index.js'; globalThis.client = new Scaling({ apiKey: 'k' });`,
    // Issue 16 added about 0.8 KB: `.withResponse()`, `retry: { baseDelayMs, maxDelayMs }` and the
    // connection error's cause in its message (31.4 KB then).
    budget: 32 * 1024,
  },
  {
    name: 'policies only (@scaling-cloud/sdk/policies)',
    code: `import { ScalingPolicies } from './dist/policies.js'; globalThis.client = new ScalingPolicies({ apiKey: 'k' });`,
    // The same 0.8 KB of issue 16 (24.6 KB then).
    budget: 25 * 1024,
  },
  {
    name: 'errors only',
    code: `import { ScalingError, ScalingNotFoundError } from './dist/index.js'; globalThis.errors = [ScalingError, ScalingNotFoundError];`,
    budget: 1.5 * 1024,
  },
];

const bundle = (contents) =>
  build({
    stdin: { contents, resolveDir: process.cwd() },
    bundle: true,
    minify: true,
    format: 'esm',
    platform: 'browser',
    write: false,
    metafile: true,
    logLevel: 'silent',
    // Kept out of the bundle so that the check below can name them, rather than esbuild failing to resolve.
    external: ['node:*'],
  });

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
for (const app of APPS) {
  const result = await bundle(app.code);
  const bytes = gzipSync(result.outputFiles[0].contents, { level: 9 }).length;
  const over = bytes > app.budget;
  console.log(`${app.name} (with zod/mini and ky), minified + gzipped: ${(bytes / 1024).toFixed(1)} KB, ${bytes} bytes (budget ${(app.budget / 1024).toFixed(1)} KB)${over ? ': OVER' : ''}`);
  failed ||= over;
}
if (failed) process.exit(1);
