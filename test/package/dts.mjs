// The published declarations (dist/*.d.ts and *.d.cts), as users' editors and compilers read them:
// 1. No doc comment names a source file (`layer-sync.ts`) or the maintainers' digest of the API docs:
//    users have neither, and a hover that points at them explains nothing.
// 2. Every name a declaration file imports from a shared chunk is exported under that name by a public
//    entry. Otherwise the type is reachable only through a hashed chunk file, and a consumer that emits
//    declarations of its own fails with TS2742 (the build's "private shared type exports" warning).
// 3. The named types carry their TSDoc into the package: the field of a request shows its limits.
import { readdirSync, readFileSync } from 'node:fs';

const ENTRIES = ['index', 'policies', 'schemas', 'mocks', 'mocks-server', 'vitest'];
const files = readdirSync('dist').filter((name) => /\.d\.c?ts$/.test(name));
const read = (name) => readFileSync(`dist/${name}`, 'utf8');
const isEntry = (name) => ENTRIES.includes(name.replace(/\.d\.c?ts$/, ''));
const problems = [];

if (!files.some(isEntry)) problems.push('no entry declarations in dist/: run `npm run build` first');

for (const name of files) {
  for (const [comment] of read(name).matchAll(/\/\*\*[\s\S]*?\*\//g)) {
    const internal = /\b[\w./-]+\.(?:ts|mts|cts)\b|\bdigest\b/i.exec(comment);
    if (internal) problems.push(`${name}: a doc comment names "${internal[0]}": ${comment.split('\n').find((line) => line.includes(internal[0])).trim()}`);
  }
}

// What the public entries export, by the names users import.
const publicNames = new Set();
for (const name of files.filter(isEntry)) {
  for (const [, list] of read(name).matchAll(/^export (?:type )?\{([^}]*)\}/gm)) {
    for (const item of list.split(',')) {
      const exported = item.trim().replace(/^type /, '').split(/\s+as\s+/).at(-1);
      if (exported) publicNames.add(exported);
    }
  }
}
for (const name of files) {
  for (const [, list, from] of read(name).matchAll(/^import (?:type )?\{([^}]*)\} from ['"](\.\/[^'"]+)['"];/gm)) {
    for (const item of list.split(',')) {
      const local = item.trim().replace(/^type /, '').split(/\s+as\s+/).at(-1);
      if (local && !publicNames.has(local)) problems.push(`${name}: imports ${local} from ${from}, and no public entry exports it`);
    }
  }
}

const declarations = files.filter((name) => name.endsWith('.d.ts')).map(read).join('\n');
const layerCreate = /interface LayerCreateParams \{[\s\S]*?\n\}/.exec(declarations)?.[0] ?? '';
if (!/An integer from 1 to 10080\.\s*\*\/\s*ackTimeoutMinutes: number;/.test(layerCreate)) {
  problems.push('LayerCreateParams is not an interface whose ackTimeoutMinutes states its limits (1 to 10080)');
}

if (problems.length > 0) {
  console.error(`The published declarations have problems:\n  ${problems.join('\n  ')}`);
  process.exit(1);
}
console.log(`dist: ${files.length} declaration files; no internal file named in a doc comment, no private shared type, the named types documented`);
