import * as z from 'zod/mini';
import { describeIssues, safeParse, toValidationIssues } from '../../../src/core/issues.js';
import { mockStateOf } from '../../mock.js';
import { MockApiError } from '../../store/errors.js';
import { toSVG, toText, withRenderers } from '../../timeline/index.js';
import { findIncident, incidentTimeline } from '../../timeline/of-incident.js';
import type { ScalingMock } from '../../types.js';
import { PAGE_CSS, PAGE_HTML, PAGE_JS } from './page.js';
import { escalationContextView, incidentsView } from './views.js';

/**
 * The timeline page's routes under `/__mock`: the page itself (`GET /__mock/ui` and its two
 * assets, which a browser opens directly), and the read-only views its script polls
 * (`GET /__mock/incidents`, `GET /__mock/timeline`), which curl can use as well.
 */

type UiRoute = (ctx: { mock: ScalingMock }, url: URL) => Promise<unknown>;

const refuse = (status: number, code: string, message: string) => new MockApiError(status, 'invalid_request_error', code, message);

/** A static file: the page is a dev tool, so never cached (a new version of the package shows at once). */
const file = (body: string, type: string) => async () =>
  new Response(body, { headers: { 'content-type': `${type}; charset=utf-8`, 'cache-control': 'no-store', 'x-content-type-options': 'nosniff' } });

const TimelineQuery = z.strictObject({
  incidentId: z.string().check(z.minLength(1, 'must not be empty')),
  format: z.optional(z.enum(['json', 'svg', 'text'], { error: 'must be json, svg or text' })),
  width: z.optional(z.pipe(z.string().check(z.regex(/^\d{3,4}$/, 'must be a width in pixels, from 480 to 4000')), z.transform(Number))),
});

const queryOf = (url: URL) => Object.fromEntries([...url.searchParams.keys()].map((key) => [key, url.searchParams.get(key)]));

const parseQuery = <T extends z.core.$ZodType>(schema: T, url: URL): z.output<T> => {
  const result = safeParse(schema, queryOf(url));
  if (!result.success) throw refuse(400, 'invalid_request_error', describeIssues(toValidationIssues(result.error.issues)));
  return result.data;
};

export const uiRoutes: Record<string, Partial<Record<string, UiRoute>>> = {
  '/ui': { GET: file(PAGE_HTML, 'text/html') },
  '/ui/app.js': { GET: file(PAGE_JS, 'text/javascript') },
  '/ui/style.css': { GET: file(PAGE_CSS, 'text/css') },
  '/incidents': {
    GET: async ({ mock }, url) => {
      parseQuery(z.strictObject({}), url);
      return incidentsView(mockStateOf(mock), mock.clock.now().getTime());
    },
  },
  '/timeline': {
    GET: async ({ mock }, url) => {
      const { incidentId, format = 'json', width } = parseQuery(TimelineQuery, url);
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
};
