import { endpoints } from '../../src/endpoints/index.js';

/**
 * Paths as the API's docs write them (`/incidents/{incidentId}`), for the request log and fault
 * rules, from the endpoint table: a request names the endpoint that the mock's routes would pick.
 */

/** Each endpoint of the table, in its order (the order the routes are registered and matched in). */
const templates = endpoints.map((endpoint) => ({
  path: endpoint.path,
  method: endpoint.method.toUpperCase(),
  pattern: new RegExp(`^${endpoint.path.replace(/\{\w+\}/g, '[^/]+')}$`),
}));

/** Every path of the table, once. */
export const apiPaths: ReadonlySet<string> = new Set(endpoints.map((endpoint) => endpoint.path));

/** Each path of the table once, with its methods. */
const pathTemplates = [...apiPaths].map((path) => ({
  pattern: new RegExp(`^${path.replace(/\{\w+\}/g, '[^/]+')}$`),
  methods: templates.filter((template) => template.path === path).map((template) => template.method),
}));

/** The methods the API serves at a path, from the table (`…/layers/order` also names a layer). */
export const allowedAt = (path: string): string[] =>
  pathTemplates.filter((template) => template.pattern.test(path)).flatMap((template) => template.methods);

/**
 * The endpoint table's path for a request: the first endpoint with this method and a matching path,
 * as the routes would pick it; else the first path that matches for another method (a 405); else
 * the request's own path (a 404).
 */
export const apiPathOf = (method: string, path: string): string => {
  let other: string | undefined;
  for (const template of templates) {
    if (!template.pattern.test(path)) continue;
    if (template.method === method) return template.path;
    other ??= template.path;
  }
  return other ?? path;
};

/** The path of `url` below the base URL's own path: `/v1/incidents` under `…/v1` is `/incidents`. */
export const pathBelow = (basePath: string, url: URL): string => url.pathname.slice(basePath.length) || '/';

/**
 * A base URL as requests spell it: `prefix`, what every URL under it starts with (host in lower
 * case, no default port, a trailing slash), and `path`, its path without a trailing slash (`/v1`, or
 * `` at the root). Kept per base URL: every mock would otherwise parse the same one again.
 */
export const baseOf = (baseUrl: string): { prefix: string; path: string } => {
  let base = bases.get(baseUrl);
  if (!base) {
    const url = new URL(baseUrl);
    base = { prefix: `${url.href.replace(/\/+$/, '')}/`, path: url.pathname.replace(/\/+$/, '') };
    if (bases.size >= 100) bases.clear();
    bases.set(baseUrl, base);
  }
  return base;
};

const bases = new Map<string, { prefix: string; path: string }>();

/** The base URL's path without a trailing slash (`/v1`, or `` for a base URL at the root). */
export const basePathOf = (baseUrl: string): string => baseOf(baseUrl).path;
