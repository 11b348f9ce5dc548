/** What a connection error's message says about its cause: at most this many characters. */
const MAX_LENGTH = 300;
/** How many errors of a cause chain are looked at: a hostile or cyclic chain stays cheap. */
const MAX_ERRORS = 20;

type ErrorLike = {
  message?: unknown;
  code?: unknown;
  cause?: unknown;
  errors?: unknown;
  address?: unknown;
  port?: unknown;
  hostname?: unknown;
  socket?: { remoteAddress?: unknown; remotePort?: unknown } | null;
};

/** The error, its `cause`s and an `AggregateError`'s `errors`, outermost first, each once. */
const chainOf = (error: unknown): ErrorLike[] => {
  const out: ErrorLike[] = [];
  const seen = new Set<unknown>();
  const queue: unknown[] = [error];
  while (queue.length > 0 && out.length < MAX_ERRORS) {
    const next = queue.shift();
    if (typeof next !== 'object' || next === null || seen.has(next)) continue;
    seen.add(next);
    const item = next as ErrorLike;
    out.push(item);
    if (Array.isArray(item.errors)) queue.push(...item.errors);
    queue.push(item.cause);
  }
  return out;
};

const host = (address: string) => (address.includes(':') ? `[${address}]` : address);
const portOf = (port: unknown) => (typeof port === 'number' || (typeof port === 'string' && port !== '') ? `:${port}` : '');

/** Where a socket error happened, as Node and undici record it: `127.0.0.1:4010`, `[::1]:4010`, a host name. */
const placeOf = (error: ErrorLike): string | undefined => {
  if (typeof error.address === 'string') return `${host(error.address)}${portOf(error.port)}`;
  if (typeof error.hostname === 'string') return error.hostname;
  const remote = error.socket?.remoteAddress;
  if (typeof remote === 'string') return `${host(remote)}${portOf(error.socket?.remotePort)}`;
  return undefined;
};

const messageOf = (error: ErrorLike) => (typeof error.message === 'string' ? error.message.replace(/\s+/g, ' ').trim() : '');

/**
 * One line on what a failed request's cause says, for the end of a `ScalingConnectionError`'s message:
 * each error code in the chain with the places it names (`ECONNREFUSED 127.0.0.1:4010`; an
 * `AggregateError` of two addresses gives `ECONNREFUSED [::1]:4010, 127.0.0.1:4010`), with the error's
 * message when it does not already say the code (`UND_ERR_SOCKET 127.0.0.1:4010 (other side closed)`).
 * A chain without a code gives its innermost message (`fetch failed` wraps what failed, which is more
 * use). `redact` takes the client's key out; the line is cut at 300 characters.
 */
export const describeCause = (cause: unknown, redact: (text: string) => string): string | undefined => {
  const chain = chainOf(cause);
  const byCode = new Map<string, { places: Set<string>; message: string }>();
  for (const error of chain) {
    if (typeof error.code !== 'string' || error.code === '') continue;
    const entry = byCode.get(error.code) ?? { places: new Set<string>(), message: '' };
    const place = placeOf(error);
    if (place) entry.places.add(place);
    entry.message ||= messageOf(error);
    byCode.set(error.code, entry);
  }
  const text =
    byCode.size > 0
      ? [...byCode].map(([code, { places, message }]) => {
          const where = places.size > 0 ? ` ${[...places].join(', ')}` : '';
          return `${code}${where}${message && !message.includes(code) ? ` (${message})` : ''}`;
        }).join('; ')
      : chain.map(messageOf).filter(Boolean).at(-1);
  if (!text) return undefined;
  const clean = redact(text);
  return clean.length > MAX_LENGTH ? `${clean.slice(0, MAX_LENGTH)}…` : clean;
};
