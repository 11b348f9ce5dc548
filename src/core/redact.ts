const REDACTED = '[redacted]';

/**
 * What removes the client's own API key from text the server sent, before that text is stored on an
 * error: a server or proxy that echoes the `Authorization` header must not put the key into logs.
 * `Bearer <key>` always; the bare key too when it is long enough to be told apart from ordinary
 * words (8 characters or more: every real key is far longer).
 */
export const redactor = (apiKey: string) => {
  const patterns = [`Bearer ${apiKey}`, `bearer ${apiKey}`, ...(apiKey.length >= 8 ? [apiKey] : [])];
  const text = (value: string) => patterns.reduce((out, pattern) => (out.includes(pattern) ? out.replaceAll(pattern, REDACTED) : out), value);
  /**
   * Strings are rewritten, objects and arrays in place (they are freshly parsed bodies and issues,
   * the SDK's own), walked without recursion: a hostile body may be nested a million deep.
   */
  const deep = <T>(value: T): T => {
    if (typeof value === 'string') return text(value) as T;
    const seen = new Set<object>();
    const stack: unknown[] = [value];
    while (stack.length > 0) {
      const node = stack.pop();
      if (typeof node !== 'object' || node === null || seen.has(node)) continue;
      seen.add(node);
      const record = node as Record<string, unknown>;
      for (const key of Object.keys(record)) {
        const item = record[key];
        if (typeof item === 'string') record[key] = text(item);
        else if (typeof item === 'object' && item !== null) stack.push(item);
        const clean = text(key);
        if (clean !== key) {
          record[clean] = record[key];
          delete record[key];
        }
      }
    }
    return value;
  };
  const headers = (input: Headers): Headers => {
    const out = new Headers();
    input.forEach((value, name) => out.append(name, text(value)));
    return out;
  };
  return { text, deep, headers };
};

export type Redactor = ReturnType<typeof redactor>;
