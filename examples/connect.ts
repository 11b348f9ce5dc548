// Every example runs against the embedded mock by default, and against the real API when
// SCALING_API_KEY is set (SCALING_BASE_URL optional). Nothing else differs between the two.
import { setupServer } from 'msw/node';
import { Scaling } from '@scaling-cloud/sdk';
import { createScalingMock, type ScalingMock } from '@scaling-cloud/sdk/mocks';

export type Connection = { scaling: Scaling; mock: ScalingMock | undefined; close(): void };

export const connect = (options: { now?: string } = {}): Connection => {
  if (process.env.SCALING_API_KEY) {
    return { scaling: new Scaling(), mock: undefined, close: () => {} };
  }
  const mock = createScalingMock(options);
  const server = setupServer(...mock.handlers);
  // msw 2 reads onUnhandledRequest, msw 3 onUnhandledFrame: with both, a request nothing answers fails on either.
  const onUnhandled = { onUnhandledRequest: 'error', onUnhandledFrame: 'error' } as const;
  server.listen(onUnhandled);
  return { scaling: new Scaling({ apiKey: mock.apiKey, baseUrl: mock.baseUrl }), mock, close: () => server.close() };
};
