// The client entry as a browser app would ship it: dist/index.js bundled with its dependencies (zod/mini,
// ky), minified and gzipped, must stay within the budget; and it must not import any `node:` module.
//
// The budget is not the 20 KB the publishing issue asked for: ky alone is 8.7 KB gzipped and zod's
// core for these schemas about 9 KB, before one line of the SDK (see README, "Performance"). It is
// set just above today's size so that growth fails the check and has to be argued for.
//
// 31 → 33 KB: the API as the Terraform provider uses it added working hours, routing policies,
// inbound integrations, PUT replacements and the component page (their schemas and methods: 29.7 →
// 32.6 KB). The endpoints' prose (summaries, descriptions) is kept out of the client: it sits in
// separate `…Docs` objects with no side effects, which only the OpenAPI document and the method
// reference import.
//
// 33 → 35 KB: hardening against hostile servers (issue 14: the response-size cap read as a stream,
// key redaction in errors, bounded `toJSON`, the validator's overflow guard, 33.0 → 34.1 KB) and a
// status-0 response as a connection failure (issue 13). The performance issue (15) cuts the bundle
// below this with module boundaries per resource.
import { build } from 'esbuild';
import { gzipSync } from 'node:zlib';

const BUDGET = 35 * 1024;
const result = await build({
  entryPoints: ['dist/index.js'],
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
const nodeImports = Object.values(result.metafile.inputs).flatMap((input) =>
  input.imports.filter((entry) => entry.path.startsWith('node:')).map((entry) => entry.path),
);
if (nodeImports.length > 0) {
  console.error(`The client entry imports Node-only modules: ${[...new Set(nodeImports)].join(', ')}`);
  process.exit(1);
}
const bytes = gzipSync(result.outputFiles[0].contents, { level: 9 }).length;
console.log(`client entry (with zod/mini and ky), minified + gzipped: ${(bytes / 1024).toFixed(1)} KB, ${bytes} bytes (budget ${BUDGET / 1024} KB)`);
if (bytes > BUDGET) process.exit(1);
