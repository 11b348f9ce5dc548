import { Script } from 'node:vm';
import { expect, test } from 'vitest';
import { parseXml } from '../xml.js';
import { api, control, useMockServer } from './support.js';

/** The timeline page's routes on the standalone server: the page and its assets, and the views its script reads. */

const ctx = useMockServer({
  now: '2026-04-07T10:00:00.000Z',
  seed: {
    orgs: [
      {
        default: true,
        users: [
          { ref: 'alice', firstName: 'Alice', lastName: 'Primary' },
          { ref: 'carol', firstName: 'Carol', lastName: 'Secondary' },
        ],
        schedules: [{ ref: 'primary', name: 'Platform primary', timezone: 'UTC', layers: [{ effectiveFrom: '2026-04-01T00:00:00Z', participants: ['alice'] }] }],
        policies: [
          {
            ref: 'guide',
            name: 'Guide',
            layers: [
              { ackTimeoutMinutes: 5, target: { schedule: 'primary' } },
              { ackTimeoutMinutes: 10, target: { users: ['carol'] } },
            ],
          },
        ],
      },
      { name: 'Other tenant', users: [{ ref: 'olga', firstName: 'Olga' }] },
    ],
  },
});

/** A control call answered other than in JSON; it carries the control header as every `/__mock` call must. */
const raw = (path: string, init: RequestInit = {}) =>
  fetch(`${ctx.server.origin}/__mock${path}`, { ...init, headers: { 'x-scaling-mock-control': '1', ...(init.headers as Record<string, string> | undefined) } });

const openIncident = async () => {
  const response = await api(ctx.server, '/incidents', { method: 'POST', json: { title: 'Checkout down', severity: 'critical', escalationPolicyId: ctx.server.seed!.refs.policies.guide } });
  expect(response.status).toBe(201);
  return ((await response.json()) as { data: { id: string } }).data.id;
};

test('GET /__mock/ui is a page a browser opens directly, with its script and style from the same place', async () => {
  const { origin } = ctx.server;
  // No key and no control header: as a browser's address bar sends it.
  const page = await fetch(`${origin}/__mock/ui`);
  expect(page.status).toBe(200);
  expect(page.headers.get('content-type')).toBe('text/html; charset=utf-8');
  const html = await page.text();
  expect(html).toContain('<script src="/__mock/ui/app.js" defer></script>');
  expect(html).toContain('<link rel="stylesheet" href="/__mock/ui/style.css">');
  // Nothing from elsewhere: it works offline.
  expect(html.match(/(?:src|href)="([^"]+)"/g)?.filter((attribute) => !/"(?:\/__mock\/ui\/|data:)/.test(attribute))).toEqual([]);
  expect((await fetch(`${origin}/__mock/ui/`)).status).toBe(200);

  const script = await fetch(`${origin}/__mock/ui/app.js`);
  expect(script.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
  const source = await script.text();
  expect(() => new Script(source)).not.toThrow();
  expect(source).toMatch(/["']x-scaling-mock-control["']: token/);
  expect(source).not.toMatch(/https?:\/\//);
  const style = await fetch(`${origin}/__mock/ui/style.css`);
  expect([style.status, style.headers.get('content-type')]).toEqual([200, 'text/css; charset=utf-8']);
  expect(await style.text()).not.toMatch(/url\(|@import|https?:/);

  // Only GET: anything else is a control call like the others (with the header), and refused.
  const post = await raw('/ui', { method: 'POST' });
  expect([post.status, post.headers.get('allow')]).toEqual([405, 'GET']);
  expect((await raw('/ui/missing.js')).status).toBe(404);
});

test('GET /__mock/incidents lists every org’s incidents, newest first, with their escalation and the next step due', async () => {
  const { server } = ctx;
  await control(server, 'POST', '/reset');
  expect((await control(server, 'GET', '/incidents')).body).toMatchObject({ now: '2026-04-07T10:00:00.000Z', nextStepAt: null, orgs: [{ incidents: [] }, { name: 'Other tenant', incidents: [] }] });
  const first = await openIncident();
  await control(server, 'POST', '/clock/advance', { ms: 60_000 });
  const second = await openIncident();
  const { status, body } = await control(server, 'GET', '/incidents');
  expect(status).toBe(200);
  expect(body).toEqual({
    now: '2026-04-07T10:01:00.000Z',
    nextStepAt: '2026-04-07T10:05:00.000Z',
    orgs: [
      {
        id: server.mock.orgId,
        name: 'Default organization',
        incidentCount: 2,
        incidents: [second, first].map((id, index) => ({
          id,
          title: 'Checkout down',
          severity: 'critical',
          status: 'investigating',
          createdAt: index === 0 ? '2026-04-07T10:01:00.000Z' : '2026-04-07T10:00:00.000Z',
          owner: null,
          acknowledgedBy: null,
          policy: { id: server.seed!.refs.policies.guide, name: 'Guide' },
          escalation: { state: 'active', position: 1, nextEscalationAt: index === 0 ? '2026-04-07T10:06:00.000Z' : '2026-04-07T10:05:00.000Z' },
        })),
      },
      { id: server.seed!.orgs[1]!.id, name: 'Other tenant', incidentCount: 0, incidents: [] },
    ],
  });
  expect(await control(server, 'GET', '/incidents?orgId=x')).toMatchObject({ status: 400, body: { message: expect.stringContaining('orgId') } });
});

test('GET /__mock/timeline: the timeline as data with the policy and who is on call, as SVG, as text', async () => {
  const { server } = ctx;
  await control(server, 'POST', '/reset');
  const incidentId = await openIncident();
  await control(server, 'POST', '/clock/advance', { ms: 15 * 60_000 });
  const { refs } = server.seed!;

  const { status, body } = await control(server, 'GET', `/timeline?incidentId=${incidentId}`);
  expect(status).toBe(200);
  expect(body.timeline).toEqual(JSON.parse(JSON.stringify(server.mock.timeline(incidentId))));
  expect(body).toMatchObject({
    org: { id: server.mock.orgId, name: 'Default organization' },
    incident: { id: incidentId, escalation: { state: 'exhausted', position: 2, nextEscalationAt: null } },
    policy: {
      id: refs.policies.guide,
      name: 'Guide',
      layers: [
        { position: 1, ackTimeoutMinutes: 5, target: { type: 'schedule', scheduleId: refs.schedules.primary }, targetLabel: 'Platform primary', condition: null },
        { position: 2, ackTimeoutMinutes: 10, target: { type: 'users', userIds: [refs.users.carol] }, targetLabel: 'Carol Secondary', condition: null },
      ],
    },
    schedules: [{ id: refs.schedules.primary, name: 'Platform primary', timezone: 'UTC', owner: { id: refs.users.alice, name: 'Alice Primary' }, layers: [{ position: 0, name: 'Layer 1', onCall: { id: refs.users.alice, name: 'Alice Primary' } }] }],
  });

  const svg = await raw(`/timeline?incidentId=${incidentId}&format=svg&width=900`);
  expect(svg.headers.get('content-type')).toBe('image/svg+xml; charset=utf-8');
  const source = await svg.text();
  expect(source).toBe(server.mock.timeline(incidentId).toSVG({ width: 900 }));
  expect(parseXml(source).attributes.width).toBe('900');

  const text = await raw(`/timeline?incidentId=${incidentId}&format=text`);
  expect(text.headers.get('content-type')).toBe('text/plain; charset=utf-8');
  expect(await text.text()).toBe(`${server.mock.timeline(incidentId).toText()}\n`);
});

test('GET /__mock/timeline refuses what it cannot answer, naming the field', async () => {
  const { server } = ctx;
  const incidentId = await openIncident();
  expect(await control(server, 'GET', '/timeline')).toMatchObject({ status: 400, body: { code: 'invalid_request_error', message: expect.stringContaining('incidentId') } });
  expect(await control(server, 'GET', '/timeline?incidentId=inc_missing')).toMatchObject({ status: 404, body: { code: 'not_found', message: 'No incident inc_missing in this mock.' } });
  expect(await control(server, 'GET', `/timeline?incidentId=${incidentId}&format=png`)).toMatchObject({ status: 400, body: { message: expect.stringMatching(/format.*json, svg or text/) } });
  expect(await control(server, 'GET', `/timeline?incidentId=${incidentId}&format=svg&width=99999`)).toMatchObject({ status: 400, body: { message: expect.stringContaining('width') } });
  expect(await control(server, 'GET', `/timeline?incidentId=${incidentId}&format=svg&width=300`)).toMatchObject({ status: 400, body: { message: expect.stringContaining('width') } });
  expect(await control(server, 'GET', `/timeline?incidentId=${incidentId}&colour=red`)).toMatchObject({ status: 400, body: { message: expect.stringContaining('colour') } });
});
