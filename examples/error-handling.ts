// Every error class the SDK throws, and what retries do. Against the embedded mock (the default)
// the server-side failures (429, 503, a dropped connection) are staged with `server.use`; against
// the real API (SCALING_API_KEY set) only the failures you can cause harmlessly are shown.
import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import {
  Scaling,
  ScalingAbortError,
  ScalingAPIError,
  ScalingAuthenticationError,
  ScalingConflictError,
  ScalingConnectionError,
  ScalingError,
  ScalingInvalidTargetError,
  ScalingNotFoundError,
  ScalingRateLimitError,
  ScalingServerError,
  ScalingTimeoutError,
  ScalingValidationError,
} from '@scaling-cloud/sdk';
import { createScalingMock } from '@scaling-cloud/sdk/mocks';

const real = Boolean(process.env.SCALING_API_KEY);
const mock = real ? undefined : createScalingMock();
const server = mock ? setupServer(...mock.handlers) : undefined;
server?.listen({ onUnhandledFrame: 'error' });
const scaling = mock ? new Scaling({ apiKey: mock.apiKey, baseUrl: mock.baseUrl }) : new Scaling();

/** Runs `call`, and says which error it threw and what that error carries. */
const show = async (what: string, call: () => Promise<unknown>) => {
  try {
    await call();
    console.log(`${what}: no error`);
  } catch (error) {
    if (!(error instanceof ScalingError)) throw error;
    const details =
      error instanceof ScalingValidationError
        ? `field ${error.field}`
        : error instanceof ScalingAPIError
          ? `${error.status} ${error.code ?? ''} after ${error.attempts} attempt(s), request ${error.requestId ?? '-'}`
          : error instanceof ScalingConnectionError
            ? `after ${error.attempts} attempt(s)`
            : '';
    console.log(`${what}: ${error.name}${details ? ` (${details})` : ''}`);
  }
};

try {
  // Refused before anything is sent: the field is named.
  await show('a position of 0', () =>
    scaling.policies.layers.create('pol_1', { position: 0, ackTimeoutMinutes: 5, target: { type: 'users', userIds: ['user_1'] } }),
  );
  await show('an unknown policy', () => scaling.policies.get('pol_does_not_exist'));
  await show('a wrong API key', () => new Scaling({ apiKey: 'scl_live_wrong', baseUrl: mock?.baseUrl }).policies.list());
  await show('an aborted call', () => scaling.policies.list({ signal: AbortSignal.abort() }));

  if (mock && server) {
    const policy = await scaling.policies.create({ name: 'Taken' });
    await show('a name already taken', () => scaling.policies.create({ name: 'Taken' }));
    await show('a schedule of no one', () =>
      scaling.policies.layers.create(policy.id, { position: 1, ackTimeoutMinutes: 5, target: { type: 'schedule', scheduleId: 'sched_missing' } }),
    );

    // One-off failures, staged for the next request only.
    const policies = `${mock.baseUrl}/escalation/policies`;
    server.use(http.get(policies, () => HttpResponse.json({ code: 'rate_limited' }, { status: 429, headers: { 'retry-after': '0' } }), { once: true }));
    await show('one 429, then success (retried)', () => scaling.policies.list());
    server.use(http.get(policies, () => HttpResponse.json({ code: 'rate_limited' }, { status: 429, headers: { 'retry-after': '0' } })));
    await show('429 every time', () => scaling.policies.list({ maxRetries: 1 }));
    server.resetHandlers(...mock.handlers);
    server.use(http.post(policies, () => HttpResponse.json({ code: 'server_error' }, { status: 503 })));
    await show('a creating POST on 503 (not retried: it may have worked)', () => scaling.policies.create({ name: 'Maybe' }));
    server.resetHandlers(...mock.handlers);
    server.use(http.get(policies, () => HttpResponse.error()));
    await show('a dropped connection', () => scaling.policies.list({ maxRetries: 1 }));
    server.resetHandlers(...mock.handlers);
    server.use(http.get(policies, () => new Promise<never>(() => {})));
    await show('no answer within 100 ms', () => scaling.policies.list({ timeoutMs: 100, maxRetries: 0 }));
    server.resetHandlers(...mock.handlers);
  } else {
    await show('no answer within 1 ms', () => scaling.policies.list({ timeoutMs: 1, maxRetries: 0 }));
  }

  // Matching on the class, the way paging code would.
  const error = await scaling.policies.get('pol_does_not_exist').catch((caught: unknown) => caught);
  if (error instanceof ScalingNotFoundError) console.log('\nNot found is a ScalingNotFoundError, a ScalingAPIError and a ScalingError.');
  const classes = [ScalingAuthenticationError, ScalingConflictError, ScalingInvalidTargetError, ScalingRateLimitError, ScalingServerError, ScalingTimeoutError, ScalingAbortError];
  console.log(`Other classes: ${classes.map((errorClass) => errorClass.name).join(', ')}.`);
} finally {
  server?.close();
}
