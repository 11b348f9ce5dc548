import { readFileSync } from 'node:fs';
import { expect, test } from 'vitest';

/**
 * The README is for the people who install the package: its first code block installs it, and its
 * mock quick start is `examples/paging.test.ts` word for word, which runs as a test of its own (so
 * the README's example cannot rot).
 */

const readme = readFileSync(new URL('../README.md', import.meta.url), 'utf8');
const blocks = [...readme.matchAll(/```(\w*)\n([\s\S]*?)```/g)].map((match) => ({ lang: match[1], code: match[2]! }));

test('the first code block installs the package', () => {
  expect(blocks[0]!.lang).toBe('sh');
  expect(blocks[0]!.code.split('\n')[0]).toBe('npm install @scaling-cloud/sdk');
});

test('the mock quick start is examples/paging.test.ts, which runs with the unit tests', () => {
  const example = readFileSync(new URL('../examples/paging.test.ts', import.meta.url), 'utf8');
  expect(blocks.map((block) => block.code)).toContain(example);
});

test('it stays short: depth lives in docs/', () => {
  expect(readme.split('\n').length).toBeLessThanOrEqual(160);
});
