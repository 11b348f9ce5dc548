// The SDK's per-call cost against raw `fetch`, for `layers.create` with validation on, on a
// loopback HTTP server that answers a fixed layer. Batches alternate so both sides see the same machine.
import { createServer } from 'node:http';
import ky from 'ky';
import { Scaling } from '../dist/index.js';

const layer = JSON.stringify({
  data: {
    id: 'layer_01jqm6a2b3cd4ef5gh6i',
    policyId: 'pol_01jqm5x3k8vz9e2f4g7h',
    orgId: 'org_01jqm4ab2c3de5fg6hij',
    position: 1,
    ackTimeoutMinutes: 5,
    target: { type: 'schedule', scheduleId: 'sched_01jqm5x3k8vz9e2f4g7h' },
    createdAt: '2026-04-07T10:05:00.000Z',
    updatedAt: '2026-04-07T10:05:00.000Z',
  },
});
const body = { position: 1, ackTimeoutMinutes: 5, target: { type: 'schedule', scheduleId: 'sched_01jqm5x3k8vz9e2f4g7h' } };
const apiKey = 'scl_live_bench';
const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

export const sdkOverhead = async ({ rounds = 30, batch = 200 } = {}) => {
  const server = createServer((request, response) => {
    request.resume();
    request.on('end', () => {
      response.writeHead(201, { 'content-type': 'application/json', 'x-request-id': 'bench' });
      response.end(layer);
    });
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const baseUrl = `http://127.0.0.1:${server.address().port}/v1`;
  const url = `${baseUrl}/escalation/policies/pol_01jqm5x3k8vz9e2f4g7h/layers`;
  const scaling = new Scaling({ apiKey, baseUrl });

  const raw = async () => {
    const response = await fetch(url, {
      method: 'POST',
      headers: { authorization: `Bearer ${apiKey}`, 'content-type': 'application/json', accept: 'application/json' },
      body: JSON.stringify(body),
    });
    if (response.status !== 201) throw new Error(`raw: ${response.status}`);
    return (await response.json()).data;
  };
  const sdk = () => scaling.policies.layers.create('pol_01jqm5x3k8vz9e2f4g7h', body);
  // ky with nothing configured: the floor any ky-based client starts from.
  const bareKy = () => ky.post(url, { json: body, retry: 0, timeout: false, headers: { authorization: `Bearer ${apiKey}` } }).json();
  const time = async (call) => {
    const start = performance.now();
    for (let i = 0; i < batch; i++) await call();
    return (performance.now() - start) / batch;
  };

  const sides = { raw, bareKy, sdk };
  const times = { raw: [], bareKy: [], sdk: [] };
  for (const call of Object.values(sides)) await time(call);
  for (let round = 0; round < rounds; round++) {
    // Rotate the order, so no side always gets the warmer machine.
    const names = Object.keys(sides);
    for (let i = 0; i < names.length; i++) {
      const name = names[(round + i) % names.length];
      times[name].push(await time(sides[name]));
    }
  }
  server.close();
  const [rawMs, kyMs, sdkMs] = [median(times.raw), median(times.bareKy), median(times.sdk)];
  const us = (ms) => `${(ms * 1000).toFixed(0)} µs/call`;
  return [
    {
      name: 'layers.create (validation on) vs raw fetch, loopback',
      measured: us(sdkMs),
      baseline: us(rawMs),
      ratio: sdkMs / rawMs,
      target: '≤ 1.15x',
      ok: sdkMs / rawMs <= 1.15,
    },
    { name: 'bare ky (no retry, no timeout) vs raw fetch', measured: us(kyMs), baseline: us(rawMs), ratio: kyMs / rawMs, target: 'reference', ok: true },
    { name: 'layers.create vs bare ky: what the SDK adds', measured: us(sdkMs), baseline: us(kyMs), ratio: sdkMs / kyMs, target: 'reference', ok: true },
  ];
};
