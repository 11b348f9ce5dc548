/**
 * The mock in a real browser (issue 7): `setupWorker(...mock.handlers)` in Debian's Chromium, driven by
 * playwright-core, with a client on the browser's own `fetch`.
 *
 * The page (`page.ts`) is bundled by esbuild from the sources, not from `dist/`: `npm test` runs vitest
 * before `npm run build`, so `dist/` may be missing or stale, and this test must check the tree it runs in
 * (as `vitest.config.ts` does for every other test). The package names are mapped to the sources by a
 * small plugin, the same mapping as `vitest.config.ts`; the built client's browser bundle is checked by
 * `test/package/size.mjs`.
 *
 * Chromium is installed with `apt-get install -y chromium` when `/usr/bin/chromium` is missing (see
 * `chromium.ts`); the suite is skipped, saying why, only when that cannot be done. Set
 * `SCALING_REQUIRE_BROWSER=1` to make a skip a failure (CI on a machine that must have a browser).
 */
import { build, type Metafile, type Plugin } from 'esbuild';
import { existsSync, readFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser } from 'playwright-core';
import { beforeAll, describe, expect, test } from 'vitest';
import { CHROMIUM, CHROMIUM_ARGS, chromiumDescendants, ensureChromium, precheck, type Chromium } from './chromium.js';
import type { PageResult } from './page.js';

const here = (path: string) => fileURLToPath(new URL(path, import.meta.url));
const required = process.env.SCALING_REQUIRE_BROWSER === '1';

/** The package's names, resolved to the sources (as in `vitest.config.ts`). */
const packageNames: Plugin = {
  name: 'scaling-sdk-sources',
  setup(build) {
    const sources: Record<string, string> = {
      '@scaling-cloud/sdk': here('../../src/index.ts'),
      '@scaling-cloud/sdk/schemas': here('../../src/schemas/index.ts'),
      '@scaling-cloud/sdk/mocks': here('../../mocks/index.ts'),
    };
    build.onResolve({ filter: /^@scaling-cloud\/sdk(\/schemas|\/mocks)?$/ }, ({ path }) => ({ path: sources[path] }));
  },
};

/** Every `node:` module the graph imports, with the kind of import and who imports it. */
const nodeImports = (metafile: Metafile) =>
  Object.entries(metafile.inputs).flatMap(([file, input]) =>
    input.imports.filter(({ path }) => path.startsWith('node:')).map(({ path, kind }) => `${file} → ${path} (${kind})`),
  );

describe('the mocks entry, bundled for the browser', () => {
  // The standalone server, which needs `node:http`, has its own entry (`@scaling-cloud/sdk/mocks/server`):
  // nothing this entry imports reaches a `node:` module, so the browser bundle holds none at all: no
  // static import (the entry would not load in a browser), and no chunk for one either (esbuild for the
  // browser cannot resolve `node:http`: it would fail the whole build).
  test('builds with esbuild (platform browser, no externals) and its entry chunk imports no node: module', async () => {
    const result = await build({
      entryPoints: { mocks: here('../../mocks/index.ts') },
      bundle: true,
      splitting: true,
      format: 'esm',
      platform: 'browser',
      outdir: here('./.out'), // never written: write is false
      write: false,
      metafile: true,
      logLevel: 'silent',
    });
    expect(nodeImports(result.metafile)).toEqual([]);
    const [entryName, entry] = Object.entries(result.metafile.outputs).find(([, output]) => output.entryPoint !== undefined) ?? [];
    expect(entryName).toBeDefined();
    expect(entry?.imports.filter(({ path }) => path.startsWith('node:'))).toEqual([]);
    const text = result.outputFiles.find((file) => file.path.endsWith('/mocks.js'))?.text ?? '';
    expect(text).toContain('createScalingMock');
    expect(text).not.toMatch(/(?:\bfrom|\bimport)\s*["']node:/);
  });
});

const skipReason = precheck();
if (skipReason) {
  const message = `test/browser: the Chromium tests are skipped: ${skipReason}`;
  if (required) throw new Error(`${message} (SCALING_REQUIRE_BROWSER=1)`);
  console.warn(message);
}

const INSTALL_TIMEOUT_MS = 10 * 60_000;
const API = 'https://api.scaling.cloud/v1';

describe.skipIf(skipReason !== undefined)('setupWorker(...mock.handlers) in Chromium', () => {
  let browserReady: Chromium = { ok: false, reason: 'beforeAll did not run' };

  beforeAll(async () => {
    browserReady = await ensureChromium(INSTALL_TIMEOUT_MS);
    if (!browserReady.ok) {
      const message = `test/browser: Chromium cannot be installed, the browser test is skipped: ${browserReady.reason}`;
      if (required) throw new Error(`${message} (SCALING_REQUIRE_BROWSER=1)`);
      console.warn(message);
    } else if (browserReady.installed) {
      console.warn(`test/browser: installed Debian's chromium with apt-get in ${(browserReady.ms / 1000).toFixed(1)} s`);
    }
  }, INSTALL_TIMEOUT_MS + 60_000);

  test('the mock answers a client on the browser fetch through the service worker', async (ctx) => {
    if (!browserReady.ok) ctx.skip(`Chromium cannot be installed: ${browserReady.reason}`);

    const bundle = await build({
      entryPoints: [here('./page.ts')],
      bundle: true,
      format: 'esm',
      platform: 'browser',
      target: 'es2022',
      write: false,
      logLevel: 'silent',
      plugins: [packageNames],
    });
    const pageJs = bundle.outputFiles[0]?.contents;
    if (!pageJs) throw new Error('esbuild produced no bundle for test/browser/page.ts');
    const workerJs = readFileSync(here('../../node_modules/msw/lib/mockServiceWorker.js'));
    const html = '<!doctype html><meta charset="utf-8"><title>Scaling mock</title><pre id="result">running</pre><script type="module" src="/page.js"></script>';

    // Everything the page loads comes from here; an API request reaching this server was not intercepted.
    const seen: string[] = [];
    const server = createServer((request: IncomingMessage, response: ServerResponse) => {
      const path = new URL(request.url ?? '/', 'http://localhost').pathname;
      seen.push(`${request.method ?? 'GET'} ${path}`);
      const send = (status: number, type: string, body: string | Uint8Array) =>
        response.writeHead(status, { 'content-type': type, 'cache-control': 'no-store' }).end(body);
      if (path === '/') return send(200, 'text/html; charset=utf-8', html);
      if (path === '/page.js') return send(200, 'text/javascript; charset=utf-8', pageJs);
      if (path === '/mockServiceWorker.js') return send(200, 'text/javascript; charset=utf-8', workerJs);
      return send(404, 'text/plain', 'not found');
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

    const apiResponses: Array<{ url: string; status: number; fromServiceWorker: boolean }> = [];
    const failures: string[] = [];
    let browser: Browser | undefined;
    let result: PageResult | undefined;
    let chromiumWhileOpen: ReturnType<typeof chromiumDescendants>;
    try {
      // playwright-core gives the browser a new empty profile (its own --user-data-dir) and deletes it on close.
      browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS, timeout: 30_000 });
      const page = await browser.newPage();
      page.on('response', (response) => {
        if (response.url().startsWith(API)) apiResponses.push({ url: response.url(), status: response.status(), fromServiceWorker: response.fromServiceWorker() });
      });
      page.on('requestfailed', (request) => failures.push(`request failed: ${request.url()} ${request.failure()?.errorText ?? ''}`));
      page.on('pageerror', (error) => failures.push(`page error: ${error.message}`));
      // Chromium logs every 4xx as a console error: the missing policy's 404 (and the favicon's) are expected.
      const expected404 = [`${API}/escalation/policies/pol_does_not_exist`, `${origin}/favicon.ico`];
      page.on('console', (message) => {
        if (message.type() !== 'error') return;
        if (message.text().includes('404') && expected404.includes(message.location().url)) return;
        failures.push(`console: ${message.text()} (${message.location().url})`);
      });
      await page.goto(`${origin}/`);
      await page.waitForFunction(() => window.scalingResult !== undefined, undefined, { timeout: 15_000 });
      result = await page.evaluate(() => window.scalingResult);
      chromiumWhileOpen = chromiumDescendants();
    } finally {
      await browser?.close();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    }

    if (!result?.ok) throw new Error(`the page failed: ${result?.error ?? 'no result'}\n${failures.join('\n')}`);
    expect(failures).toEqual([]);

    // The page is controlled by MSW's worker, from this origin's root.
    expect(result.controller).toEqual({ scriptURL: `${origin}/mockServiceWorker.js`, state: 'activated' });
    expect(result.baseUrl).toBe(API);

    // Layers created A (10 min), B (5 min), then reordered to B, A.
    const [a, b] = result.layersCreated;
    const { first, second } = result.users;
    expect(result.layersAfterReorder).toEqual([
      { id: b, position: 1, ackTimeoutMinutes: 5 },
      { id: a, position: 2, ackTimeoutMinutes: 10 },
    ]);
    // B pages the second user when the incident opens; 5 minutes later A pages the first.
    const paged = (userId: string, layerId: string | undefined, position: number, at: string) => ({
      incidentId: result.incidentId,
      userId,
      layerId,
      position,
      at,
      reason: 'escalation',
      orgId: expect.any(String),
    });
    expect(result.pagesAtStart).toEqual([paged(second, b, 1, '2026-04-07T10:00:00.000Z')]);
    expect(result.pagesAfterFiveMinutes).toEqual([paged(second, b, 1, '2026-04-07T10:00:00.000Z'), paged(first, a, 2, '2026-04-07T10:05:00.000Z')]);
    // A missing policy: the worker's 404 becomes the SDK's error class, in the browser too.
    expect(result.notFound).toEqual({ name: 'ScalingNotFoundError', isNotFound: true, status: 404, code: expect.any(String) });

    // Every API call was answered by the worker: MSW reports it mocked, Chromium reports it came from the
    // service worker, and none reached this server (nor the network, which cannot reach the real API).
    const calls = [
      'POST /v1/escalation/policies',
      expect.stringMatching(/^POST \/v1\/escalation\/policies\/[^/]+\/layers$/),
      expect.stringMatching(/^POST \/v1\/escalation\/policies\/[^/]+\/layers$/),
      expect.stringMatching(/^PUT \/v1\/escalation\/policies\/[^/]+\/layers\/order$/),
      expect.stringMatching(/^GET \/v1\/escalation\/policies\/[^/]+\/layers$/),
      'POST /v1/incidents',
      'GET /v1/escalation/policies/pol_does_not_exist',
    ];
    expect(result.mocked).toEqual(calls);
    expect(apiResponses).toHaveLength(calls.length);
    expect(apiResponses.every((response) => response.fromServiceWorker)).toBe(true);
    expect(apiResponses.map((response) => response.status)).toEqual([201, 201, 201, 200, 200, 201, 404]);
    expect(seen.filter((line) => !/^GET \/(|page\.js|mockServiceWorker\.js|favicon\.ico)$/.test(line))).toEqual([]);
    expect(seen).toEqual(expect.arrayContaining(['GET /', 'GET /page.js', 'GET /mockServiceWorker.js']));

    // Nothing left behind: no Chromium process of ours, and its profile (the --user-data-dir it ran with) is gone.
    if (chromiumWhileOpen !== undefined) {
      expect(chromiumWhileOpen.length).toBeGreaterThan(0); // the check does see our Chromium while it runs
      const profiles = new Set(chromiumWhileOpen.flatMap(({ args }) => args.filter((arg) => arg.startsWith('--user-data-dir=')).map((arg) => arg.slice('--user-data-dir='.length))));
      expect(profiles.size).toBe(1);
      await expect.poll(() => chromiumDescendants(), { timeout: 5_000 }).toEqual([]);
      expect([...profiles].filter((dir) => existsSync(dir))).toEqual([]);
    }
  }, 60_000);
});
