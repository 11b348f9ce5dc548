/**
 * Moved from `incident-list.test.ts` into the `slow` project: 250 incidents opened through the SDK
 * over MSW take seconds; the inner loop (`npm run test:fast`) keeps the smaller paging tests.
 */
import { describe, expect, test } from 'vitest';
import type { Incident, Severity } from '../../src/index.js';
import { countingFetch, useMock } from '../helpers.js';

const t = useMock();

/** Opens `count` incidents, one minute apart, titled `#1`, `#2`… in creation order. */
const openMany = async (count: number, severity: (i: number) => Severity = () => 'high') => {
  const made: Incident[] = [];
  for (let i = 1; i <= count; i++) {
    made.push(await t.scaling.incidents.create({ title: `#${i}`, severity: severity(i), ownerId: t.mock.userId }));
    await t.mock.clock.advance(60_000);
  }
  return made;
};

describe('incidents.listAll', () => {
  test('walks 250 incidents in pages of 100, yielding each exactly once, newest first', async () => {
    const made = await openMany(250);
    const spy = countingFetch();
    const seen: string[] = [];
    for await (const incident of t.client({ fetch: spy.fetch }).incidents.listAll({ limit: 100 })) seen.push(incident.id);
    expect(seen).toEqual(made.map((incident) => incident.id).reverse());
    expect(new Set(seen).size).toBe(250);
    expect(spy.calls.map((request) => new URL(request.url).searchParams.get('limit'))).toEqual(['100', '100', '100']);
  });
});
