import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import {
  END_MARKER,
  CLIENT_DOC_PATH,
  clientDocWithSection,
  REFERENCE_PATH,
  referencedMethods,
  renderReferencePage,
  START_MARKER,
} from '../scripts/method-reference.js';
import { endpointTable } from '../src/endpoints/index.js';
import { Scaling } from '../src/index.js';

/** Every public method of the client, by its dotted name (`policies.layers.sync`), found by walking the instance. */
const clientMethods = (value: object, prefix = ''): string[] => {
  const names: string[] = [];
  for (const [key, member] of Object.entries(value)) {
    if (typeof member !== 'object' || member === null) continue;
    const proto = Object.getPrototypeOf(member) as object;
    for (const name of Object.getOwnPropertyNames(proto)) {
      if (name !== 'constructor' && typeof (member as Record<string, unknown>)[name] === 'function') names.push(`${prefix}${key}.${name}`);
    }
    names.push(...clientMethods(member, `${prefix}${key}.`));
  }
  return names;
};

describe('the method reference is generated from the endpoint table', () => {
  test('docs/client.md holds the generated tables (run `npm run docs:reference` after changing src/endpoints)', () => {
    const readme = readFileSync(CLIENT_DOC_PATH, 'utf8');
    expect(readme).toBe(clientDocWithSection(readme));
  });

  test('docs/reference.md is the generated page', () => {
    expect(readFileSync(REFERENCE_PATH, 'utf8')).toBe(renderReferencePage());
  });

  test('it lists every public method of the client, and nothing else', () => {
    const scaling = new Scaling({ apiKey: 'scl_mock_reference', baseUrl: 'http://127.0.0.1:9' });
    expect(referencedMethods().sort()).toEqual(clientMethods(scaling).sort());
  });

  test('each resource renders as one table: a heading, a blank line, then only table rows', () => {
    const readme = readFileSync(CLIENT_DOC_PATH, 'utf8');
    const section = readme.slice(readme.indexOf(START_MARKER) + START_MARKER.length, readme.indexOf(END_MARKER)).trim();
    const blocks = section.split(/\n(?=### )/);
    // One table per group of the endpoint table.
    expect(blocks.length).toBe(Object.keys(endpointTable).length);
    for (const block of blocks) {
      const [heading, blank, ...table] = block.trimEnd().split('\n');
      expect(heading).toMatch(/^### /);
      expect(blank).toBe('');
      expect(table.length).toBeGreaterThan(2);
      for (const row of table) expect(row, `${heading}: a line that breaks the table`).toMatch(/^\|.*\|$/);
    }
  });
});
