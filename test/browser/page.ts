/**
 * The page of `worker.test.ts`, bundled by esbuild for the browser. It imports the SDK and the mock by
 * their package names, as an app would, starts MSW's service worker with `mock.handlers` and drives a
 * client that uses the browser's own `fetch`: every API call leaves the page as a real request, and
 * only the service worker can answer it (the machine has no route to api.scaling.cloud).
 */
import { Scaling, ScalingNotFoundError, type Layer } from '@scaling-cloud/sdk';
import { createScalingMock, type MockPage } from '@scaling-cloud/sdk/mocks';
import { setupWorker } from 'msw/browser';

export type PageResult =
  | {
      ok: true;
      baseUrl: string;
      /** `navigator.serviceWorker.controller` after `worker.start()`: the page is controlled by the worker. */
      controller: { scriptURL: string; state: string } | null;
      /** `METHOD path` of every response MSW reports as mocked (its `response:mocked` event). */
      mocked: string[];
      users: { first: string; second: string };
      /** Layer ids as created (position order), and the order `layers.list` reports after the reorder. */
      layersCreated: string[];
      layersAfterReorder: Array<Pick<Layer, 'id' | 'position' | 'ackTimeoutMinutes'>>;
      incidentId: string;
      pagesAtStart: MockPage[];
      pagesAfterFiveMinutes: MockPage[];
      notFound: { name: string; isNotFound: boolean; status: number | undefined; code: string | undefined };
    }
  | { ok: false; error: string };

declare global {
  interface Window {
    scalingResult?: PageResult;
  }
}

const run = async (): Promise<PageResult> => {
  const mock = createScalingMock({ now: '2026-04-07T10:00:00Z' });
  const worker = setupWorker(...mock.handlers);
  const mocked: string[] = [];
  let started = 0;
  worker.events.on('request:start', () => void started++);
  worker.events.on('response:mocked', ({ request }) => {
    mocked.push(`${request.method} ${new URL(request.url).pathname}`);
  });
  await worker.start({ serviceWorker: { url: '/mockServiceWorker.js' }, quiet: true, onUnhandledFrame: 'error' });
  const controller = navigator.serviceWorker.controller;

  // The browser's own fetch, passed as is (not bound): a real request from the page, through the worker.
  const scaling = new Scaling({ apiKey: mock.apiKey, baseUrl: mock.baseUrl, fetch: window.fetch, maxRetries: 0 });
  const first = mock.createUser({ firstName: 'Fay', lastName: 'First' });
  const second = mock.createUser({ firstName: 'Sam', lastName: 'Second' });

  const policy = await scaling.policies.create({ name: 'Browser escalation' });
  // Created A (10 min) then B (5 min); reordered to B, A: B pages at +0, A at +5 minutes.
  const a = await scaling.policies.layers.create(policy.id, { position: 1, ackTimeoutMinutes: 10, target: { type: 'users', userIds: [first.id] } });
  const b = await scaling.policies.layers.create(policy.id, { position: 2, ackTimeoutMinutes: 5, target: { type: 'users', userIds: [second.id] } });
  await scaling.policies.layers.reorder(policy.id, { layerIds: [b.id, a.id] });
  const layers = await scaling.policies.layers.list(policy.id);

  const incident = await scaling.incidents.create({ title: 'Checkout is down', severity: 'critical', escalationPolicyId: policy.id });
  const pagesAtStart = mock.pages({ incidentId: incident.id });
  await mock.clock.advance(5 * 60_000);
  const pagesAfterFiveMinutes = mock.pages({ incidentId: incident.id });

  let notFound: Extract<PageResult, { ok: true }>['notFound'] = { name: 'no error', isNotFound: false, status: undefined, code: undefined };
  try {
    await scaling.policies.get('pol_does_not_exist');
  } catch (error) {
    notFound = {
      name: error instanceof Error ? error.name : String(error),
      isNotFound: error instanceof ScalingNotFoundError,
      status: error instanceof ScalingNotFoundError ? error.status : undefined,
      code: error instanceof ScalingNotFoundError ? error.code : undefined,
    };
  }
  // MSW emits `response:mocked` after the page already has the response: under load the last one can
  // come after the call returned. Wait (up to 5 s) until every request started has been reported.
  for (const deadline = Date.now() + 5_000; mocked.length < started && Date.now() < deadline; ) await new Promise((resolve) => setTimeout(resolve, 10));
  worker.stop();

  return {
    ok: true,
    baseUrl: mock.baseUrl,
    controller: controller && { scriptURL: controller.scriptURL, state: controller.state },
    mocked,
    users: { first: first.id, second: second.id },
    layersCreated: [a.id, b.id],
    layersAfterReorder: layers.map(({ id, position, ackTimeoutMinutes }) => ({ id, position, ackTimeoutMinutes })),
    incidentId: incident.id,
    pagesAtStart,
    pagesAfterFiveMinutes,
    notFound,
  };
};

const report = (result: PageResult) => {
  window.scalingResult = result;
  const out = document.getElementById('result');
  if (out) out.textContent = JSON.stringify(result, null, 2);
};

run().then(report, (error: unknown) =>
  report({ ok: false, error: error instanceof Error ? `${error.name}: ${error.message}\n${error.stack ?? ''}` : String(error) }),
);
