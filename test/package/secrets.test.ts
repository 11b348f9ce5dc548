/**
 * No API key in the published package. `npm pack` (scripts off) into a temporary directory, unpack
 * that tarball and scan every file in it: exactly what `npm publish` would upload, whatever state
 * `dist/` is in (building is not this test's business).
 *
 * The rule: a file fails if it holds
 * - anything that looks like a real key: `scl_live_`, `scl_mock_` or `scl_test_` followed by 20 or more
 *   letters and digits with no separator (real keys have 32). Placeholders pass: `scl_live_…`,
 *   `scl_live_your_api_key_here`, a template such as `scl_mock_${chars(…)}`;
 * - or, as a whole token, any key literal written in the repository's tests, examples and benchmarks
 *   (`scl_live_wrong`, the fault suite's key…), or the key the mock generates by default, whatever
 *   their shape.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, test } from 'vitest';
import { createScalingMock } from '../../mocks/index.js';
import { API_KEY } from '../faults/server.js';

const root = fileURLToPath(new URL('../..', import.meta.url));

const REAL_LOOKING = /scl_(?:live|mock|test)_[A-Za-z0-9]{20,}/g;
const LITERAL = /scl_(?:live|mock|test)_[A-Za-z0-9_]+/g;

const filesUnder = (dir: string): string[] =>
  readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .map((name) => join(dir, name))
    .filter((path) => statSync(path).isFile());

/** Every key literal the repository's own tests, examples and benchmarks use, and the mock's default key. */
const testKeys = (): string[] => {
  const sources = ['test', 'examples', 'bench']
    .flatMap((dir) => filesUnder(join(root, dir)))
    // This file's own literals are examples of the rule, placeholders included.
    .filter((path) => /\.(?:[cm]?[jt]s)$/.test(path) && path !== fileURLToPath(import.meta.url));
  const literals = sources.flatMap((path) => readFileSync(path, 'utf8').match(LITERAL) ?? []);
  // A bare prefix (`scl_mock_` before a template, `scl_live_` in prose) names no key.
  return [...new Set([...literals, API_KEY, createScalingMock().apiKey])].filter((key) => !/_$/.test(key));
};

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** What in `text` breaks the rule: real-looking keys, and whole-token occurrences of `known`. */
const secretsIn = (text: string, known: readonly string[]): string[] => [
  ...(text.match(REAL_LOOKING) ?? []),
  ...known.filter((key) => new RegExp(`(?<![A-Za-z0-9_])${escape(key)}(?![A-Za-z0-9_])`).test(text)),
];

describe('the rule', () => {
  test('flags real-looking and known keys, and lets placeholders through', () => {
    const known = testKeys();
    expect(known).toEqual(expect.arrayContaining([API_KEY, createScalingMock().apiKey, 'scl_live_wrong']));
    expect(secretsIn(`const key = '${API_KEY}';`, [])).toEqual([API_KEY]);
    expect(secretsIn(`apiKey: "${createScalingMock({ seed: 7 }).apiKey}"`, [])).toHaveLength(1);
    expect(secretsIn('new Scaling({ apiKey: "scl_live_wrong" })', known)).toEqual(['scl_live_wrong']);
    const placeholders = '`scl_live_…` key; scl_live_your_api_key_here; `scl_mock_${chars(random, 32)}`; scl_live_wrongly';
    expect(secretsIn(placeholders, known)).toEqual([]);
  });
});

describe('the published tarball', () => {
  const dir = mkdtempSync(join(tmpdir(), 'scaling-sdk-secrets-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  test('holds no API key, in any file', { timeout: 20_000 }, () => {
    const output = execFileSync('npm', ['pack', '--json', '--ignore-scripts', '--pack-destination', dir], {
      cwd: root,
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'ignore'],
    });
    const [packed] = JSON.parse(output) as Array<{ filename: string; files: Array<{ path: string }> }>;
    if (!packed) throw new Error('npm pack reported nothing');
    execFileSync('tar', ['-xzf', join(dir, packed.filename), '-C', dir]);
    const unpacked = join(dir, 'package');
    const files = filesUnder(unpacked).map((path) => path.slice(unpacked.length + 1));
    // The scan covers every file npm listed, and they are all there.
    expect(files.sort()).toEqual(packed.files.map((file) => file.path).sort());
    expect(files).toEqual(expect.arrayContaining(['package.json', 'README.md']));

    const known = testKeys();
    const found = files.flatMap((file) => secretsIn(readFileSync(join(unpacked, file), 'utf8'), known).map((key) => `${file}: ${key}`));
    expect(found).toEqual([]);
  });
});
