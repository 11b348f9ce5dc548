/**
 * `.withResponse()` on every call's promise: the result awaiting gives, the final HTTP response and its
 * `x-request-id`; a failed call rejects from it with the same `ScalingError`. Through the real client
 * against the mock's `fetch`.
 */
import { describe, expect, test } from 'vitest';
import { createScalingMock, type ScalingMock } from '../mocks/index.js';
import { Scaling, ScalingNotFoundError, ScalingValidationError, type ClientOptions } from '../src/index.js';
import { scheduleTarget, usersTarget } from './helpers.js';

const fresh = () => createScalingMock({ now: '2026-04-07T10:00:00.000Z' });
const client = (mock: ScalingMock, options: ClientOptions = {}) => new Scaling({ apiKey: mock.apiKey, fetch: mock.fetch, maxRetries: 0, ...options });

/** Every method of the client by dotted name, with the object it is called on (as the method reference test walks it). */
const clientMethods = (value: object, prefix = ''): Array<{ name: string; call: (...args: unknown[]) => unknown }> => {
  const out: Array<{ name: string; call: (...args: unknown[]) => unknown }> = [];
  for (const [key, member] of Object.entries(value)) {
    if (typeof member !== 'object' || member === null) continue;
    for (const name of Object.getOwnPropertyNames(Object.getPrototypeOf(member) as object)) {
      const method = (member as Record<string, unknown>)[name];
      if (name !== 'constructor' && typeof method === 'function') {
        out.push({ name: `${prefix}${key}.${name}`, call: (...args) => (method as (...args: unknown[]) => unknown).apply(member, args) });
      }
    }
    out.push(...clientMethods(member, `${prefix}${key}.`));
  }
  return out;
};

describe('.withResponse()', () => {
  test('gives what awaiting gives, the response with its status and headers, and its x-request-id', async () => {
    const mock = fresh();
    const scaling = client(mock);
    const { data, response, requestId } = await scaling.policies.create({ name: 'Checkout' }).withResponse();
    expect(data).toMatchObject({ name: 'Checkout', id: expect.any(String) });
    expect(response).toBeInstanceOf(Response);
    expect(response.status).toBe(201);
    expect(response.headers.get('content-type')).toMatch(/^application\/json/);
    expect(requestId).toEqual(expect.any(String));
    expect(requestId).toBe(response.headers.get('x-request-id'));
    // The body was read into `data`: the response cannot be read again.
    expect(response.bodyUsed).toBe(true);

    // The same call awaited gives the same data; each request has its own id.
    const again = await scaling.policies.get(data.id).withResponse();
    expect(again.data).toEqual(await scaling.policies.get(data.id));
    expect(again.requestId).not.toBe(requestId);
  });

  test('the request is sent once, however the promise is awaited and .withResponse() called', async () => {
    const mock = fresh();
    const pending = client(mock).policies.list();
    const [awaited, first, second] = await Promise.all([pending, pending.withResponse(), pending.withResponse()]);
    expect(first.data).toBe(awaited);
    expect(second.data).toBe(awaited);
    expect(second.response).toBe(first.response);
    expect(mock.requests()).toHaveLength(1);
    // Called after the call settled, too.
    expect((await pending.withResponse()).requestId).toBe(first.requestId);
  });

  test('a failing call rejects from .withResponse() with the same error, which keeps its request id', async () => {
    const mock = fresh();
    const pending = client(mock).policies.get('pol_missing');
    const [awaited, withResponse] = await Promise.allSettled([pending, pending.withResponse()]);
    expect(awaited.status).toBe('rejected');
    expect(withResponse.status).toBe('rejected');
    const error = (withResponse as PromiseRejectedResult).reason as ScalingNotFoundError;
    expect(error).toBe((awaited as PromiseRejectedResult).reason);
    expect(error).toBeInstanceOf(ScalingNotFoundError);
    expect(error.requestId).toEqual(expect.any(String));
    expect(error.requestId).toBe(error.headers.get('x-request-id'));

    // Refused before sending: the same validation error, and nothing was sent.
    const refused = client(mock).policies.layers.create('pol_1', { position: 0, ackTimeoutMinutes: 5, target: scheduleTarget('s') });
    await expect(refused.withResponse()).rejects.toBeInstanceOf(ScalingValidationError);
    await expect(refused).rejects.toMatchObject({ field: 'position' });
    expect(mock.requests()).toHaveLength(1);
  });

  test('a paginated list: the page and its response', async () => {
    const mock = fresh();
    const scaling = client(mock);
    for (const title of ['One', 'Two', 'Three']) await scaling.incidents.create({ title, severity: 'low', ownerId: mock.userId });
    const { data: page, response } = await scaling.incidents.list({ limit: 2 }).withResponse();
    expect(page.incidents.map((incident) => incident.title)).toEqual(['Three', 'Two']);
    expect(page.nextCursor).toEqual(expect.any(String));
    expect(response.status).toBe(200);
    const next = await scaling.incidents.list({ limit: 2, cursor: page.nextCursor! }).withResponse();
    expect(next.data).toEqual({ incidents: [expect.objectContaining({ title: 'One' })], nextCursor: null });
  });

  test('after retries, the response is the final one', async () => {
    const mock = fresh();
    mock.faults.add({ method: 'GET', path: '/escalation/policies', status: 500, times: 1 });
    const { data, response, requestId } = await client(mock, { maxRetries: 1, retry: { baseDelayMs: 0 } }).policies.list().withResponse();
    expect(data).toEqual([]);
    expect(response.status).toBe(200);
    expect(requestId).toEqual(expect.any(String));
    expect(mock.requests().map((request) => request.status)).toEqual([500, 200]);
  });

  test('a delete: data undefined, as awaiting gives, with the response', async () => {
    const mock = fresh();
    const scaling = client(mock);
    const policy = await scaling.policies.create({ name: 'Gone soon' });
    const deleted = await scaling.policies.delete(policy.id).withResponse();
    expect(deleted.data).toBeUndefined();
    expect(deleted.response.ok).toBe(true);
    expect(deleted.requestId).toEqual(expect.any(String));
    await expect(scaling.policies.get(policy.id)).rejects.toBeInstanceOf(ScalingNotFoundError);
  });

  test('a DELETE whose answer was lost and whose retry finds nothing resolves; its response is that final 404', async () => {
    const mock = fresh();
    const scaling = client(mock, { maxRetries: 1, retry: { baseDelayMs: 0 } });
    const policy = await scaling.policies.create({ name: 'Lost answer' });
    mock.faults.add({ method: 'DELETE', path: '/escalation/policies/{policyId}', afterWrite: true, times: 1 });
    const { data, response, requestId } = await scaling.policies.delete(policy.id).withResponse();
    expect(data).toBeUndefined();
    expect(response.status).toBe(404);
    expect(requestId).toEqual(expect.any(String));
    expect(mock.requests({ method: 'DELETE' }).map((request) => request.status)).toEqual([500, 404]);
  });

  test('layers.sync: the response of the last call it made (the read, for a dry run)', async () => {
    const mock = fresh();
    const scaling = client(mock);
    const policy = await scaling.policies.create({ name: 'Synced' });
    const desired = [
      { ackTimeoutMinutes: 5, target: usersTarget(mock.userId) },
      { ackTimeoutMinutes: 10, target: usersTarget(mock.userId) },
    ];
    const preview = await scaling.policies.layers.sync(policy.id, desired, { dryRun: true }).withResponse();
    expect(preview.data.plan.map((step) => step.action)).toEqual(['create', 'create']);
    expect(preview.response.status).toBe(200);

    const synced = await scaling.policies.layers.sync(policy.id, desired).withResponse();
    expect(synced.data.layers.map((layer) => layer.ackTimeoutMinutes)).toEqual([5, 10]);
    expect(synced.response.status).toBe(201);
    expect(mock.requests().at(-1)).toMatchObject({ method: 'POST', path: '/escalation/policies/{policyId}/layers', status: 201 });
  });

  test('every method of the client returns a promise with .withResponse(); the listAll iterators are iterators', async () => {
    const mock = fresh();
    const methods = clientMethods(client(mock));
    expect(methods.length).toBeGreaterThan(50);
    const iterators: string[] = [];
    for (const { name, call } of methods) {
      // Arguments that fail one way or another (validation, 404): the promise is what is checked.
      const returned = call('x', {}, {}) as Promise<unknown> & { withResponse?: () => Promise<unknown> };
      if (Symbol.asyncIterator in (returned as object)) {
        iterators.push(name);
        expect(returned.withResponse, name).toBeUndefined();
        continue;
      }
      expect(returned, name).toBeInstanceOf(Promise);
      expect(typeof returned.withResponse, name).toBe('function');
      const [awaited, withResponse] = await Promise.allSettled([returned, returned.withResponse!()]);
      expect(withResponse.status, name).toBe(awaited.status);
      if (awaited.status === 'rejected') expect((withResponse as PromiseRejectedResult).reason, name).toBe(awaited.reason);
    }
    expect(iterators.sort()).toEqual(['components.listAll', 'incidents.listAll']);
  });
});
