import { execFile } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { promisify } from 'node:util';
import { expect, test } from 'vitest';

const run = promisify(execFile);

/** What each example must print to show it did its job, not merely that it exited. */
const expectations: Record<string, RegExp[]> = {
  'quickstart.ts': [/^policy {3}pol_/m, /^layer 2 /m, /^incident inc_\w+ {2}investigating/m, /^after reorder: 1:layer_/m],
  'escalation-simulation.ts': [/layer_paged \(layer 1\): Alice/, /layer_paged \(layer 2\): Carol/, /escalation_exhausted/, /nobody else/],
  'error-handling.ts': [
    /ScalingValidationError \(field position\)/,
    /ScalingNotFoundError \(404 not_found/,
    /ScalingAuthenticationError/,
    /ScalingAbortError/,
    /ScalingConflictError/,
    /ScalingInvalidTargetError/,
    /one 429, then success \(retried\): no error/,
    /ScalingRateLimitError \(429 rate_limited after 2 attempt/,
    /ScalingServerError \(503 server_error after 1 attempt/,
    /a 500 after the write: ScalingServerError \(500 server_error after 1 attempt/,
    /^checked before retrying: the incident exists once$/m,
    /^POST \/incidents the mock saw: 1$/m,
    /ScalingConnectionError \(after 2 attempt/,
    /^attempts the mock saw: 2$/m,
    /ScalingTimeoutError/,
  ],
};

const programs = readdirSync(new URL('../examples/', import.meta.url)).filter(
  (file) => file.endsWith('.ts') && !file.endsWith('.test.ts') && file !== 'connect.ts',
);

test('every example program has its expectations here', () => {
  expect(programs.sort()).toEqual(Object.keys(expectations).sort());
});

// Each example is a program a user runs: it must finish against the embedded mock, with no account.
test.each(programs)('examples/%s runs against the mock and shows what it promises', async (file) => {
  const env = { ...process.env };
  delete env.SCALING_API_KEY;
  delete env.SCALING_BASE_URL;
  const { stdout } = await run('npx', ['tsx', `examples/${file}`], { env, timeout: 60_000 });
  for (const pattern of expectations[file] ?? []) expect(stdout).toMatch(pattern);
}, 60_000);
