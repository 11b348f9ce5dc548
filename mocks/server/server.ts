import { createServer, type IncomingMessage, type OutgoingHttpHeaders, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Duplex } from 'node:stream';
import { safeParse } from '../../src/core/issues.js';
import { toMillis, type Instant } from '../engine/clock.js';
import { MockApiKey } from '../fixtures.js';
import { MAX_BODY_BYTES, errorResponse } from '../handlers/route.js';
import { allowedAt } from '../handlers/paths.js';
import { createScalingMock, DROPPED_CONNECTION_CODE } from '../mock.js';
import { MockApiError } from '../store/errors.js';
import type { MockSnapshot, ScalingMock, ScalingMockOptions } from '../types.js';
import { bodyLimitOf, CONTROL_PREFIX, handleControl, type ControlContext, type ReadBody } from './control.js';
import { createGuard } from './guard.js';
import { applySeed, parseSeed, seedDefaultKey, type SeedSummary } from './seed.js';

export type MockServerOptions = {
  /** Default 0: any free port (read it from `url`). */
  port?: number;
  /** Default `127.0.0.1`. */
  host?: string;
  /**
   * The default org's key (default: the seed's; else, with `idSeed`, the one the seeded generator
   * makes, as in process; else a random `scl_mock_…` key, different on every start).
   */
  apiKey?: string;
  /**
   * Seeds ids and generated keys, as `createScalingMock({ seed })` does: the same value gives the same
   * ids. Default: a random one on every start, so nobody can predict another server's ids or keys.
   */
  idSeed?: number;
  /** The value the header `x-scaling-mock-control` must have on every `/__mock` call (default: any value). */
  controlToken?: string;
  /**
   * Host names the server answers to (the `Host` header) besides `localhost`, `127.0.0.1`, `[::1]` and
   * the `host` it listens on; `'any'` turns the check off. Needed when a name or an address other than
   * these reaches it (a container's service name, a LAN address).
   */
  allowedHosts?: readonly string[] | 'any';
  /** The clock's start (default: now). */
  now?: Instant;
  /** The clock follows the wall clock, `speed` times faster, and escalation runs on its own. */
  realtime?: boolean | { speed?: number };
  /** A seed (the parsed JSON of a seed file), checked with `parseSeed`; a `SeedError` names the bad field. */
  seed?: unknown;
  /**
   * A snapshot to start from (`mock.snapshot()`, `GET /__mock/snapshot`, or the parsed JSON of
   * one): its orgs, keys and clock, instead of a seed's. `POST /__mock/reset` comes back to it. It
   * holds the keys and the clock, so it cannot be combined with `seed`, `apiKey` or `now`; a
   * snapshot that cannot be restored is a `TypeError` naming the field.
   */
  state?: unknown;
};

export type MockServer = {
  /** The API's base URL: `http://127.0.0.1:<port>/v1`. */
  readonly url: string;
  /** `http://127.0.0.1:<port>`, where `/__mock/…` lives. */
  readonly origin: string;
  /** The default org's key. */
  readonly apiKey: string;
  /** The mock behind the server: the same state the HTTP API serves. */
  readonly mock: ScalingMock;
  /** What the seed made (after `POST /__mock/reset`, made again: same ids). `null` without a seed. */
  readonly seed: SeedSummary | null;
  /** Stops listening, drops open connections and stops real-time mode. */
  close(): Promise<void>;
};

/** Headers a browser needs to call the server from another origin, on every response. */
const CORS: OutgoingHttpHeaders = {
  'access-control-allow-origin': '*',
  'access-control-expose-headers': 'x-request-id, allow, retry-after',
};
const PREFLIGHT_METHODS = 'GET, POST, PUT, PATCH, DELETE, OPTIONS';

/** Connection-level headers are the socket's business, not the `Request`'s. */
const HOP_BY_HOP = new Set(['host', 'connection', 'keep-alive', 'transfer-encoding', 'upgrade', 'content-length', 'expect', 'te', 'trailer', 'proxy-connection']);

/** Reads at most `limit` bytes; past that it stops keeping them (Node discards the rest) and says so. */
const readBody = (request: IncomingMessage, limit: number): Promise<ReadBody> =>
  new Promise((resolve, reject) => {
    const declared = Number(request.headers['content-length'] ?? 0);
    if (declared > limit) {
      resolve({ tooLarge: declared, limit });
      return;
    }
    const chunks: Buffer[] = [];
    let size = 0;
    const onData = (chunk: Buffer) => {
      size += chunk.byteLength;
      if (size <= limit) return void chunks.push(chunk);
      request.off('data', onData);
      chunks.length = 0;
      resolve({ tooLarge: size, limit });
    };
    request.on('data', onData);
    request.once('end', () => resolve({ bytes: Buffer.concat(chunks) }));
    request.once('error', reject);
  });

/** The path and query of the request line (origin-form, or absolute-form from a proxy); `undefined` for `*`. */
const pathOf = (target: string | undefined): string | undefined => {
  if (target?.startsWith('/')) return target;
  try {
    const url = new URL(target ?? '');
    return `${url.pathname}${url.search}`;
  } catch {
    return undefined;
  }
};

/** A `Response.error()` from the mock (a `reset` fault, an override) is a connection dropped without an answer. */
const isDroppedConnection = (error: unknown) =>
  error instanceof TypeError && (error.cause as { code?: unknown } | undefined)?.code === DROPPED_CONNECTION_CODE;

/** Whether a path is a test control (`/__mock…`): those are never shared with other origins. */
const isControlPath = (path: string | undefined) => {
  const pathname = path?.split('?')[0] ?? '';
  return pathname === CONTROL_PREFIX || pathname.startsWith(`${CONTROL_PREFIX}/`);
};

/** The page under `/__mock/ui` opens in a browser by itself: it needs no control header (its script sends one). */
const isOpenControl = (method: string, path: string | undefined) => {
  const pathname = path?.split('?')[0] ?? '';
  return method === 'GET' && (pathname === `${CONTROL_PREFIX}/ui` || pathname.startsWith(`${CONTROL_PREFIX}/ui/`));
};

const send = async (response: Response | undefined, out: ServerResponse, extra: OutgoingHttpHeaders = {}, cors = true) => {
  if (response === undefined) return void out.destroy();
  const headers: OutgoingHttpHeaders = { ...(cors ? CORS : {}), ...extra };
  response.headers.forEach((value, name) => {
    if (!HOP_BY_HOP.has(name)) headers[name] = value;
  });
  const body = Buffer.from(await response.arrayBuffer());
  if (response.status !== 204 && response.status !== 304) headers['content-length'] = body.byteLength;
  out.writeHead(response.status, headers);
  out.end(body);
};

const apiError = (status: number, type: string, code: string, message: string) =>
  errorResponse(new MockApiError(status, type, code, message), crypto.randomUUID());

/** `http://host:port`, with brackets around an IPv6 address. */
const originOf = (host: string, port: number) => `http://${host.includes(':') ? `[${host}]` : host}:${port}`;

/**
 * The options of a mock that a snapshot restores into: its origin's seed and key (`restore`
 * refuses a snapshot of a mock made otherwise), and its clock. Whatever is malformed here is left
 * out, for `restore` to name.
 */
const mockOptionsOf = (state: unknown): Pick<ScalingMockOptions, 'seed' | 'apiKey' | 'now'> => {
  const { origin, clock } = (typeof state === 'object' && state !== null ? state : {}) as { origin?: { seed?: unknown; apiKey?: unknown }; clock?: unknown };
  return {
    ...(typeof origin?.seed === 'number' ? { seed: origin.seed } : {}),
    ...(safeParse(MockApiKey, origin?.apiKey).success ? { apiKey: origin!.apiKey as string } : {}),
    ...(typeof clock === 'number' && Number.isFinite(clock) ? { now: clock } : {}),
  };
};

const randomSeed = () => crypto.getRandomValues(new Uint32Array(1))[0]!;
const KEY_ALPHABET = '0123456789abcdefghjkmnpqrstvwxyz';
/** A key as the mock makes them, from the platform's CSPRNG (32 characters, 160 bits). */
const randomApiKey = () => `scl_mock_${Array.from(crypto.getRandomValues(new Uint8Array(32)), (byte) => KEY_ALPHABET[byte & 31]).join('')}`;

/** What requests are served from, once the mock exists and is seeded. */
type Served = { mock: ScalingMock; control: ControlContext; basePath: string };

/** Answers one request (not a preflight) with a web `Response`; `signal` aborts when the client's connection closes. */
const answer = async (request: IncomingMessage, signal: AbortSignal, origin: string, { mock, control, basePath }: Served, gate: () => Promise<unknown>) => {
  const method = request.method ?? 'GET';
  const path = pathOf(request.url);
  // MSW matches the base URL, so the URL is rebuilt on it whatever `Host` the client sent (and a
  // path like `//host/v1/…` stays a path, where resolving it against the origin would change the host).
  const target = path === undefined ? undefined : new URL(`${origin}${path}`);
  const body = await readBody(request, target ? bodyLimitOf(target.pathname) : MAX_BODY_BYTES);
  if (target && (target.pathname === CONTROL_PREFIX || target.pathname.startsWith(`${CONTROL_PREFIX}/`))) {
    return handleControl(control, method, target, body);
  }
  if (!target || !target.pathname.startsWith(`${basePath}/`)) {
    return apiError(404, 'invalid_request_error', 'route_not_found', `No endpoint ${method} ${target?.pathname ?? String(request.url)}.`);
  }
  // `new Request()` refuses these methods (the fetch standard forbids them), so they never reach the
  // mock's handlers: answered here as any method the API does not serve, 405 with `Allow` or 404.
  if (FORBIDDEN_METHODS.test(method)) return unservedMethod(method, target.pathname, basePath);
  // A reset re-seeds through `mock.fetch`; should that ever wait on I/O, nobody may see half a seed.
  await gate().catch(() => undefined);
  const headers = new Headers();
  for (const [name, value] of Object.entries(request.headers)) {
    if (HOP_BY_HOP.has(name) || value === undefined) continue;
    for (const item of Array.isArray(value) ? value : [value]) headers.append(name, item);
  }
  // A `timeout` fault answers nothing until the client gives up: then the request's signal ends it.
  const init: RequestInit = { method, headers, signal };
  // An oversized body is not kept: its declared size alone makes the mock answer 413, after its usual checks.
  if ('tooLarge' in body) headers.set('content-length', String(body.tooLarge));
  else if (body.bytes.byteLength > 0 && method !== 'GET' && method !== 'HEAD') init.body = body.bytes;
  return mock.fetch(target, init);
};

/** Where the API lives on the server: `http://127.0.0.1:<port>/v1`. */
const API_BASE_PATH = '/v1';

const FORBIDDEN_METHODS = /^(?:CONNECT|TRACE|TRACK)$/i;

const unservedMethod = (method: string, pathname: string, basePath: string) => {
  const allowed = allowedAt(pathname.slice(basePath.length));
  if (allowed.length === 0) return apiError(404, 'invalid_request_error', 'route_not_found', `No endpoint ${method} ${pathname}.`);
  const response = apiError(405, 'invalid_request_error', 'method_not_allowed', `${method} is not allowed here; use ${allowed.join(', ')}.`);
  response.headers.set('allow', allowed.join(', '));
  return response;
};

const preflight = (request: IncomingMessage, out: ServerResponse) => {
  // A page of another origin asking to call a test control (its custom header forces this preflight):
  // refused without CORS headers, so the browser never sends the call.
  if (isControlPath(pathOf(request.url))) {
    void send(apiError(403, 'permission_error', 'cross_origin_control', 'Test controls are not shared with other origins.'), out, {}, false);
    return;
  }
  out.writeHead(204, {
    ...CORS,
    'access-control-allow-methods': PREFLIGHT_METHODS,
    'access-control-allow-headers': request.headers['access-control-request-headers'] ?? 'authorization, content-type',
    'access-control-max-age': '600',
    vary: 'access-control-request-headers',
  });
  out.end();
};

/**
 * Serves a new `createScalingMock()` over real HTTP: each request becomes a `Request` answered by
 * `mock.fetch` (the mock's own MSW handlers), so the server and the in-process mock are one implementation.
 */
export const startMockServer = async (options: MockServerOptions = {}): Promise<MockServer> => {
  const { port = 0, host = '127.0.0.1' } = options;
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new RangeError(`port must be an integer from 0 to 65535; got ${String(port)}`);
  if (options.apiKey !== undefined && !safeParse(MockApiKey, options.apiKey).success) {
    throw new TypeError('apiKey must be 1 to 256 visible ASCII characters, without spaces');
  }
  if (options.idSeed !== undefined && !(Number.isInteger(options.idSeed) && options.idSeed >= 0 && options.idSeed <= 0xffffffff)) {
    throw new RangeError(`idSeed must be an integer from 0 to 4294967295; got ${String(options.idSeed)}`);
  }
  if (options.controlToken !== undefined && !/^[\x21-\x7e]{1,256}$/.test(options.controlToken)) {
    throw new TypeError('controlToken must be 1 to 256 visible ASCII characters, without spaces');
  }
  if (options.state !== undefined) {
    const clash = (['seed', 'apiKey', 'now', 'idSeed'] as const).filter((name) => options[name] !== undefined);
    if (clash.length > 0) {
      throw new TypeError(`state cannot be combined with ${clash.join(', ')}: a snapshot holds the orgs, the keys and the clock itself`);
    }
  }
  const start = toMillis(options.now ?? Date.now(), 'now');
  // The seed's format, refs and keys are checked before anything listens; the API's rules when it is
  // applied below, where a refusal stops the server again: a bad seed never leaves a half-started one.
  const seed = options.seed === undefined ? undefined : parseSeed(options.seed, { apiKey: options.apiKey });

  // The mock needs the port (its base URL), so it is made after listening: a request before then waits.
  let ready: (served: Served) => void = () => undefined;
  const started = new Promise<Served>((resolve) => (ready = resolve));
  let gate: Promise<unknown> = Promise.resolve();
  let origin = '';

  const guard = createGuard(host, { controlToken: options.controlToken, allowedHosts: options.allowedHosts });
  const server: Server = createServer();
  const onRequest = (request: IncomingMessage, out: ServerResponse) => {
    const path = pathOf(request.url);
    const control = isControlPath(path);
    // A `Host` this server does not go by is a page whose own name was pointed at 127.0.0.1 (DNS rebinding).
    const refusal = guard.checkHost(request) ?? (control && request.method !== 'OPTIONS' && !isOpenControl(request.method ?? '', path) ? guard.checkControl(request) : undefined);
    if (refusal) {
      request.resume();
      void send(errorResponse(refusal, crypto.randomUUID()), out, { connection: 'close' }, !control).catch(() => out.destroy());
      return;
    }
    if (request.method === 'OPTIONS') return preflight(request, out);
    const closed = new AbortController();
    out.once('close', () => closed.abort());
    started
      .then((served) => answer(request, closed.signal, origin, served, () => gate))
      .catch((error: unknown) =>
        // Dropped, or the client gave up: nothing to answer.
        closed.signal.aborted || isDroppedConnection(error)
          ? undefined
          : apiError(500, 'internal_error', 'server_error', `The Scaling mock server failed: ${error instanceof Error ? error.message : String(error)}`),
      )
      // The rest of an oversized body is not worth reading: answer, then close the connection.
      .then((response) => send(response, out, request.complete ? {} : { connection: 'close' }, !control))
      .catch(() => out.destroy());
  };
  server.on('request', onRequest);
  // A request Node's parser refuses (a method it does not know, such as TRACK; a malformed line)
  // gets the API's error body rather than Node's bare 400: 405 with `Allow` for an unknown method
  // on a path the API serves, else 400. The connection is closed after it, as Node would.
  server.on('clientError', (error: Error & { code?: string; rawPacket?: Buffer }, socket: Duplex) => {
    if (!socket.writable || (error.code !== 'HPE_INVALID_METHOD' && error.code !== 'HPE_INVALID_URL' && error.code !== 'HPE_INVALID_CONSTANT')) {
      socket.destroy();
      return;
    }
    const line = /^([!#$%&'*+.^_`|~0-9A-Za-z-]+) (\S+) HTTP\/1\.[01]\r?\n/.exec(error.rawPacket?.toString('latin1') ?? '');
    const path = line ? pathOf(line[2]) : undefined;
    const response =
      line && path !== undefined && error.code === 'HPE_INVALID_METHOD' && path.startsWith(`${API_BASE_PATH}/`)
        ? unservedMethod(line[1]!, new URL(path, 'http://x').pathname, API_BASE_PATH)
        : apiError(400, 'invalid_request_error', 'invalid_request_error', 'The request is not valid HTTP/1.1.');
    void response.text().then((body) => {
      const headers = [`HTTP/1.1 ${response.status} ${response.status === 405 ? 'Method Not Allowed' : response.status === 404 ? 'Not Found' : 'Bad Request'}`];
      response.headers.forEach((value, name) => void (HOP_BY_HOP.has(name) || headers.push(`${name}: ${value}`)));
      headers.push(`content-length: ${Buffer.byteLength(body)}`, 'connection: close');
      socket.end(`${headers.join('\r\n')}\r\n\r\n${body}`);
    });
  });
  // `Expect: 100-continue` with a declared size over the limit: answer 413 without asking for the body.
  server.on('checkContinue', (request: IncomingMessage, out: ServerResponse) => {
    const limit = bodyLimitOf(pathOf(request.url)?.split('?')[0] ?? '');
    if (!(Number(request.headers['content-length'] ?? 0) > limit)) out.writeContinue();
    onRequest(request, out);
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen({ port, host }, () => {
      server.off('error', reject);
      resolve();
    });
  });
  origin = originOf(host, (server.address() as AddressInfo).port);
  const url = `${origin}${API_BASE_PATH}`;
  const stop = () =>
    new Promise<void>((resolve) => {
      server.close(() => resolve());
      server.closeAllConnections();
    });

  let mock: ScalingMock | undefined;
  let summary: SeedSummary | null = null;
  try {
    mock = createScalingMock({
      baseUrl: url,
      now: start,
      // Unpredictable unless pinned: another server's (or org's) ids and keys cannot be worked out.
      seed: options.idSeed ?? randomSeed(),
      apiKey: options.apiKey ?? (seed && seedDefaultKey(seed)) ?? (options.idSeed === undefined ? randomApiKey() : undefined),
      ...(options.state === undefined ? {} : mockOptionsOf(options.state)),
      ...(options.realtime === undefined ? {} : { realtime: options.realtime }),
    });
    if (seed) summary = await applySeed(mock, seed);
    if (options.state !== undefined) mock.restore(options.state as MockSnapshot);
  } catch (error) {
    mock?.close();
    await stop();
    throw error;
  }
  const served = mock;
  /** One after another, so that two overlapping resets (or a reset and a restore) cannot write into each other's state. */
  const inTurn = <Result>(run: () => Promise<Result>): Promise<Result> => {
    const next = gate.then(run, run);
    gate = next;
    return next;
  };
  const control: ControlContext = {
    mock: served,
    seed: () => summary,
    reset: () =>
      inTurn(async () => {
        served.reset();
        summary = seed ? await applySeed(served, seed) : null;
        if (options.state !== undefined) served.restore(options.state as MockSnapshot);
        return summary;
      }),
    restore: (snapshot) => inTurn(async () => served.restore(snapshot)),
  };
  ready({ mock: served, control, basePath: new URL(url).pathname });

  return {
    url,
    origin,
    apiKey: served.apiKey,
    mock: served,
    get seed() {
      return summary;
    },
    close: async () => {
      served.close();
      await stop();
    },
  };
};
