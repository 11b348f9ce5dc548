// The client's cost per call for `layers.create` with validation on, side by side with its peers in
// one run (issue 15, target 1):
// - over a stubbed `fetch` (no socket: the steadiest figure): what each client adds to the stub alone,
//   in µs of CPU time per call. The stub does no I/O, so a call's cost is the CPU it uses; on a shared
//   machine wall time would also count the time the process was not running.
// - on a loopback HTTP server: wall time per call as a ratio to raw `fetch`. The SDK's ratio must be at
//   most 0.8× openai-node's, measured in the same run.
// Batches alternate (the order rotates every round) so every side sees the same machine; medians.
import { createServer } from 'node:http';
import ky from 'ky';
import OpenAI from 'openai';
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
const policyId = 'pol_01jqm5x3k8vz9e2f4g7h';
const path = `/escalation/policies/${policyId}/layers`;
const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

/** Runs every side in alternating batches; returns each side's median per call, in µs. */
const compare = async (sides, { rounds, batch, clock }) => {
  const time = async (call) => {
    const start = clock();
    for (let i = 0; i < batch; i++) await call();
    return (clock() - start) / batch;
  };
  const names = Object.keys(sides);
  const times = Object.fromEntries(names.map((name) => [name, []]));
  for (const name of names) await time(sides[name]); // warm-up
  for (let round = 0; round < rounds; round++) {
    for (let i = 0; i < names.length; i++) {
      const name = names[(round + i) % names.length];
      times[name].push(await time(sides[name]));
    }
  }
  return Object.fromEntries(names.map((name) => [name, median(times[name])]));
};
const cpuMicros = () => {
  const { user, system } = process.cpuUsage();
  return user + system;
};
const wallMicros = () => performance.now() * 1000;

/** Each client against `fetch`, with the same body in and the same layer out. */
const clients = (baseUrl, fetchImpl) => {
  const url = `${baseUrl}${path}`;
  const sdk = new Scaling({ apiKey, baseUrl, ...(fetchImpl ? { fetch: fetchImpl } : {}) });
  const sdkNoRetries = new Scaling({ apiKey, baseUrl, maxRetries: 0, ...(fetchImpl ? { fetch: fetchImpl } : {}) });
  // openai-node's generic POST: its whole request path (headers, retries, timeout, JSON), no resource code.
  const openai = new OpenAI({ apiKey, baseURL: baseUrl, ...(fetchImpl ? { fetch: fetchImpl } : {}) });
  const send = fetchImpl ?? fetch;
  return {
    raw: async () => {
      const response = await send(url, {
        method: 'POST',
        headers: { authorization: `Bearer ${apiKey}`, 'content-type': 'application/json', accept: 'application/json' },
        body: JSON.stringify(body),
      });
      if (response.status !== 201) throw new Error(`raw: ${response.status}`);
      return (await response.json()).data;
    },
    // ky with nothing configured: the floor any ky-based client starts from.
    bareKy: async () => (await ky.post(url, { json: body, retry: 0, timeout: false, headers: { authorization: `Bearer ${apiKey}` }, ...(fetchImpl ? { fetch: fetchImpl } : {}) }).json()).data,
    // The least a ky-based client can do (issue 15's floor): no body on ky's `Request`, the fetch
    // handed the parts with the JSON text, ky's timeout on, no retry, no hooks.
    leastKy: async () => {
      const text = JSON.stringify(body);
      const response = ky.post(url, {
        retry: 0,
        headers: { authorization: `Bearer ${apiKey}`, 'content-type': 'application/json' },
        fetch: (request) => send(request.url, { method: request.method, headers: request.headers, body: text, signal: request.signal }),
      });
      return (await response.json()).data;
    },
    openai: async () => (await openai.post(path, { body })).data,
    sdk: () => sdk.policies.layers.create(policyId, body),
    sdkNoRetries: () => sdkNoRetries.policies.layers.create(policyId, body),
  };
};

export const sdkOverhead = async ({ rounds = 25, stubBatch = 400, loopbackBatch = 150 } = {}) => {
  // Over a stub: a fresh Response per call, as a real fetch would hand over.
  const headers = { 'content-type': 'application/json', 'x-request-id': 'bench' };
  const stub = async () => new Response(layer, { status: 201, headers });
  const stubbed = await compare(clients('http://127.0.0.1:9/v1', stub), { rounds, batch: stubBatch, clock: cpuMicros });

  const server = createServer((request, response) => {
    request.resume();
    request.on('end', () => {
      response.writeHead(201, { 'content-type': 'application/json', 'x-request-id': 'bench' });
      response.end(layer);
    });
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const loopback = await compare(clients(`http://127.0.0.1:${server.address().port}/v1`), { rounds, batch: loopbackBatch, clock: wallMicros });
  server.close();

  const own = (name) => stubbed[name] - stubbed.raw;
  const us = (micros) => `${micros.toFixed(1)} µs`;
  const ratio = (name) => loopback[name] / loopback.raw;
  const bound = 0.8 * ratio('openai');
  const stubRow = (name, label, target) => ({
    name: `stubbed fetch: ${label}, own CPU per call`,
    measured: us(own(name)),
    baseline: `${us(stubbed.raw)} (the stub + .json() alone)`,
    ratio: stubbed[name] / stubbed.raw,
    target: target ? '≤ 15 µs' : 'reference',
    ok: !target || own(name) <= 15,
  });
  const loopRow = (name, label, target) => ({
    name: `loopback: ${label} vs raw fetch`,
    measured: us(loopback[name]),
    baseline: us(loopback.raw),
    ratio: ratio(name),
    target: target ? `≤ 0.8 × openai = ${bound.toFixed(3)}x` : 'reference',
    ok: !target || ratio(name) <= bound,
  });
  return [
    stubRow('sdk', 'layers.create (validation on, default retries)', true),
    stubRow('sdkNoRetries', 'layers.create (validation on, maxRetries: 0)', true),
    stubRow('openai', 'openai-node client.post', false),
    stubRow('bareKy', 'bare ky (no retry, no timeout)', false),
    stubRow('leastKy', 'the least ky can do (issue 15\'s floor)', false),
    loopRow('sdk', 'layers.create (default retries)', true),
    loopRow('sdkNoRetries', 'layers.create (maxRetries: 0)', true),
    loopRow('openai', 'openai-node client.post', false),
    loopRow('bareKy', 'bare ky (no retry, no timeout)', false),
    loopRow('leastKy', 'the least ky can do (issue 15\'s floor)', false),
  ];
};
