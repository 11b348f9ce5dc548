// Downstream tests per second in one vitest worker: vitest itself runs bench/downstream.vitest.mjs
// (programmatically, one fork, no isolation between tests beyond vitest's own), and the tests'
// end instants give the rate: after a warm-up, the median over blocks of consecutive tests, so a
// moment when the shared machine is busy moves one block, not the figure.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startVitest } from 'vitest/node';
import { sized } from './smoke.mjs';

const WARM_UP = sized(40, 4);
const BLOCK = sized(40, 4);

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

/**
 * Tests per second of one vitest worker running `tests` tests against the package in `dist` (a file
 * URL ending in /): `wall`, and `cpu`, per second of the worker's own CPU time (steadier when the
 * machine is shared: waiting for a core does not count).
 */
export const downstreamRate = async ({ tests = 320, dist } = {}) => {
  const dir = mkdtempSync(join(tmpdir(), 'scaling-bench-'));
  const out = join(dir, 'ends.json');
  try {
    const env = { SCALING_BENCH_OUT: out, SCALING_BENCH_TESTS: String(tests), ...(dist ? { SCALING_BENCH_DIST: dist } : {}) };
    const vitest = await startVitest(
      'test',
      [],
      {
        config: false,
        root: fileURLToPath(new URL('..', import.meta.url)),
        include: ['bench/downstream.vitest.mjs'],
        watch: false,
        pool: 'forks',
        maxWorkers: 1,
        reporters: process.env.SCALING_BENCH_VERBOSE ? ['default'] : [{}],
        env,
      },
    );
    const failed = vitest.state.getCountOfFailedTests();
    await vitest.close();
    if (failed > 0) throw new Error(`downstream bench: ${failed} of the vitest tests failed`);
    const ends = JSON.parse(readFileSync(out, 'utf8'));
    const rates = (clock) => {
      const blocks = [];
      for (let from = WARM_UP; from + BLOCK < ends.length; from += BLOCK) blocks.push((BLOCK * 1000) / (ends[from + BLOCK][clock] - ends[from][clock]));
      return median(blocks);
    };
    return { wall: rates(0), cpu: rates(1) };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
};
