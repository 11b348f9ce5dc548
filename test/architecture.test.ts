import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, test } from 'vitest';

/**
 * The layers point one way. A cycle between modules (a type-only one too) means two files can
 * only be understood together, and `mocks/engine` (clock, timers, page log, escalation) is a leaf
 * that knows nothing of the store that uses it. Plain regex over the sources: no new dependency.
 */

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const ROOTS = ['src', 'mocks'];

const sourceFiles = (dir: string): string[] =>
  readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return path.endsWith('.ts') && !path.endsWith('.d.ts') ? [path] : [];
  });

// `import … from '…'`, `import type … from '…'`, `export … from '…'` (over several lines), a
// bare `import '…'`, and `import('…')` in a type or an expression. Statements start a line, so a
// comment that mentions an import does not count.
const STATIC = /^\s*(?:import|export)\s[^;]*?\bfrom\s*['"]([^'"]+)['"]/gm;
const BARE = /^\s*import\s*['"]([^'"]+)['"]/gm;
const DYNAMIC = /\bimport\(\s*['"]([^'"]+)['"]\s*\)/g;

const specifiersOf = (source: string): string[] =>
  [STATIC, BARE, DYNAMIC].flatMap((pattern) => [...source.matchAll(pattern)].map((match) => match[1]!));

/** A relative specifier as the file it names (`./x.js` is `./x.ts`); packages are not ours. */
const resolveSpecifier = (from: string, specifier: string): string | undefined => {
  if (!specifier.startsWith('.')) return undefined;
  const base = resolve(dirname(from), specifier);
  const candidates = [base.replace(/\.js$/, '.ts'), `${base}.ts`, join(base, 'index.ts')];
  const found = candidates.find((candidate) => candidate.endsWith('.ts') && existsSync(candidate) && statSync(candidate).isFile());
  if (!found) throw new Error(`${relative(root, from)} imports ${specifier}, which names no .ts file`);
  return found;
};

/** Each file (relative to the repo) and the files it imports, for everything under `dirs`. */
const importGraph = (base: string, dirs: readonly string[]): Map<string, string[]> => {
  const graph = new Map<string, string[]>();
  for (const file of dirs.flatMap((dir) => sourceFiles(join(base, dir)))) {
    const targets = specifiersOf(readFileSync(file, 'utf8')).flatMap((specifier) => resolveSpecifier(file, specifier) ?? []);
    graph.set(relative(base, file), [...new Set(targets.map((target) => relative(base, target)))]);
  }
  return graph;
};

/** Every cycle a depth-first walk closes, each as a path `a -> b -> … -> a`. */
const cyclesOf = (graph: ReadonlyMap<string, readonly string[]>): string[] => {
  const cycles: string[] = [];
  const done = new Set<string>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const visit = (file: string) => {
    stack.push(file);
    onStack.add(file);
    for (const next of graph.get(file) ?? []) {
      if (onStack.has(next)) cycles.push([...stack.slice(stack.indexOf(next)), next].join(' -> '));
      else if (!done.has(next)) visit(next);
    }
    stack.pop();
    onStack.delete(file);
    done.add(file);
  };
  for (const file of [...graph.keys()].sort()) if (!done.has(file)) visit(file);
  return cycles;
};

describe('architecture', () => {
  const graph = importGraph(root, ROOTS);

  test('reads the imports it is meant to see', () => {
    // A guard on the parser itself: were it to miss these, the tests below would pass for nothing.
    expect(specifiersOf(`import type {\n  A,\n  B,\n} from './a.js';\nexport { c } from "./c.js";\nimport './d.js';\ntype E = import('./e.js').E;`))
      .toEqual(['./a.js', './c.js', './d.js', './e.js']);
    expect(graph.get(join('mocks', 'mock.ts'))).toContain(join('mocks', 'engine', 'clock.ts'));
    expect(cyclesOf(new Map([['a', ['b']], ['b', ['c']], ['c', ['a']]]))).toEqual(['a -> b -> c -> a']);
  });

  test('no import cycle in src/ or mocks/, type-only imports included', () => {
    expect(cyclesOf(graph)).toEqual([]);
  });

  /** The imports from files under `from` of files that `allowed` refuses, as `file -> target`. */
  const importsOutside = (from: string, allowed: (target: string) => boolean) =>
    [...graph]
      .filter(([file]) => file.startsWith(from))
      .flatMap(([file, targets]) => targets.filter((target) => !allowed(target)).map((target) => `${file} -> ${target}`));

  test('mocks/engine imports nothing from mocks/store', () => {
    const store = join('mocks', 'store') + '/';
    expect(importsOutside(join('mocks', 'engine') + '/', (target) => !target.startsWith(store))).toEqual([]);
  });

  test('src/schemas depends on nothing outside itself', () => {
    // The schemas describe the API; on-call logic, resources and the client build on them.
    const schemas = join('src', 'schemas') + '/';
    expect(importsOutside(schemas, (target) => target.startsWith(schemas))).toEqual([]);
  });
});
