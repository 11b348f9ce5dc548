import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

const here = (path: string) => fileURLToPath(new URL(path, import.meta.url));

export default defineConfig({
  resolve: {
    // Examples and consumer-style tests import the package by name; in the repo that is the source.
    alias: [
      { find: /^@scaling-cloud\/sdk\/schemas$/, replacement: here('./src/schemas/index.ts') },
      { find: /^@scaling-cloud\/sdk\/mocks\/vitest$/, replacement: here('./mocks/vitest.ts') },
      { find: /^@scaling-cloud\/sdk\/mocks\/server$/, replacement: here('./mocks/server/index.ts') },
      { find: /^@scaling-cloud\/sdk\/mocks$/, replacement: here('./mocks/index.ts') },
      { find: /^@scaling-cloud\/sdk$/, replacement: here('./src/index.ts') },
    ],
  },
  test: {
    include: ['test/**/*.test.ts', 'examples/**/*.test.ts'],
  },
});
