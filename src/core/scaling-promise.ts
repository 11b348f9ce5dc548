/**
 * What `.withResponse()` resolves to: the call's result with the HTTP response it came from.
 *
 * @typeParam T - What awaiting the call itself resolves to.
 */
export interface WithResponse<T> {
  /** The call's result: exactly what awaiting the call resolves to. */
  data: T;
  /**
   * The final HTTP response, after any retries: read its `status` and `headers`. Its body has already
   * been read (into `data`), so `response.json()` and `response.text()` throw; `data` is that body.
   */
  response: Response;
  /** The response's `x-request-id` header, for support and logs; `null` if the server sent none. */
  requestId: string | null;
}

/**
 * The promise every client method returns (except the `listAll` iterators): awaiting it gives the
 * result as before, and `.withResponse()` gives the result together with the HTTP response and its
 * request id.
 *
 * ```ts
 * const { data: incident, requestId } = await scaling.incidents.get(id).withResponse();
 * ```
 *
 * A failed call rejects from both with the same `ScalingError`, whose `requestId` (for an API error)
 * names the failed request. `.then()`, `.catch()` and `.finally()` return plain promises.
 *
 * @typeParam T - What the call resolves to.
 */
export interface ScalingPromise<T> extends Promise<T> {
  /**
   * Resolves to `{ data, response, requestId }` once the call succeeds: `data` is what awaiting the
   * call gives, `response` the final HTTP response (body already read), `requestId` its
   * `x-request-id`. Rejects as the call does. It can be called any number of times, before or after
   * the call settles; the request is sent once.
   */
  withResponse(): Promise<WithResponse<T>>;
}

/** Where a call puts its final response, for `.withResponse()` to read once the call has resolved. */
export type ResponseSlot = { response: Response | undefined };

const SLOT = Symbol('scaling.responseSlot');

type Decorated<T> = ScalingPromise<T> & { [SLOT]: ResponseSlot };

// One function shared by every call's promise: awaiting a call costs one object and two property
// stores, and nothing is read or built until `.withResponse()` is called.
function withResponse<T>(this: Decorated<T>): Promise<WithResponse<T>> {
  const slot = this[SLOT];
  return this.then((data) => {
    const response = slot.response!;
    return { data, response, requestId: response.headers.get('x-request-id') };
  });
}

/**
 * `promise` itself (a native promise, so `await` takes its fast path), given `.withResponse()`, which
 * reads `slot` once `promise` resolves: whatever settles `promise` must have filled `slot` first.
 */
export const scalingPromise = <T>(promise: Promise<T>, slot: ResponseSlot): ScalingPromise<T> => {
  const decorated = promise as Decorated<T>;
  decorated[SLOT] = slot;
  decorated.withResponse = withResponse;
  return decorated;
};
