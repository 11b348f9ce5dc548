import { readFile, writeFile } from 'node:fs/promises';
import { buildSync, type Plugin } from 'esbuild';
import { defineConfig, type Options } from 'tsup';
import ts from 'typescript';

// msw is the consumer's own (an optional peer); zod and ky are dependencies; vitest is the
// consumer's test runner. None is bundled.
const external = ['msw', 'zod', 'ky', 'vitest'];

/**
 * Marks every call made while a client module loads (`const Layer = z.looseObject({ … })`, the
 * endpoint table) as `/* @__PURE__ *\/`, each nested call too, since a bundler keeps an unmarked one.
 * The SDK's modules have no other top-level effect, so an app's bundler can drop whatever it does not
 * use: the mock-only schemas, the resources a single-resource client leaves out, the error classes an
 * app never names. Only calls in top-level `const` initializers are marked, outside functions and
 * classes (whose bodies run later); a statement that is a call is left alone.
 */
export const annotatePureCalls = (source: string, fileName: string): string => {
  const file = ts.createSourceFile(fileName, source, ts.ScriptTarget.Latest, true, ts.ScriptKind.TS);
  const edits: Array<{ at: number; text: string; depth: number }> = [];
  const visit = (node: ts.Node, depth: number): void => {
    if (ts.isFunctionLike(node) || ts.isClassLike(node)) return;
    if (ts.isCallExpression(node) || ts.isNewExpression(node)) {
      // Parenthesised, so that a call on a call (`z.string().check(…)`) marks both.
      edits.push({ at: node.getStart(file), text: '(/* @__PURE__ */ ', depth }, { at: node.getEnd(), text: ')', depth: -depth });
      depth += 1;
    }
    ts.forEachChild(node, (child) => visit(child, depth));
  };
  for (const statement of file.statements) {
    if (!ts.isVariableStatement(statement)) continue;
    for (const declaration of statement.declarationList.declarations) if (declaration.initializer) visit(declaration.initializer, 1);
  }
  // From the end, so earlier offsets stay true. Text inserted at one offset lands before what was
  // inserted there already: the outer call's opening goes in last.
  edits.sort((a, b) => b.at - a.at || b.depth - a.depth);
  let out = source;
  for (const edit of edits) out = out.slice(0, edit.at) + edit.text + out.slice(edit.at);
  return out;
};

const pureCalls: Plugin = {
  name: 'pure-calls',
  setup(build) {
    build.onLoad({ filter: /[\\/]src[\\/].*\.ts$/ }, async ({ path }) => ({
      contents: annotatePureCalls(await readFile(path, 'utf8'), path),
      loader: 'ts',
    }));
  },
};

const entries = {
  index: 'src/index.ts',
  // A client with policies and layers only: a smaller bundle for an app that needs nothing else.
  policies: 'src/policies.ts',
  schemas: 'src/schemas/index.ts',
  mocks: 'mocks/index.ts',
  // Node only (node:http): apart from `mocks`, which must bundle for the browser.
  'mocks-server': 'mocks/server/index.ts',
};

/** The source files the entries import, directly or not (the packages they import stay out). */
const sourceFilesOf = (entryPoints: string[]): string[] =>
  Object.keys(buildSync({ entryPoints, bundle: true, packages: 'external', platform: 'node', format: 'esm', outdir: 'unused', write: false, metafile: true, logLevel: 'silent' }).metafile.inputs);

const ESM_DIR = 'esm';

/**
 * `dist/index.js` and the other ES module entries: each re-exports its source module in `dist/esm/`.
 * (The CommonJS entries are bundles, since Node's `require` is the only one to load them.)
 */
const writeEsmEntries = async () => {
  for (const [name, source] of Object.entries(entries)) {
    await writeFile(`dist/${name}.js`, `export * from './${ESM_DIR}/${source.replace(/\.ts$/, '.js')}';\n`);
  }
};

/** The options the builds of the five entries share. */
const shared: Options = {
  sourcemap: true,
  target: 'node22',
  external,
  esbuildPlugins: [pureCalls],
};

export default defineConfig([
  {
    // The ES modules one file per source module, not bundled into chunks: an app's bundler then sees
    // the SDK's own module boundaries, keeps them in import order and drops per module what the app
    // does not use. Chunks group modules by the entries that share them instead, and the bundle an app
    // builds from them gzips 0.35 KB larger (test/package/size.mjs).
    ...shared,
    entry: sourceFilesOf(Object.values(entries)),
    outDir: `dist/${ESM_DIR}`,
    format: ['esm'],
    bundle: false,
    onSuccess: writeEsmEntries,
  },
  {
    ...shared,
    entry: entries,
    format: ['cjs'],
    // `@internal` declarations (the resources' constructors, which take the transport) stay out of the
    // published types: users get resources from a client, and the transport is no public name.
    dts: { compilerOptions: { stripInternal: true } },
  },
  {
    // The ES modules' declarations (`dist/index.d.ts`…), beside the CommonJS ones (`.d.cts`) above.
    entry: entries,
    format: ['esm'],
    dts: { only: true, compilerOptions: { stripInternal: true } },
  },
  {
    // `@scaling-cloud/sdk/mocks/vitest` exports nothing: importing it registers the matchers. Its
    // declarations must still be a module, or their `declare module 'vitest'` would replace vitest's
    // types instead of adding to them; the bundled .d.ts drops an empty `export {}`, so it is put back.
    // It also drops the import of vitest, which the augmentation needs: on vitest 3 and 4 (`Assertion`
    // re-exported from @vitest/expect) it merges only if vitest's types are loaded first, and a test
    // file may import this entry before it imports vitest.
    entry: { vitest: 'mocks/vitest.ts' },
    format: ['esm', 'cjs'],
    dts: { banner: "import 'vitest';", footer: 'export {};' },
    sourcemap: true,
    target: 'node22',
    external,
  },
  {
    // The standalone server's command line: ESM only, run by Node.
    entry: { cli: 'mocks/server/cli.ts' },
    format: ['esm'],
    banner: { js: '#!/usr/bin/env node' },
    sourcemap: true,
    target: 'node22',
    external,
  },
]);
