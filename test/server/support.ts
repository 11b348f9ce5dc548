import { execFile } from 'node:child_process';
import { afterAll, beforeAll } from 'vitest';
import { startMockServer, type MockServer, type MockServerOptions } from '@scaling-cloud/sdk/mocks/server';

/** One standalone server per test file, on a free port. */
export const useMockServer = (options: MockServerOptions = { now: '2026-04-07T10:00:00.000Z' }) => {
  const holder = {} as { server: MockServer };
  beforeAll(async () => {
    holder.server = await startMockServer({ port: 0, ...options });
  });
  afterAll(() => holder.server.close());
  return holder;
};

/** An API call over real HTTP, with the default key unless `headers` says otherwise. */
export const api = (server: MockServer, path: string, init: RequestInit & { json?: unknown } = {}) => {
  const { json, headers, ...rest } = init;
  return fetch(`${server.url}${path}`, {
    ...rest,
    headers: {
      authorization: `Bearer ${server.apiKey}`,
      ...(json === undefined ? {} : { 'content-type': 'application/json' }),
      ...(headers as Record<string, string> | undefined),
    },
    ...(json === undefined ? {} : { body: JSON.stringify(json) }),
  });
};

/** A test-control call: `control(server, 'POST', '/clock/advance', { ms: 60_000 })`. */
export const control = async (server: MockServer, method: string, path: string, body?: unknown) => {
  const response = await fetch(`${server.origin}/__mock${path}`, {
    method,
    headers: { 'x-scaling-mock-control': '1', ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
};

/** Runs the real curl with these arguments; resolves to the status and the body it printed. */
export const curl = (args: string[]): Promise<{ status: number; body: string }> =>
  new Promise((resolve, reject) => {
    execFile('curl', [...args, '--silent', '--show-error', '--write-out', '\n%{http_code}'], (error, stdout, stderr) => {
      if (error) return reject(new Error(`curl failed: ${stderr || error.message}`));
      const cut = stdout.lastIndexOf('\n');
      resolve({ status: Number(stdout.slice(cut + 1)), body: stdout.slice(0, cut) });
    });
  });
