import { badRequest } from './errors.js';

/** Cursors are opaque to clients: base64url of a small JSON object naming the last item seen. */
export const encodeCursor = (position: Record<string, string | number>) =>
  btoa(JSON.stringify(position)).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');

/**
 * The position a cursor names, read by `read` (which answers `undefined` for any shape it does not
 * expect); anything else is 400 `invalid_cursor`.
 */
export const decodeCursor = <T>(cursor: string, read: (position: Record<string, unknown>) => T | undefined): T => {
  try {
    const position: unknown = JSON.parse(atob(cursor.replace(/-/g, '+').replace(/_/g, '/')));
    if (typeof position === 'object' && position !== null) {
      const value = read(position as Record<string, unknown>);
      if (value !== undefined) return value;
    }
  } catch {
    // Falls through to the refusal below.
  }
  throw badRequest('invalid_cursor', 'cursor: not a cursor this API gave out; pass nextCursor back unchanged.');
};
