import { describe, expect, test } from 'vitest';
import { ScalingValidationError, type Incident, type Severity } from '../src/index.js';
import { countingFetch, raw, useMock } from './helpers.js';

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

describe('incidents.list', () => {
  test('newest first, 20 by default, with a cursor to the next page and null on the last', async () => {
    await openMany(25);
    const first = await t.scaling.incidents.list();
    expect(first.incidents.map((incident) => incident.title)).toEqual(Array.from({ length: 20 }, (_, i) => `#${25 - i}`));
    expect(first.nextCursor).toEqual(expect.any(String));
    const second = await t.scaling.incidents.list({ cursor: first.nextCursor! });
    expect(second.incidents.map((incident) => incident.title)).toEqual(['#5', '#4', '#3', '#2', '#1']);
    expect(second.nextCursor).toBeNull();
  });

  test('a page exactly as long as what is left has no next cursor', async () => {
    await openMany(3);
    expect((await t.scaling.incidents.list({ limit: 3 })).nextCursor).toBeNull();
  });

  test('filters: status, severity, and from/to as dates or datetimes (inclusive)', async () => {
    const made = await openMany(6, (i) => (i % 2 === 0 ? 'critical' : 'low'));
    await t.scaling.incidents.updateStatus(made[0]!.id, { status: 'identified' });
    const titles = async (params: Parameters<typeof t.scaling.incidents.list>[0]) =>
      (await t.scaling.incidents.list(params)).incidents.map((incident) => incident.title);
    expect(await titles({ severity: 'critical' })).toEqual(['#6', '#4', '#2']);
    expect(await titles({ status: 'identified' })).toEqual(['#1']);
    expect(await titles({ status: 'investigating', severity: 'low' })).toEqual(['#5', '#3']);
    // #1 was created at 10:00, #6 at 10:05.
    expect(await titles({ from: '2026-04-07T10:02:00Z', to: '2026-04-07T10:04:00Z' })).toEqual(['#5', '#4', '#3']);
    expect(await titles({ from: '2026-04-07', to: '2026-04-07' })).toHaveLength(6);
    expect(await titles({ from: '2026-04-08' })).toEqual([]);
    expect(await titles({ to: '2026-04-06' })).toEqual([]);
  });

  test('bad filters are refused before sending; the mock refuses them too', async () => {
    const spy = countingFetch();
    const scaling = t.client({ fetch: spy.fetch });
    for (const params of [{ limit: 0 }, { limit: 101 }, { limit: 2.5 }, { status: 'open' }, { from: 'yesterday' }]) {
      await expect(scaling.incidents.list(params as never)).rejects.toBeInstanceOf(ScalingValidationError);
    }
    expect(spy.calls).toHaveLength(0);
    for (const query of ['limit=0', 'limit=abc', 'limit=1000', 'severity=urgent', 'from=soon']) {
      expect((await raw(t.mock, `/incidents?${query}`)).status).toBe(422);
    }
  });

  test('a cursor the API did not give out is 400 invalid_cursor', async () => {
    await expect(t.scaling.incidents.list({ cursor: 'not-a-cursor' })).rejects.toMatchObject({ status: 400, code: 'invalid_cursor' });
  });

  test('pages stay stable while incidents are opened between them', async () => {
    await openMany(5);
    const first = await t.scaling.incidents.list({ limit: 2 });
    await openMany(3);
    const second = await t.scaling.incidents.list({ limit: 2, cursor: first.nextCursor! });
    expect([...first.incidents, ...second.incidents].map((incident) => incident.title)).toEqual(['#5', '#4', '#3', '#2']);
  });
});

describe('incidents.listAll', () => {
  test('fetches lazily: breaking out early stops the requests', async () => {
    await openMany(30);
    const spy = countingFetch();
    let count = 0;
    for await (const incident of t.client({ fetch: spy.fetch }).incidents.listAll({ limit: 10 })) {
      expect(incident.title).toBeTruthy();
      if (++count === 15) break;
    }
    expect(spy.calls).toHaveLength(2);
  });

  test('keeps the filters on every page, and a new incident during the walk is neither repeated nor shifts it', async () => {
    await openMany(12, (i) => (i % 3 === 0 ? 'critical' : 'low'));
    const titles: string[] = [];
    for await (const incident of t.scaling.incidents.listAll({ severity: 'low', limit: 3 })) {
      titles.push(incident.title);
      if (titles.length === 1) await t.scaling.incidents.create({ title: 'opened during the walk', severity: 'low', ownerId: t.mock.userId });
    }
    expect(titles).toEqual(['#11', '#10', '#8', '#7', '#5', '#4', '#2', '#1']);
  });
});
