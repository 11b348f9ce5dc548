import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // Leaks are failures: an open handle or a stray rejection means a user's test suite would hang or flake.
    dangerouslyIgnoreUnhandledErrors: false,
  },
});
