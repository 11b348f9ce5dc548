import { defineConfig } from 'tsup';

// msw is the consumer's own (an optional peer); zod and ky are dependencies; vitest is the
// consumer's test runner. None is bundled.
const external = ['msw', 'zod', 'ky', 'vitest'];

export default defineConfig([
  {
    entry: {
      index: 'src/index.ts',
      schemas: 'src/schemas/index.ts',
      mocks: 'mocks/index.ts',
      // Node only (node:http): apart from `mocks`, which must bundle for the browser.
      'mocks-server': 'mocks/server/index.ts',
    },
    format: ['esm', 'cjs'],
    dts: true,
    sourcemap: true,
    target: 'node22',
    external,
  },
  {
    // `@scaling-cloud/sdk/mocks/vitest` exports nothing: importing it registers the matchers. Its
    // declarations must still be a module, or their `declare module 'vitest'` would replace vitest's
    // types instead of adding to them; the bundled .d.ts drops an empty `export {}`, so it is put back.
    entry: { vitest: 'mocks/vitest.ts' },
    format: ['esm', 'cjs'],
    dts: { footer: 'export {};' },
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
