/**
 * The timeline page of the standalone server (issue 17), end to end in Debian's Chromium: the
 * server runs in this process with the example seed, an incident is opened through the API, the
 * page's own buttons move the clock, and the SVG it draws is checked mark by mark, with real fonts
 * (no text over another). The screenshot is kept as a test artifact (`.tmp/artifacts/`, and as an
 * annotation of the test); `UPDATE_SCREENSHOT=1` also writes the image of docs/server.md,
 * `docs/images/timeline-ui.png`.
 *
 * Chromium is found or installed as for `worker.test.ts` (`chromium.ts`); `SCALING_REQUIRE_BROWSER=1`
 * makes a skip a failure.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { simulateEscalation } from '@scaling-cloud/sdk';
import { timelineOfSimulation, toSVG } from '@scaling-cloud/sdk/mocks';
import { startMockServer, type MockServer } from '@scaling-cloud/sdk/mocks/server';
import { parseXml } from '../xml.js';
import { CHROMIUM, CHROMIUM_ARGS, ensureChromium, precheck, type Chromium } from './chromium.js';

const here = (path: string) => fileURLToPath(new URL(path, import.meta.url));
const required = process.env.SCALING_REQUIRE_BROWSER === '1';
const START = '2026-04-07T10:00:00.000Z';
const at = (minutes: number) => new Date(Date.parse(START) + minutes * 60_000).toISOString();
const TOKEN = 'page-token-17';
const ARTIFACTS = here('../../.tmp/artifacts');
const README_IMAGE = here('../../docs/images/timeline-ui.png');

const skipReason = precheck();
if (skipReason) {
  const message = `test/browser: the timeline page test is skipped: ${skipReason}`;
  if (required) throw new Error(`${message} (SCALING_REQUIRE_BROWSER=1)`);
  console.warn(message);
}

/** The texts of an SVG in the page whose real boxes (`getBBox`, with the fonts Chromium has) overlap by more than 2 px. */
const overlapsIn = (page: Page, selector: string) =>
  page.$eval(selector, (svg) => {
    const boxes = [...svg.querySelectorAll('text')].map((text) => ({ text: text.textContent ?? '', box: (text as SVGGraphicsElement).getBBox() }));
    const found: string[] = [];
    for (let i = 0; i < boxes.length; i++) {
      for (let j = i + 1; j < boxes.length; j++) {
        const [a, b] = [boxes[i]!.box, boxes[j]!.box];
        const dx = Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x);
        const dy = Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y);
        if (dx > 2 && dy > 2) found.push(`${JSON.stringify(boxes[i]!.text)} × ${JSON.stringify(boxes[j]!.text)}`);
      }
    }
    const width = Number(svg.getAttribute('width'));
    const outside = boxes.filter(({ box }) => box.x < 0 || box.x + box.width > width + 1).map(({ text }) => text);
    return { found, outside, texts: boxes.length };
  });

/** What the page's SVG shows: each mark's hooks and where it is drawn. */
const marksIn = (page: Page) =>
  page.$$eval('#timeline svg [data-kind]', (elements) =>
    elements.map((element) => {
      const shape = element.querySelector('circle, line');
      const x = shape === null ? Number.NaN : Number(shape.getAttribute(shape.tagName === 'circle' ? 'cx' : 'x1'));
      const data = (element as SVGElement).dataset;
      return { kind: data.kind!, position: data.position ?? null, at: data.at ?? null, x };
    }),
  );

describe.skipIf(skipReason !== undefined)('the timeline page, /__mock/ui, in Chromium', () => {
  let browserReady: Chromium = { ok: false, reason: 'beforeAll did not run' };
  let server: MockServer;

  beforeAll(async () => {
    browserReady = await ensureChromium(10 * 60_000);
    if (!browserReady.ok) {
      const message = `test/browser: Chromium cannot be installed, the timeline page test is skipped: ${browserReady.reason}`;
      if (required) throw new Error(`${message} (SCALING_REQUIRE_BROWSER=1)`);
      console.warn(message);
    }
    // With a control token: the page works only if its script sends the one its URL carries. Fixed
    // ids, so that the documented screenshot is the same on every run.
    server = await startMockServer({ port: 0, now: START, idSeed: 1, controlToken: TOKEN, seed: JSON.parse(readFileSync(here('../../examples/seed.json'), 'utf8')) });
  }, 11 * 60_000);
  afterAll(() => server?.close());

  test('opens without a key, moves the clock with its buttons, and draws the guide’s escalation', async (ctx) => {
    if (!browserReady.ok) ctx.skip(`Chromium cannot be installed: ${browserReady.reason}`);

    // The guide's two-layer policy over the seed's schedules, and an incident under it, through the API.
    const api = async <T>(method: string, path: string, body: unknown) => {
      const response = await fetch(`${server.url}${path}`, { method, headers: { authorization: `Bearer ${server.apiKey}`, 'content-type': 'application/json' }, body: JSON.stringify(body) });
      expect(response.status, `${method} ${path}`).toBe(201);
      return ((await response.json()) as { data: T }).data;
    };
    const refs = server.seed!.refs;
    const policy = await api<{ id: string }>('POST', '/escalation/policies', { name: 'Guide: primary, then secondary' });
    await api('POST', `/escalation/policies/${policy.id}/layers`, { position: 1, ackTimeoutMinutes: 5, target: { type: 'schedule', scheduleId: refs.schedules.primary } });
    await api('POST', `/escalation/policies/${policy.id}/layers`, { position: 2, ackTimeoutMinutes: 10, target: { type: 'schedule', scheduleId: refs.schedules.secondary } });
    const incident = await api<{ id: string }>('POST', '/incidents', { title: 'Checkout API is down', severity: 'critical', escalationPolicyId: policy.id });

    const failures: string[] = [];
    const controlCalls: Array<{ method: string; path: string; header: string | undefined }> = [];
    let browser: Browser | undefined;
    try {
      browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS, timeout: 30_000 });
      const page = await browser.newPage({ viewport: { width: 1280, height: 680 } });
      page.on('pageerror', (error) => failures.push(`page error: ${error.message}`));
      page.on('console', (message) => void (message.type() === 'error' && failures.push(`console: ${message.text()}`)));
      page.on('requestfailed', (request) => failures.push(`request failed: ${request.url()} ${request.failure()?.errorText ?? ''}`));
      page.on('request', (request) => {
        const url = new URL(request.url());
        if (url.origin !== server.origin) failures.push(`a request elsewhere: ${request.url()}`);
        else if (url.pathname.startsWith('/__mock')) controlCalls.push({ method: request.method(), path: url.pathname, header: request.headers()['x-scaling-mock-control'] });
      });

      // Opened directly, as a browser does: no key, no control header.
      const response = await page.goto(`${server.origin}/__mock/ui?token=${TOKEN}`);
      expect(response?.status()).toBe(200);
      expect(response?.headers()['content-type']).toBe('text/html; charset=utf-8');

      // Both orgs of the seed are listed; the incident is picked from the list.
      await page.waitForSelector(`a[data-incident-id="${incident.id}"]`);
      expect(await page.$$eval('[data-org] h2', (headings) => headings.map((heading) => heading.firstChild?.textContent))).toEqual(['Default organization', 'Other tenant']);
      await page.click(`a[data-incident-id="${incident.id}"]`);
      await page.waitForSelector('#timeline svg [data-kind="page"][data-position="1"]');
      expect(await page.textContent('#clock-now')).toBe('2026-04-07 10:00:00 UTC');
      // Who is on call now, on the schedules the policy pages.
      expect(await page.textContent('#schedules')).toContain('On call: Alice Primary');
      expect(await page.textContent('#schedules')).toContain('On call: Carol Secondary');

      // The page's own buttons: a minute, then the next due step twice (layer 1 times out at +5, layer 2 at +15).
      await page.click('button[data-advance="1"]');
      await page.waitForFunction(() => document.getElementById('clock-now')?.textContent === '2026-04-07 10:01:00 UTC');
      expect(await page.textContent('#next-step')).toBe('Next step (10:05)');
      await page.click('#next-step');
      await page.waitForSelector('#timeline svg [data-kind="page"][data-position="2"]');
      await page.click('#next-step');
      await page.waitForSelector('#timeline svg [data-kind="exhausted"]');
      expect(await page.textContent('#clock-now')).toBe('2026-04-07 10:15:00 UTC');
      expect(await page.isDisabled('#next-step')).toBe(true);

      // Two pages at +0 and +5, the escalation between them at +5, exhaustion at +15, on one time axis.
      const marks = await marksIn(page);
      const pages = marks.filter((mark) => mark.kind === 'page');
      expect(pages.map(({ position, at }) => ({ position, at }))).toEqual([
        { position: '1', at: at(0) },
        { position: '2', at: at(5) },
      ]);
      const [exhausted] = marks.filter((mark) => mark.kind === 'exhausted');
      expect(exhausted?.at).toBe(at(15));
      expect(marks.filter((mark) => mark.kind === 'escalated').map(({ position, at }) => ({ position, at }))).toEqual([{ position: '2', at: at(5) }]);
      const [first, second] = pages as [(typeof pages)[0], (typeof pages)[0]];
      expect(second.x - first.x).toBeGreaterThan(0);
      expect(second.x - first.x).toBeCloseTo((exhausted!.x - first.x) / 3, 0);
      expect(await page.textContent('#incident-header')).toContain('exhausted');

      // The SVG as served is well-formed XML, for the browser's parser and for the tests' own check.
      const served = await page.evaluate(async ([id, token]) => {
        const response = await fetch(`/__mock/timeline?incidentId=${id}&format=svg`, { headers: { 'x-scaling-mock-control': token } });
        const source = await response.text();
        const parsed = new DOMParser().parseFromString(source, 'image/svg+xml');
        return { source, type: response.headers.get('content-type'), parserErrors: parsed.getElementsByTagName('parsererror').length, root: parsed.documentElement.nodeName };
      }, [incident.id, TOKEN] as const);
      expect(served).toMatchObject({ type: 'image/svg+xml; charset=utf-8', parserErrors: 0, root: 'svg' });
      expect(parseXml(served.source).name).toBe('svg');
      // With Chromium's fonts: no text over another, none outside the drawing.
      expect(await overlapsIn(page, '#timeline svg')).toMatchObject({ found: [], outside: [] });

      // The screenshot: an artifact of this test, and the documented image on request.
      const screenshot = await page.screenshot({ fullPage: false });
      mkdirSync(ARTIFACTS, { recursive: true });
      writeFileSync(`${ARTIFACTS}/timeline-ui.png`, screenshot);
      if (process.env.UPDATE_SCREENSHOT === '1') {
        mkdirSync(here('../../docs/images'), { recursive: true });
        writeFileSync(README_IMAGE, screenshot);
      }
      await ctx.annotate('the timeline page after the guide’s escalation ran out', { contentType: 'image/png', body: screenshot });

      // Every control call the script made carried the header, with the page URL's token.
      const calls = controlCalls.filter((call) => !call.path.startsWith('/__mock/ui'));
      expect(calls.length).toBeGreaterThan(5);
      expect(calls.filter((call) => call.header !== TOKEN)).toEqual([]);
      expect(calls.map((call) => `${call.method} ${call.path}`)).toEqual(expect.arrayContaining(['GET /__mock/incidents', 'GET /__mock/timeline', 'POST /__mock/clock/advance']));
      // The page and its assets were loaded as any browser loads them: without it.
      expect(controlCalls.filter((call) => call.path.startsWith('/__mock/ui')).map(({ path, header }) => ({ path, header }))).toEqual([
        { path: '/__mock/ui', header: undefined },
        { path: '/__mock/ui/style.css', header: undefined },
        { path: '/__mock/ui/app.js', header: undefined },
      ]);

      // Reset: back to the seed, no incident, the clock at its start.
      await page.click('#reset');
      await page.waitForFunction(() => document.getElementById('clock-now')?.textContent === '2026-04-07 10:00:00 UTC');
      await page.waitForFunction(() => document.querySelectorAll('a[data-incident-id]').length === 0 && document.querySelector('#timeline svg') === null);

      // Opened without the token, the page still loads, and says what is missing.
      const tokenless = await browser.newPage();
      expect((await tokenless.goto(`${server.origin}/__mock/ui`))?.status()).toBe(200);
      await tokenless.waitForSelector('#status.error');
      expect(await tokenless.textContent('#status')).toMatch(/403 .*control token.*\/__mock\/ui\?token=/);
      await tokenless.close();

      // 50 layers, every one paged, drawn in the page with real fonts: no text over another.
      const layers = Array.from({ length: 50 }, (_, index) => ({
        id: `layer_${index + 1}`,
        position: index + 1,
        ackTimeoutMinutes: 1 + (index % 3),
        target: { type: 'users' as const, userIds: [`user_${index + 1}`] },
      }));
      const names = Object.fromEntries(layers.map((_, index) => [`user_${index + 1}`, `Responder ${index + 1} With A Rather Long Name`]));
      const fifty = toSVG(timelineOfSimulation(simulateEscalation({ layers }, { at: START }), { policy: { name: 'Fifty layers', layers }, names }));
      const sheet = await browser.newPage({ viewport: { width: 1200, height: 400 } });
      await sheet.setContent(`<!doctype html><body style="margin:0">${fifty}</body>`);
      const checked = await overlapsIn(sheet, 'svg');
      expect(checked.texts).toBeGreaterThan(150);
      expect(checked).toMatchObject({ found: [], outside: [] });
      // The check itself sees texts drawn over each other.
      await sheet.setContent('<svg xmlns="http://www.w3.org/2000/svg" width="300" height="60" font-size="11"><text x="10" y="20">Alice Primary</text><text x="40" y="24">Carol</text></svg>');
      expect((await overlapsIn(sheet, 'svg')).found).toEqual(['"Alice Primary" × "Carol"']);
    } finally {
      await browser?.close();
    }
    expect(failures).toEqual([]);
  }, 90_000);
});
