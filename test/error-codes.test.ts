import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect, test } from 'vitest';
import { ErrorCode } from '../src/schemas/index.js';

/**
 * `ErrorCode` is the list users switch on: every code the mock can answer with must be in it, so
 * that a new refusal cannot ship without its code being published. Read from the mock's sources:
 * the refusal helpers (`badRequest`, `conflict`, …, `new MockApiError`) and the endpoint table's
 * declared 400 codes (`code: '…'`). The standalone server's own controls (`mocks/server`, under
 * `/__mock`) are not the API: their codes (`invalid_snapshot`, `control_header_required`, …) are
 * documented with them in the README, and no client call can receive one.
 */

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const files = (dir: string): string[] =>
  readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? files(path) : path.endsWith('.ts') ? [path] : [];
  });

// `badRequest('code', …)`, `conflict('code', …)`, `new MockApiError(409, 'type', 'code', …)` (the
// fixtures' `refuse('field', …)` names a field, not a code).
const REFUSAL = /\b(?:(?:badRequest|conflict|forbidden)\(\s*|new MockApiError\(\s*\d+,\s*'[a-z_]+',\s*)'([a-z_]+)'/g;
const DECLARED = /\bcode: '([a-z_]+)'/g;

const codesIn = (dirs: string[], pattern: RegExp) =>
  new Set(dirs.flatMap((dir) => files(join(root, dir))).filter((file) => !file.includes(join('mocks', 'server'))).flatMap((file) => [...readFileSync(file, 'utf8').matchAll(pattern)].map((match) => match[1]!)));

test('every code the mock answers with is one of ErrorCode', () => {
  const sent = new Set([...codesIn(['mocks'], REFUSAL), ...codesIn(['src/endpoints', 'mocks/store'], DECLARED)]);
  // The scan must see the codes it is meant to see, old and new, or it proves nothing.
  expect([...sent]).toEqual(expect.arrayContaining(['not_found', 'name_conflict', 'invalid_target', 'working_hours_in_use', 'default_routing_policy']));
  const known = new Set<string>(ErrorCode.options);
  expect([...sent].filter((code) => !known.has(code)).sort()).toEqual([]);
});
