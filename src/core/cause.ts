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

const words = (error: ErrorLike) => (typeof error.message === 'string' ? error.message.replace(/\s+/g, ' ').trim() : '');

/** Where a socket error happened, as Node and undici record it: `127.0.0.1:4010`, `[::1]:4010`, a host name. */
const placeOf = (error: ErrorLike) => {
  const [address, port] = typeof error.address === 'string' ? [error.address, error.port] : [error.socket?.remoteAddress, error.socket?.remotePort];
  if (typeof address === 'string') return `${address.includes(':') ? `[${address}]` : address}${port ? `:${port}` : ''}`;
  return typeof error.hostname === 'string' ? error.hostname : '';
};

/**
 * One line on what a failed request's cause says, for the end of a `ScalingConnectionError`'s message.
 * The chain is the cause, its `cause`s and an `AggregateError`'s `errors` (20 at most, each once).
 * With an error code in it: the first code, the places the errors with that code name, and their
 * message when it does not already say the code (`ECONNREFUSED 127.0.0.1:4010`; two refused addresses
 * of one name, `ECONNREFUSED [::1]:4010, 127.0.0.1:4010`; `UND_ERR_SOCKET 127.0.0.1:4010 (other side
 * closed)`). Without: the innermost message (`fetch failed` wraps what failed, which says more).
 * `redact` takes the client's key out; the line is cut at 300 characters.
 */
export const describeCause = (cause: unknown, redact: (text: string) => string): string | undefined => {
  const chain: ErrorLike[] = [];
  for (const queue = [cause]; queue.length > 0 && chain.length < 20; ) {
    const error = queue.shift() as ErrorLike;
    if (typeof error !== 'object' || error === null || chain.includes(error)) continue;
    chain.push(error);
    queue.push(...(Array.isArray(error.errors) ? error.errors : []), error.cause);
  }
  const code = chain.find((error) => typeof error.code === 'string' && error.code)?.code as string | undefined;
  const coded = chain.filter((error) => error.code === code);
  const places = [...new Set(coded.map(placeOf).filter(Boolean))].join(', ');
  const said = coded.map(words).find(Boolean);
  const text = code
    ? `${code}${places && ` ${places}`}${said && !said.includes(code) ? ` (${said})` : ''}`
    : chain.map(words).filter(Boolean).at(-1);
  const clean = text && redact(text);
  return clean && clean.length > 300 ? `${clean.slice(0, 300)}…` : clean;
};
