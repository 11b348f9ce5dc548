import { defineConfig } from 'tsup';

export default defineConfig({
  entry: {
    index: 'src/index.ts',
    schemas: 'src/schemas/index.ts',
    mocks: 'mocks/index.ts',
  },
  format: ['esm', 'cjs'],
  dts: true,
  clean: true,
  sourcemap: true,
  target: 'node22',
  // msw is the consumer's own (an optional peer); zod and ky are dependencies. None is bundled.
  external: ['msw', 'zod', 'ky'],
});
