// Every error class the SDK throws, and what retries do. Against the embedded mock (the default) the
// server-side failures (429, 503, a 500 after the write, a dropped connection, a timeout) are staged
// with `mock.faults` and `mock.use(... scalingError(...))`, and `mock.requests()` shows how many
// attempts reached the API. Against the real API (SCALING_API_KEY set) only the failures you can
// cause harmlessly are shown.
import { http } from 'msw';
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
import { createScalingMock, scalingError } from '@scaling-cloud/sdk/mocks';

const real = Boolean(process.env.SCALING_API_KEY);
const mock = real ? undefined : createScalingMock();
// `mock.fetch` answers from the mock with nothing intercepted: no MSW server to start or stop.
const scaling = mock ? new Scaling({ apiKey: mock.apiKey, fetch: mock.fetch }) : new Scaling();

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

// Refused before anything is sent: the field is named.
await show('a position of 0', () =>
  scaling.policies.layers.create('pol_1', { position: 0, ackTimeoutMinutes: 5, target: { type: 'users', userIds: ['user_1'] } }),
);
await show('an unknown policy', () => scaling.policies.get('pol_does_not_exist'));
await show('a wrong API key', () => new Scaling({ apiKey: 'scl_live_wrong', fetch: mock?.fetch }).policies.list());
await show('an aborted call', () => scaling.policies.list({ signal: AbortSignal.abort() }));

if (mock) {
  const policy = await scaling.policies.create({ name: 'Taken' });
  await show('a name already taken', () => scaling.policies.create({ name: 'Taken' }));
  await show('a schedule of no one', () =>
    scaling.policies.layers.create(policy.id, { position: 1, ackTimeoutMinutes: 5, target: { type: 'schedule', scheduleId: 'sched_missing' } }),
  );

  // Fault rules: the API's own error answers, for the next `times` matching requests (default: all).
  mock.faults.add({ method: 'GET', path: '/escalation/policies', status: 429, retryAfter: 0, times: 1 });
  await show('one 429, then success (retried)', () => scaling.policies.list());
  mock.faults.add({ method: 'GET', path: '/escalation/policies', status: 429, retryAfter: 0 });
  await show('429 every time', () => scaling.policies.list({ maxRetries: 1 }));
  mock.faults.clear();

  // An MSW handler in front of the mock, answering with the API's exact error body.
  mock.use(http.post(`${mock.baseUrl}/escalation/policies`, () => scalingError(503, 'server_error')));
  await show('a creating POST on 503 (not retried: it may have worked)', () => scaling.policies.create({ name: 'Maybe' }));
  mock.resetHandlers();

  // The dangerous case: the incident is created, then the answer is lost. The SDK does not retry a
  // creating POST after a 5xx; check before trying again, or you page twice.
  mock.faults.add({ method: 'POST', path: '/incidents', afterWrite: true, times: 1 });
  const incident = { title: 'Checkout down', severity: 'critical' as const, ownerId: mock.userId };
  await show('a 500 after the write', () => scaling.incidents.create(incident));
  const open = (await scaling.incidents.list({ status: 'investigating' })).incidents.filter((found) => found.title === incident.title);
  if (open.length === 0) await scaling.incidents.create(incident);
  console.log(`checked before retrying: the incident exists ${open.length === 1 ? 'once' : `${open.length} times`}`);
  console.log(`POST /incidents the mock saw: ${mock.requests({ method: 'POST', path: '/incidents' }).length}`);

  mock.faults.add({ method: 'GET', network: 'reset' });
  await show('a dropped connection', () => scaling.policies.list({ maxRetries: 1 }));
  console.log(`attempts the mock saw: ${mock.requests({ method: 'GET', status: 0 }).length}`);
  mock.faults.clear();
  mock.faults.add({ method: 'GET', network: 'timeout' });
  await show('no answer within 100 ms', () => scaling.policies.list({ timeoutMs: 100, maxRetries: 0 }));
  mock.faults.clear();
} else {
  await show('no answer within 1 ms', () => scaling.policies.list({ timeoutMs: 1, maxRetries: 0 }));
}

// Matching on the class, the way paging code would.
const error = await scaling.policies.get('pol_does_not_exist').catch((caught: unknown) => caught);
if (error instanceof ScalingNotFoundError) console.log('\nNot found is a ScalingNotFoundError, a ScalingAPIError and a ScalingError.');
const classes = [ScalingAuthenticationError, ScalingConflictError, ScalingInvalidTargetError, ScalingRateLimitError, ScalingServerError, ScalingTimeoutError, ScalingAbortError];
console.log(`Other classes: ${classes.map((errorClass) => errorClass.name).join(', ')}.`);
