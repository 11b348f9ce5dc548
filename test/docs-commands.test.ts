import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from 'vitest';

/**
 * Every command the README and docs/ show is run by a test: each one found in a shell block or in
 * inline code is listed below with the file that runs it and what in that file shows it does. A
 * command added to the docs and to no test fails here until it is; a test that stops running one
 * fails here too (its evidence is gone). Placeholders: `$KEY` is the key the server prints,
 * 127.0.0.1:4010 the port a test picked.
 */

const root = join(import.meta.dirname, '..');
const read = (path: string) => readFileSync(join(root, path), 'utf8');
const pages = ['README.md', ...readdirSync(join(root, 'docs')).filter((name) => name.endsWith('.md')).map((name) => `docs/${name}`)];

/** Commands in `sh` blocks (comments and output lines dropped) and inline `npm …`, `npx …`, `curl …`. */
const commandsOf = (text: string): string[] => {
  const commands: string[] = [];
  for (const block of text.matchAll(/```(?:sh|bash|shell)\n([\s\S]*?)```/g)) {
    for (const line of block[1]!.split('\n')) {
      const command = line.replace(/\s+#.*$/, '').trim();
      if (command !== '' && !command.startsWith('#')) commands.push(command);
    }
  }
  for (const inline of text.replace(/```[\s\S]*?```/g, '').matchAll(/`((?:npm|npx|curl) [^`]+)`/g)) commands.push(inline[1]!.replace(/\s+/g, ' '));
  return commands;
};

type Evidence = { file: string; shows: string[] };
const RUN_BY: Array<{ command: RegExp; by: Evidence[] }> = [
  // Installing: the consumer project installs the packed tarball (the package is not published from
  // here) with its peers, plain `npm install`, then runs and type-checks code against it.
  { command: /^npm install @scaling-cloud\/sdk$/, by: [{ file: 'test/package/consumer.mjs', shows: ["'install'", 'tarball'] }] },
  { command: /^npm install --save-dev msw@3 vitest@5$/, by: [{ file: 'test/package/consumer.mjs', shows: ["'msw@3'", "'vitest@5'"] }] },
  // "with a plain `npm install`": the compatibility suite's consumer projects, on the lowest to the highest peers.
  { command: /^npm install$/, by: [{ file: 'test/compat/peers.mjs', shows: ["[cli, 'install', '--no-audit'"] }, { file: '.ci/run', shows: ['npm run test:compat'] }] },
  { command: /^npx -p @scaling-cloud\/sdk -p msw scaling-mock --port 4010 --seed example$/, by: [{ file: 'test/package/consumer.mjs', shows: ["'scaling-mock'", "'--seed', 'example'"] }] },
  { command: /^npx scaling-mock$/, by: [{ file: 'test/package/consumer.mjs', shows: ["'scaling-mock'"] }] },
  // The contributor commands: CI runs `npm ci && npm test` and the compatibility suite; `npm start` is
  // `tsx examples/escalation-simulation.ts`, which test/examples.test.ts runs with every other example.
  { command: /^npm install && npm test$|^npm test$/, by: [{ file: '.ci/run', shows: ['\nnpm test\n'] }] },
  { command: /^npm run test:compat$/, by: [{ file: '.ci/run', shows: ['\nnpm run test:compat\n'] }] },
  {
    command: /^npm install && npm start$/,
    by: [
      { file: 'package.json', shows: ['"start": "tsx examples/escalation-simulation.ts"'] },
      { file: 'test/examples.test.ts', shows: ["['tsx', `examples/${file}`]"] },
    ],
  },
  { command: /^npm run docs:reference$/, by: [{ file: 'test/method-reference.test.ts', shows: ['clientDocWithSection', 'renderReferencePage'] }] },
  { command: /^npm run bench( -- (--write|mock|sdk|simulation|snapshot|pages))?$/, by: [{ file: 'package.json', shows: ['bench/index.mjs --smoke'] }] },
  // `npm test` builds the API reference with the same typedoc configuration, writing nothing, and fails on any warning.
  { command: /^npm run docs$/, by: [{ file: 'package.json', shows: ['"docs": "typedoc"', '"docs:check": "typedoc --emit none"', 'npm run docs:check'] }] },
  // A typed client for the test controls: openapi-typescript on the control document, openapi-fetch
  // (a devDependency here) sending its requests to a real server.
  { command: /^npm install openapi-fetch$/, by: [{ file: 'package.json', shows: ['"openapi-fetch"'] }, { file: 'test/server/generated-clients.test.ts', shows: ["import createClient from 'openapi-fetch';"] }] },
  {
    command: /^npx openapi-typescript node_modules\/@scaling-cloud\/sdk\/dist\/mock-openapi\.json -o mock-controls\.d\.ts$/,
    by: [{ file: 'test/server/generated-clients.test.ts', shows: ["npx(['openapi-typescript', document, '-o'", 'mock-openapi.json'] }],
  },
  // The standalone server's curl recipes, against a real server.
  { command: /^curl -H "Authorization: Bearer \$KEY" http:\/\/127\.0\.0\.1:4010\/v1\/escalation\/policies$/, by: [{ file: 'test/server/bridge.test.ts', shows: ['`${server.url}/escalation/policies`', '`Authorization: Bearer ${server.apiKey}`'] }] },
  {
    command: /^curl -X POST http:\/\/127\.0\.0\.1:4010\/__mock\/faults -H 'x-scaling-mock-control: 1' -d '\{"method":"POST","path":"\/incidents","status":429,"retryAfter":30,"times":1\}'$/,
    by: [{ file: 'test/server/faults.test.ts', shows: ['\'{"method":"POST","path":"/incidents","status":429,"retryAfter":30,"times":1}\''] }],
  },
  { command: /^curl -H 'x-scaling-mock-control: 1' 'http:\/\/127\.0\.0\.1:4010\/__mock\/requests\?method=POST&status=429'$/, by: [{ file: 'test/server/faults.test.ts', shows: ['/__mock/requests?method=POST&status=429'] }] },
  { command: /^curl -H 'x-scaling-mock-control: 1' -o state\.json http:\/\/127\.0\.0\.1:4010\/__mock\/snapshot$/, by: [{ file: 'test/server/snapshot.test.ts', shows: ['/__mock/snapshot`, \'--output\''] }] },
];

const found = pages.flatMap((page) => commandsOf(read(page)).map((command) => ({ page, command })));

test('the docs show commands (the extraction still finds them)', () => {
  expect(found.length).toBeGreaterThan(10);
});

test.each(found.map(({ page, command }) => [page, command] as const))('%s: `%s` is run by a test', (page, command) => {
  const entry = RUN_BY.find(({ command: pattern }) => pattern.test(command));
  expect(entry, `${page} shows \`${command}\`, which no test is known to run: run it in a test and list it in RUN_BY`).toBeDefined();
  for (const { file, shows } of entry!.by) {
    const text = read(file);
    for (const evidence of shows) expect(text, `${file} no longer shows that it runs \`${command}\` (${evidence})`).toContain(evidence);
  }
});
