import { timingSafeEqual } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import { MockApiError } from '../store/errors.js';

/**
 * What keeps web pages away from the standalone server (see docs/server.md, "Security of the standalone
 * server"). The API itself needs a key; the controls under `/__mock` need none, so they must not be
 * reachable by a page the developer happens to have open:
 * - every control call carries `x-scaling-mock-control` (any value, or the `--control-token`):
 *   a custom header forces a browser into a CORS preflight, and control preflights are refused;
 * - the `Host` header must name the server (loopback names, or the hosts allowed), which defeats DNS
 *   rebinding, where a page's own host name resolves to 127.0.0.1.
 */

export const CONTROL_HEADER = 'x-scaling-mock-control';

export type GuardOptions = {
  /** The value `x-scaling-mock-control` must have; without one, any value (the header's presence is what matters). */
  controlToken?: string | undefined;
  /** Host names (no port) the server answers to besides the loopback ones and the one it is bound to; `'any'` turns the check off. */
  allowedHosts?: readonly string[] | 'any' | undefined;
};

const LOOPBACK = ['localhost', '127.0.0.1', '::1', '[::1]'];
const WILDCARD = new Set(['0.0.0.0', '::', '[::]']);

/** Whether the server listens beyond this machine. */
export const isBeyondLoopback = (host: string) => !LOOPBACK.includes(host.toLowerCase()) && !/^127\./.test(host);

/** The host name of a `Host` header (`name:port`, `[v6]:port`), lowercase, without a trailing dot. */
const hostNameOf = (header: string): string => {
  const value = header.trim().toLowerCase();
  const name = value.startsWith('[') ? value.slice(0, value.indexOf(']') + 1) : value.replace(/:\d*$/, '');
  return name.replace(/\.$/, '');
};

const forbidden = (code: string, message: string) => new MockApiError(403, 'permission_error', code, message);

export const createGuard = (boundHost: string, options: GuardOptions) => {
  const allowed =
    options.allowedHosts === 'any'
      ? undefined
      : new Set([...LOOPBACK, ...(WILDCARD.has(boundHost) ? [] : [boundHost.toLowerCase()]), ...(options.allowedHosts ?? []).map(hostNameOf)]);
  const token = options.controlToken === undefined ? undefined : Buffer.from(options.controlToken);

  return {
    /** A refusal when `Host` names another server; `undefined` when the request may go on. */
    checkHost(request: IncomingMessage): MockApiError | undefined {
      const header = request.headers.host;
      // Browsers always send `Host`; a client that sends none cannot be a rebound page.
      if (!allowed || header === undefined) return undefined;
      const name = hostNameOf(header);
      if (allowed.has(name)) return undefined;
      return forbidden(
        'host_not_allowed',
        `This server does not answer to the host "${name}". Start it with --allowed-host ${name} (or --allow-any-host) if that name is meant to reach it.`,
      );
    },
    /** A refusal when a control call lacks the control header (or its token). */
    checkControl(request: IncomingMessage): MockApiError | undefined {
      const sent = request.headers[CONTROL_HEADER];
      const value = Array.isArray(sent) ? sent[0] : sent;
      if (value === undefined) {
        return forbidden('control_header_required', `Test controls need the header \`${CONTROL_HEADER}\`${token ? ' with the control token' : ' (any value)'}.`);
      }
      if (token) {
        const given = Buffer.from(value);
        if (given.length !== token.length || !timingSafeEqual(given, token)) return forbidden('invalid_control_token', `\`${CONTROL_HEADER}\` does not match the control token.`);
      }
      return undefined;
    },
  };
};

export type Guard = ReturnType<typeof createGuard>;
