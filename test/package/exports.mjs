// What the built package's entry points export at runtime, through `import` and through `require`,
// loaded by the package's own name (its `exports` map): each must equal the reviewed list in
// entry-exports.json, which test/entry-points.test.ts checks against the sources. A name that appears or
// disappears here is a change to the public API. (`./mocks/vitest` is checked by the unit test and
// the consumer project: it calls `expect.extend`, which needs vitest running.)
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

const reviewed = JSON.parse(readFileSync(new URL('./entry-exports.json', import.meta.url), 'utf8'));
const require = createRequire(import.meta.url);
const ENTRIES = ['./policies', './schemas', './mocks', './mocks/server'];

const problems = [];
for (const entry of ENTRIES) {
  const specifier = `@scaling-cloud/sdk${entry.slice(1)}`;
  const expected = reviewed[entry];
  for (const [format, load] of [['import', () => import(specifier)], ['require', async () => require(specifier)]]) {
    const actual = Object.keys(await load()).sort();
    const extra = actual.filter((name) => !expected.includes(name));
    const missing = expected.filter((name) => !actual.includes(name));
    if (extra.length > 0 || missing.length > 0) {
      problems.push(`${specifier} (${format}): not reviewed ${extra.join(', ') || 'none'}; missing ${missing.join(', ') || 'none'}`);
    } else {
      console.log(`${specifier} (${format}): the ${actual.length} reviewed exports`);
    }
  }
}
if (problems.length > 0) {
  console.error(`Entry points export something else than test/package/entry-exports.json lists:\n  ${problems.join('\n  ')}`);
  process.exit(1);
}
