// Both OpenAPI documents as built (dist/openapi.json, dist/mock-openapi.json) lint clean with the two
// linters third parties use: Redocly's recommended rules (redocly.yaml) and Spectral's `spectral:oas`
// (.spectral.yaml). No error and no warning; the one deliberate exception is listed, with its reason, in
// .redocly.lint-ignore.yaml, and a new one fails here until it is added there.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const DOCUMENTS = ['dist/openapi.json', 'dist/mock-openapi.json'];
/** Problems .redocly.lint-ignore.yaml lets through, by document. */
const IGNORED = { 'dist/openapi.json': 1, 'dist/mock-openapi.json': 0 };

const bin = (name) => join('node_modules', '.bin', name);
/** Runs a linter; its output, also when it exits 1 (what both do when they find something). Anything else is a crash. */
const run = (command, args) => {
  try {
    return execFileSync(command, args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], maxBuffer: 64 * 1024 * 1024 });
  } catch (error) {
    if (error.status === 1) return error.stdout;
    throw error;
  }
};

const problems = [];
const dir = mkdtempSync(join(tmpdir(), 'scaling-openapi-lint-'));
try {
  for (const document of DOCUMENTS) {
    const before = problems.length;
    const redocly = JSON.parse(run(bin('redocly'), ['lint', document, '--format=json']));
    for (const problem of redocly.problems) {
      problems.push(`${document}: redocly ${problem.severity} ${problem.ruleId}: ${problem.message} (${problem.location?.[0]?.pointer ?? ''})`);
    }
    if (redocly.totals.ignored !== IGNORED[document]) problems.push(`${document}: redocly ignored ${redocly.totals.ignored} problem(s), .redocly.lint-ignore.yaml is meant to ignore ${IGNORED[document]}`);

    const output = join(dir, 'spectral.json');
    run(bin('spectral'), ['lint', document, '--ruleset', '.spectral.yaml', '--format', 'json', '--output', output, '--fail-severity', 'hint']);
    for (const result of JSON.parse(readFileSync(output, 'utf8'))) {
      problems.push(`${document}: spectral ${['error', 'warning', 'info', 'hint'][result.severity]} ${result.code}: ${result.message} (${result.path.join('.')})`);
    }
    if (problems.length === before) console.log(`${document}: redocly (recommended) and spectral (spectral:oas) report nothing`);
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}
if (problems.length > 0) {
  console.error(`The OpenAPI documents do not lint clean:\n  ${problems.join('\n  ')}`);
  process.exit(1);
}
