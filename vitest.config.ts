import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

const here = (path: string) => fileURLToPath(new URL(path, import.meta.url));

/**
 * Tests that leave the process or race the wall clock: a real `node:http` server or CLI
 * (`test/server`), real sockets and timeouts (`test/faults`), headless Chromium (`test/browser`),
 * `npm pack` (`test/package`), the examples run by `tsx` (`examples.test.ts`), and the mock's
 * real-time mode, driven by the wall clock (`realtime.test.ts`), and the retry tests, which wait out
 * real backoff delays (`errors.test.ts`).
 */
const integration = [
  'test/server/**/*.test.ts',
  'test/faults/**/*.test.ts',
  'test/browser/**/*.test.ts',
  'test/package/**/*.test.ts',
  'test/examples.test.ts',
  'test/realtime.test.ts',
  // Retries wait out real backoff and Retry-After delays (up to a second each).
  'test/errors.test.ts',
  // Retry delays measured against the wall clock.
  'test/retry-options.test.ts',
];
/** Property-based fuzzing of the mock; `FUZZ_RUNS` scales it (`npm run test:fuzz`). */
const fuzz = ['test/fuzz/**/*.test.ts'];
/** In-process, but slow for their size (hundreds of requests, thousands of seeded cases). */
const slow = ['test/slow/**/*.test.ts'];

export default defineConfig({
  resolve: {
    // Examples and consumer-style tests import the package by name; in the repo that is the source.
    alias: [
      { find: /^@scaling-cloud\/sdk\/policies$/, replacement: here('./src/policies.ts') },
      { find: /^@scaling-cloud\/sdk\/schemas$/, replacement: here('./src/schemas/index.ts') },
      { find: /^@scaling-cloud\/sdk\/mocks\/vitest$/, replacement: here('./mocks/vitest.ts') },
      { find: /^@scaling-cloud\/sdk\/mocks\/server$/, replacement: here('./mocks/server/index.ts') },
      { find: /^@scaling-cloud\/sdk\/mocks$/, replacement: here('./mocks/index.ts') },
      { find: /^@scaling-cloud\/sdk$/, replacement: here('./src/index.ts') },
    ],
  },
  test: {
    projects: [
      {
        // The inner loop (`npm run test:fast`): in-process only, through MSW or `mock.fetch`.
        extends: true,
        test: {
          name: 'unit',
          include: ['test/**/*.test.ts', 'examples/**/*.test.ts'],
          exclude: [...integration, ...fuzz, ...slow],
          // One module graph per worker instead of one per file: importing msw, zod and the sources
          // again for every file was half of this project's CPU time. Each file still starts its
          // own MSW server and a fresh mock per test (test/helpers.ts), and closes the server after.
          isolate: false,
        },
      },
      {
        extends: true,
        test: {
          name: 'integration',
          include: integration,
          // Child processes and Chromium start slowly on a busy 2-core machine; tests that need
          // a tighter bound set their own.
          testTimeout: 30_000,
          // A group of its own, so no other project's files run beside it where vitest runs several
          // files at once: they would delay the timers and sockets whose timing the fault matrix
          // checks. (On 2 cores vitest runs one file at a time: unit, then this, then fuzz and slow.)
          sequence: { groupOrder: 1 },
        },
      },
      {
        extends: true,
        // Thousands of requests per test: on a busy 2-core machine even the smaller ones outgrow the
        // 5 s default (tests that know their size set their own, larger budget).
        test: { name: 'fuzz', include: fuzz, testTimeout: 60_000 },
      },
      {
        extends: true,
        test: { name: 'slow', include: slow, testTimeout: 60_000 },
      },
      {
        // The type tests (`*.test-d.ts`): vitest runs tsc and maps its errors to the tests.
        extends: true,
        test: {
          name: 'types',
          include: [],
          typecheck: {
            enabled: true,
            only: true,
            include: ['test/**/*.test-d.ts'],
            tsconfig: './test/tsconfig.types.json',
          },
        },
      },
    ],
  },
});
