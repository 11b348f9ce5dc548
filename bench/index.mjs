// `npm run bench`: every figure is a ratio of two things measured side by side in one run, so a
// busy or slow machine moves both sides together. Runs against the built package in dist/.
import { sdkOverhead } from './sdk-overhead.mjs';
import { mockThroughput } from './mock-throughput.mjs';
import { simulation } from './simulation.mjs';

const only = process.argv[2];
const results = [
  ...(only && only !== 'sdk' ? [] : await sdkOverhead()),
  ...(only && only !== 'mock' ? [] : await mockThroughput()),
  ...(only && only !== 'simulation' ? [] : await simulation()),
];

console.log('\n| benchmark | measured | baseline | ratio | target |');
console.log('|---|---|---|---|---|');
for (const row of results) {
  console.log(`| ${row.name} | ${row.measured} | ${row.baseline} | ${row.ratio.toFixed(3)}x | ${row.target} |`);
}
const failed = results.filter((row) => !row.ok);
if (failed.length > 0) {
  console.log(`\nOver target: ${failed.map((row) => row.name).join(', ')}`);
  process.exitCode = 1;
}
