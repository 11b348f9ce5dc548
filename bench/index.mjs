// `npm run bench`: every figure is a ratio of two things measured side by side in one run, so a
// busy or slow machine moves both sides together. Runs against the built package in dist/.
// `npm run bench -- --write` also records the table, with the machine it ran on, in bench/RESULTS.md;
// `npm run bench -- sdk|mock|simulation|snapshot|pages` runs one part; `--smoke` runs every part at a
// tiny size and checks no target (`npm test` does, so that the benchmarks keep running).
import { writeFileSync } from 'node:fs';
import { cpus, loadavg, totalmem } from 'node:os';
import { mockThroughput } from './mock-throughput.mjs';
import { pagesFilter } from './pages.mjs';
import { sdkOverhead } from './sdk-overhead.mjs';
import { simulation } from './simulation.mjs';
import { SMOKE } from './smoke.mjs';
import { snapshotRestore } from './snapshot.mjs';

const args = process.argv.slice(2);
const write = args.includes('--write') && !SMOKE;
const only = args.find((arg) => !arg.startsWith('--'));
const results = [
  ...(only && only !== 'sdk' ? [] : await sdkOverhead(SMOKE ? { rounds: 2, stubBatch: 5, loopbackBatch: 5 } : undefined)),
  ...(only && only !== 'mock' ? [] : await mockThroughput()),
  ...(only && only !== 'simulation' ? [] : await simulation()),
  ...(only && only !== 'snapshot' ? [] : await snapshotRestore()),
  ...(only && only !== 'pages' ? [] : await pagesFilter()),
];

const table = [
  '| benchmark | measured | baseline | ratio | target |',
  '|---|---|---|---|---|',
  ...results.map((row) => `| ${row.name} | ${row.measured} | ${row.baseline} | ${row.ratio.toFixed(3)}x | ${row.target}${row.ok ? '' : ' (missed)'} |`),
];
console.log(`\n${table.join('\n')}`);
const failed = results.filter((row) => !row.ok);
if (SMOKE) {
  console.log(`\nbench --smoke: ${results.length} rows, every benchmark ran (tiny sizes: the figures mean nothing, no target checked)`);
} else if (failed.length > 0) {
  console.log(`\nOver target: ${failed.map((row) => row.name).join(', ')}`);
  process.exitCode = 1;
}

if (write) {
  const machine = [
    `- when: ${new Date().toISOString()}`,
    `- Node.js ${process.version} on ${process.platform} ${process.arch}`,
    `- CPU: ${cpus().length} × ${cpus()[0]?.model ?? 'unknown'}; memory ${(totalmem() / 2 ** 30).toFixed(0)} GiB`,
    `- load average before the run ended: ${loadavg().map((load) => load.toFixed(2)).join(' ')}`,
  ];
  writeFileSync(
    new URL('./RESULTS.md', import.meta.url),
    `# Benchmark results\n\nOne run of \`npm run bench\`, as printed. Every ratio compares two things measured side by side in the same run.\n\n${machine.join('\n')}\n\n${table.join('\n')}\n`,
  );
}
