/**
 * A real `node:http` server on 127.0.0.1 for the fault matrix: it records every request and answers
 * each attempt with the next scripted fault. Not MSW: the client's sockets, undici and ky's timers
 * are all the real ones, so resets, timeouts and leaks behave as they do in production.
 */
import { createServer, type IncomingHttpHeaders, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { connect, createServer as createNetServer, type Socket } from 'node:net';
import { afterAll, beforeAll, expect, test } from 'vitest';

/** A literal, real-looking key (prefix and 32 key characters): the secret scans look for this exact string. */
export const API_KEY = 'scl_live_7f3k9q2m8v4x6z1c5b0n7j3h2g9d4s6a';

export type Recorded = {
  method: string;
  path: string;
  headers: IncomingHttpHeaders;
  body: string;
  /** `performance.now()` when the request (head and body) had arrived. */
  at: number;
  /** `Date.now()` at the same moment, to compare with an HTTP date. */
  wallAt: number;
  /** `performance.now()` when the server finished answering (`undefined` if it never did). */
  answeredAt: number | undefined;
  /** `performance.now()` when the connection carrying this request closed, if it has. */
  closedAt: number | undefined;
};

/** One scripted answer. It may answer later, trickle, or destroy the socket; `closed` fires when the connection closes. */
export type Respond = (response: ServerResponse, request: Recorded, closed: AbortSignal) => void;

export type FaultServer = {
  /** The base URL to give the client. */
  url: string;
  /** Every request the server has seen, in order of arrival. */
  requests: Recorded[];
  /** Resolves once the server has seen `count` requests. */
  received: (count: number) => Promise<void>;
  close: () => Promise<void>;
};

const open = new Set<{ close: () => Promise<void> }>();

/**
 * Starts a server whose n-th request gets `responses[n]` (the last one for every request after).
 * With no responses at all it answers nothing and holds every request.
 */
export const startServer = async (...responses: Respond[]): Promise<FaultServer> => {
  const requests: Recorded[] = [];
  const waiters: Array<{ count: number; resolve: () => void }> = [];
  const server: Server = createServer((request: IncomingMessage, response: ServerResponse) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const recorded: Recorded = {
        method: request.method ?? '',
        path: request.url ?? '',
        headers: request.headers,
        body: Buffer.concat(chunks).toString('utf8'),
        at: performance.now(),
        wallAt: Date.now(),
        answeredAt: undefined,
        closedAt: undefined,
      };
      const closed = new AbortController();
      request.socket.once('close', () => {
        recorded.closedAt = performance.now();
        closed.abort();
      });
      response.once('finish', () => (recorded.answeredAt = performance.now()));
      const respond = responses[Math.min(requests.length, responses.length - 1)];
      requests.push(recorded);
      for (const waiter of waiters.filter((w) => requests.length >= w.count)) {
        waiters.splice(waiters.indexOf(waiter), 1);
        waiter.resolve();
      }
      respond?.(response, recorded, closed.signal);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  if (address === null || typeof address === 'string') throw new Error('no TCP address');
  const fault: FaultServer = {
    url: `http://127.0.0.1:${address.port}/v1`,
    requests,
    received: (count) =>
      requests.length >= count ? Promise.resolve() : new Promise<void>((resolve) => waiters.push({ count, resolve })),
    close: async () => {
      if (!open.delete(fault)) return;
      // Held and trickling answers would keep `close()` waiting: cut them, as a crashing server would.
      server.closeAllConnections();
      await new Promise<void>((resolve, reject) => server.close((error) => (error ? reject(error) : resolve())));
    },
  };
  open.add(fault);
  return fault;
};

/**
 * A base URL on which nothing listens, and nothing can start to until the file ends. Its port is the
 * local end of a connection kept open to a server of this helper's own: a port merely bound and
 * released can be handed straight to the next server a concurrent test starts (seen under load).
 */
export const refusedUrl = async (): Promise<string> => {
  const accepted = new Set<Socket>();
  const holder = createNetServer((socket) => {
    accepted.add(socket);
    socket.resume();
  });
  await new Promise<void>((resolve) => holder.listen(0, '127.0.0.1', resolve));
  const address = holder.address();
  if (address === null || typeof address === 'string') throw new Error('no TCP address');
  const held = connect({ host: '127.0.0.1', port: address.port });
  await new Promise<void>((resolve, reject) => held.once('connect', resolve).once('error', reject));
  const closable = {
    close: async () => {
      if (!open.delete(closable)) return;
      held.destroy();
      for (const socket of accepted) socket.destroy();
      await new Promise<void>((resolve) => holder.close(() => resolve()));
    },
  };
  open.add(closable);
  return `http://127.0.0.1:${held.localPort}/v1`;
};

export const closeAll = async () => {
  await Promise.all([...open].map((server) => server.close()));
};

/**
 * `test` with a `serve(...responses)` fixture: the servers a test starts are closed when it ends,
 * pass or fail. Per test (not `afterEach`), so that concurrent tests do not close each other's.
 */
export const faultTest = test.extend('serve', async ({}, { onCleanup }) => {
  const servers: FaultServer[] = [];
  onCleanup(async () => void (await Promise.all(servers.map((server) => server.close()))));
  return async (...responses: Respond[]): Promise<FaultServer> => {
    const server = await startServer(...responses);
    servers.push(server);
    return server;
  };
});

// --- scripted answers ---------------------------------------------------------------------------

/** A complete answer with a JSON body. */
export const json =
  (status: number, body: unknown, headers: Record<string, string> = {}): Respond =>
  (response) => {
    const text = JSON.stringify(body);
    response.writeHead(status, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(text), ...headers });
    response.end(text);
  };

/** A complete answer with any text (HTML from a proxy, JSON that does not parse). */
export const text =
  (status: number, body: string, contentType: string, headers: Record<string, string> = {}): Respond =>
  (response) => {
    response.writeHead(status, { 'content-type': contentType, 'content-length': Buffer.byteLength(body), ...headers });
    response.end(body);
  };

/** The API's error body, as the docs show it. */
export const apiError = (status: number, code: string, headers: Record<string, string> = {}): Respond =>
  json(status, { statusCode: status, type: 'api_error', code, message: `failed with ${status}`, requestId: `req-${status}` }, headers);

/** Never answers: the request is held until the client gives up or the server closes. */
export const hang: Respond = () => undefined;

/** Headers and the first half of `body` (announced in full by `content-length`), then the socket is destroyed. */
export const resetMidBody =
  (body: string): Respond =>
  (response) => {
    response.writeHead(200, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) });
    response.write(body.slice(0, Math.floor(body.length / 2)), () => {
      // Let the half body reach the client before the reset, so it fails mid-read, not before headers.
      setTimeout(() => response.socket?.destroy(), 20);
    });
  };

/** The socket is destroyed as soon as the request has arrived: no status line at all. */
export const resetBeforeHeaders: Respond = (response) => void response.socket?.destroy();

/** Waits `ms` before answering with `then` (unless the connection closed meanwhile). */
export const after =
  (ms: number, then: Respond): Respond =>
  (response, request, closed) => {
    const timer = setTimeout(() => then(response, request, closed), ms);
    closed.addEventListener('abort', () => clearTimeout(timer), { once: true });
  };

/** Headers at once, then one byte of body every `everyMs`: never finishing in a test's lifetime. */
export const trickle =
  (everyMs: number): Respond =>
  (response, _request, closed) => {
    response.writeHead(200, { 'content-type': 'application/json', 'content-length': 100_000 });
    response.flushHeaders();
    const timer = setInterval(() => response.write(' '), everyMs);
    closed.addEventListener('abort', () => clearInterval(timer), { once: true });
  };

// --- the leak checks ----------------------------------------------------------------------------

/** Resource types a request can leave behind: sockets, listening servers, connects, timers. */
const WATCHED = new Set(['TCPSocketWrap', 'TCPServerWrap', 'TCPWRAP', 'TCPCONNECTWRAP', 'ConnectWrap', 'Timeout', 'Immediate']);

const watched = () => {
  const counts = new Map<string, number>();
  for (const type of process.getActiveResourcesInfo()) {
    if (WATCHED.has(type)) counts.set(type, (counts.get(type) ?? 0) + 1);
  }
  return counts;
};

/** What is alive now and was not at `baseline`, as `type × extra count`. */
const leakedSince = (baseline: Map<string, number>) =>
  [...watched()].filter(([type, count]) => count > (baseline.get(type) ?? 0)).map(([type, count]) => `${type} × ${count - (baseline.get(type) ?? 0)}`);

/**
 * For a test file: after the last test, every server is closed, no unhandled rejection
 * was seen and no socket, server or timer is left beyond what was alive before the first test
 * (vitest's own included). Sockets take a moment to close after the server's side is cut, so the
 * check waits up to a second for them to settle before failing.
 */
export const useLeakChecks = () => {
  const rejections: unknown[] = [];
  const onRejection = (reason: unknown) => void rejections.push(reason);
  let baseline = new Map<string, number>();
  beforeAll(() => {
    process.on('unhandledRejection', onRejection);
    baseline = watched();
  });
  afterAll(async () => {
    await closeAll();
    const deadline = performance.now() + 1_000;
    while (leakedSince(baseline).length > 0 && performance.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    // One more turn, so that a rejection left unhandled by the last test has been reported.
    await new Promise((resolve) => setImmediate(resolve));
    process.off('unhandledRejection', onRejection);
    expect(rejections, 'unhandled rejections during the file').toEqual([]);
    expect(leakedSince(baseline), 'resources left open after the file').toEqual([]);
  });
  return { rejections };
};
