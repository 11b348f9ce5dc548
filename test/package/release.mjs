// The release flow, without publishing: changesets can read the pending changes, and npm would
// publish exactly the built package (what `npm run release` ends with, here as a dry run).
import { execFileSync } from 'node:child_process';

const run = (command, args) => execFileSync(command, args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });

const status = run('npx', ['changeset', 'status']);
if (!/@scaling-cloud\/sdk/.test(status)) throw new Error(`changeset status names no pending release:\n${status}`);

// npm 11 keys the report by package name.
const packed = Object.values(JSON.parse(run('npm', ['publish', '--dry-run', '--json', '--ignore-scripts', '--tag', 'dry-run'])))[0];
const files = new Set(packed.files.map((file) => file.path));
const required = ['package.json', 'README.md', 'CHANGELOG.md', 'dist/index.js', 'dist/index.cjs', 'dist/index.d.ts', 'dist/policies.js', 'dist/policies.cjs', 'dist/policies.d.ts', 'dist/mocks.js', 'dist/mocks-server.js', 'dist/mocks-server.cjs', 'dist/mocks-server.d.ts', 'dist/cli.js', 'dist/vitest.js', 'dist/openapi.json', 'dist/mock-openapi.json'];
const missing = required.filter((file) => !files.has(file));
const stray = [...files].filter((file) => !/^(package\.json|README\.md|CHANGELOG\.md|LICENSE|dist\/.+)$/.test(file));
if (packed.name !== '@scaling-cloud/sdk' || missing.length > 0 || stray.length > 0) {
  throw new Error(`publish dry run: name ${packed.name}, missing ${missing.join(', ') || 'nothing'}, stray ${stray.join(', ') || 'nothing'}`);
}
console.log(`release dry run: ${packed.name}@${packed.version}, ${files.size} files, ${(packed.size / 1024).toFixed(0)} KB packed`);
