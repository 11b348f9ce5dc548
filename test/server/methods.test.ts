import { request as httpRequest } from 'node:http';
import { expect, test } from 'vitest';
import { ErrorBody } from '../../src/schemas/index.js';
import { useMockServer } from './support.js';

const ctx = useMockServer({ now: '2026-04-07T10:00:00.000Z' });

/** `fetch` refuses TRACE and friends, so these go through `node:http` as any other client would send them. */
const send = (method: string, url: string, apiKey: string) =>
  new Promise<{ status: number; allow: string | undefined; body: string }>((resolve, reject) => {
    const request = httpRequest(url, { method, headers: { authorization: `Bearer ${apiKey}` } }, (response) => {
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('end', () => resolve({ status: response.statusCode ?? 0, allow: response.headers.allow, body: Buffer.concat(chunks).toString('utf8') }));
    });
    request.on('error', reject);
    request.end();
  });

test.each(['TRACE', 'TRACK'])('%s on an API path is the documented 405 with Allow, not a 500', async (method) => {
  const { server } = ctx;
  const answer = await send(method, `${server.url}/escalation/policies`, server.apiKey);
  expect(answer.status).toBe(405);
  expect(answer.allow).toBe('GET, POST');
  expect(ErrorBody.parse(JSON.parse(answer.body))).toMatchObject({ statusCode: 405, code: 'method_not_allowed' });
  expect(JSON.parse(answer.body).message).toBe(`${method} is not allowed here; use GET, POST.`);
});

test('TRACE on a path the API does not have is 404', async () => {
  const { server } = ctx;
  const answer = await send('TRACE', `${server.url}/nowhere`, server.apiKey);
  expect(answer.status).toBe(404);
  expect(JSON.parse(answer.body).code).toBe('route_not_found');
});

test('HEAD on a GET route answers as the GET, without a body', async () => {
  const { server } = ctx;
  const answer = await send('HEAD', `${server.url}/escalation/policies`, server.apiKey);
  expect(answer).toMatchObject({ status: 200, body: '' });
  const refused = await send('HEAD', `${server.url}/escalation/policies`, 'scl_wrong');
  expect(refused).toMatchObject({ status: 401, body: '' });
  expect(server.mock.requests().map((entry) => `${entry.method} ${entry.path} ${entry.status}`)).toEqual([
    'HEAD /escalation/policies 200',
    'HEAD /escalation/policies 401',
  ]);
});
