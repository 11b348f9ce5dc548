import { execFile } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { promisify } from 'node:util';
import { expect, test } from 'vitest';

const run = promisify(execFile);
const examples = readdirSync(new URL('../examples/', import.meta.url)).filter(
  (file) => file.endsWith('.ts') && !file.endsWith('.test.ts') && file !== 'connect.ts',
);

// Each example is a program a user runs: it must finish against the embedded mock, with no account.
test.each(examples)('examples/%s runs to completion against the mock', async (file) => {
  const env = { ...process.env };
  delete env.SCALING_API_KEY;
  delete env.SCALING_BASE_URL;
  const { stdout } = await run('npx', ['tsx', `examples/${file}`], { env, timeout: 60_000 });
  expect(stdout.length).toBeGreaterThan(0);
}, 60_000);
