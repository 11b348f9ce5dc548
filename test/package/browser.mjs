// The mocks entry as a browser app would ship it (for `setupWorker(...mock.handlers)`): dist/mocks.js
// bundled by esbuild for the browser with everything it imports, msw included. It must not import any
// `node:` module or Node builtin, in any form: the standalone server, which needs `node:http`, lives in
// `@scaling-cloud/sdk/mocks/server`. No workaround is allowed either: a `node:` specifier hidden in a
// string (a lazy `import(name)` that bundlers cannot see) fails the check too.
//
// The schemas entry is checked the same way (the client entry is checked by size.mjs).
import { build } from 'esbuild';
import { builtinModules } from 'node:module';

// Other files can be given as arguments (`node test/package/browser.mjs dist/mocks-server.js` must fail).
const ENTRIES = process.argv.length > 2 ? process.argv.slice(2) : ['dist/mocks.js', 'dist/schemas.js'];
// Bare builtin names (`http`, `fs/promises`) as well as `node:` ones; without the `_`-prefixed internals.
const builtins = builtinModules.filter((name) => !name.startsWith('_'));
const isNodeBuiltin = (path) => path.startsWith('node:') || builtins.includes(path);

let failed = false;
for (const entry of ENTRIES) {
  let result;
  try {
    result = await build({
      entryPoints: [entry],
      bundle: true,
      format: 'esm',
      platform: 'browser',
      write: false,
      metafile: true,
      logLevel: 'silent',
      // Kept out of the bundle so that the check below can name them, rather than esbuild failing to resolve.
      external: ['node:*', ...builtins],
    });
  } catch (error) {
    console.error(`${entry} does not bundle for the browser:\n${error.errors?.map((e) => `  ${e.text} (${e.location?.file ?? '?'})`).join('\n') ?? error}`);
    failed = true;
    continue;
  }
  const imports = Object.entries(result.metafile.inputs).flatMap(([file, input]) =>
    input.imports.filter(({ path }) => isNodeBuiltin(path)).map(({ path, kind }) => `${file} → ${path} (${kind})`),
  );
  const text = result.outputFiles[0].text;
  const hidden = [...new Set(text.match(/["'`]node:[\w/]+["'`]/g) ?? [])];
  if (imports.length > 0 || hidden.length > 0) {
    console.error(`${entry}, bundled for the browser, reaches Node-only modules:`);
    for (const line of imports) console.error(`  ${line}`);
    for (const specifier of hidden) console.error(`  a ${specifier} specifier in the bundle`);
    failed = true;
    continue;
  }
  const inputs = Object.keys(result.metafile.inputs).length;
  console.log(`${entry} bundled for the browser: ${inputs} modules, ${(text.length / 1024).toFixed(0)} KB, no node: import or Node builtin`);
}
if (failed) process.exit(1);
