import * as z from 'zod/mini';
import { describeIssues, safeParse, toValidationIssues } from '../../../src/core/issues.js';
import { mockStateOf } from '../../mock.js';
import { MockApiError } from '../../store/errors.js';
import { toSVG, toText, withRenderers } from '../../timeline/index.js';
import { findIncident, incidentTimeline } from '../../timeline/of-incident.js';
import type { ScalingMock } from '../../types.js';
import type { ControlEndpoint } from '../control-endpoint.js';
import { PAGE_CSS, PAGE_HTML, PAGE_JS } from './page.js';
import { escalationContextView, incidentsView } from './views.js';

/**
 * The timeline page's routes under `/__mock`: the page itself (`GET /__mock/ui` and its two
 * assets, which a browser opens directly), and the read-only views its script polls
 * (`GET /__mock/incidents`, `GET /__mock/timeline`), which curl can use as well.
 */

const refuse = (status: number, code: string, message: string) => new MockApiError(status, 'invalid_request_error', code, message);

/** A static file: the page is a dev tool, so never cached (a new version of the package shows at once). */
const file = (body: string, type: string) => async () =>
  new Response(body, { headers: { 'content-type': `${type}; charset=utf-8`, 'cache-control': 'no-store', 'x-content-type-options': 'nosniff' } });

/** `GET /__mock/timeline`'s query, as the document describes it. */
export const TimelineQuery = z.strictObject({
  incidentId: z.string().check(z.minLength(1, 'must not be empty')),
  format: z.optional(z.enum(['json', 'svg', 'text'], { error: 'must be json, svg or text' })),
  width: z.optional(z.int().check(z.minimum(480), z.maximum(4000))),
});

/** The same query as it arrives in a query string (every value a string). */
const TimelineUrlQuery = z.strictObject({
  ...TimelineQuery.shape,
  width: z.optional(z.pipe(z.string().check(z.regex(/^\d{3,4}$/, 'must be a width in pixels, from 480 to 4000')), z.transform(Number))),
});

const queryOf = (url: URL) => Object.fromEntries([...url.searchParams.keys()].map((key) => [key, url.searchParams.get(key)]));

const parseQuery = <T extends z.core.$ZodType>(schema: T, url: URL): z.output<T> => {
  const result = safeParse(schema, queryOf(url));
  if (!result.success) throw refuse(400, 'invalid_request_error', describeIssues(toValidationIssues(result.error.issues)));
  return result.data;
};

const NoQuery = z.strictObject({});

export const uiEndpoints: ReadonlyArray<ControlEndpoint<{ mock: ScalingMock }, unknown>> = [
  { name: 'ui.page', method: 'GET', path: '/ui', open: true, handle: file(PAGE_HTML, 'text/html') },
  { name: 'ui.script', method: 'GET', path: '/ui/app.js', open: true, handle: file(PAGE_JS, 'text/javascript') },
  { name: 'ui.style', method: 'GET', path: '/ui/style.css', open: true, handle: file(PAGE_CSS, 'text/css') },
  {
    name: 'incidents.list', method: 'GET', path: '/incidents', query: NoQuery,
    handle: async ({ mock }, url) => {
      parseQuery(NoQuery, url);
      return incidentsView(mockStateOf(mock), mock.clock.now().getTime());
    },
  },
  {
    name: 'timeline.get', method: 'GET', path: '/timeline', query: TimelineQuery,
    handle: async ({ mock }, url) => {
      const { incidentId, format = 'json', width } = parseQuery(TimelineUrlQuery, url);
      if (width !== undefined && (width < 480 || width > 4000)) throw refuse(400, 'invalid_request_error', 'width: must be a width in pixels, from 480 to 4000');
      const state = mockStateOf(mock);
      const found = findIncident(state, incidentId);
      if (!found) throw refuse(404, 'not_found', `No incident ${incidentId} in this mock.`);
      const now = mock.clock.now().getTime();
      const timeline = withRenderers(incidentTimeline(state, found.org, found.incident, now));
      if (format === 'svg') return new Response(toSVG(timeline, width === undefined ? {} : { width }), { headers: { 'content-type': 'image/svg+xml; charset=utf-8' } });
      if (format === 'text') return new Response(`${toText(timeline)}\n`, { headers: { 'content-type': 'text/plain; charset=utf-8' } });
      return { timeline, ...escalationContextView(found.org, found.incident, now) };
    },
  },
];
