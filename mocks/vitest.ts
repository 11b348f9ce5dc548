/**
 * `@scaling-cloud/sdk/mocks/vitest`: matchers for tests that run against the mock.
 *
 * ```ts
 * import '@scaling-cloud/sdk/mocks/vitest'; // in a test file or a `setupFiles` entry
 * expect(mock).toHavePaged(secondary.id, { incidentId: incident.id, position: 2, at: '2026-04-07T10:05:00Z' });
 * expect(mock).toHaveExhausted(incident.id);
 * ```
 *
 * A failure prints the incident's timeline (every page: time, position, user, reason), so the test
 * output says who was paged instead.
 *
 * The entry exports nothing: importing it registers the matchers and their types (on vitest's
 * `Assertion`). The helpers below are its own.
 */
import { expect, type MatcherState, type SyncMatcherResult } from 'vitest';
import type { Escalation } from '../src/schemas/incidents.js';
import type { MockPage, ScalingMock } from './types.js';

/** What `toHavePaged` narrows to. `at` is matched to the millisecond. */
type PagedOptions = {
  incidentId?: string;
  /** The page's instant: a `Date`, an ISO 8601 string or epoch milliseconds. */
  at?: Date | string | number;
  position?: number;
};

interface ScalingMatchers<R = unknown> {
  /** The mock paged `userId` (for `incidentId`, by the layer at `position`, at `at`: each only if given). */
  toHavePaged(userId: string, options?: PagedOptions): R;
  /** The incident's escalation is `exhausted`: every layer timed out and nobody more will be paged. */
  toHaveExhausted(incidentId: string): R;
}

declare module 'vitest' {
  // Type parameters as vitest declares them (declarations must match to merge).
  interface Assertion<R extends void | Promise<void> = void, T = unknown> extends ScalingMatchers<R> {}
  interface AsymmetricMatchersContaining extends ScalingMatchers {}
}

type MockLike = Pick<ScalingMock, 'pages' | 'escalationOf'>;

const asMock = (received: unknown, matcher: string): MockLike => {
  const candidate = received as Partial<MockLike> | null;
  if (typeof candidate?.pages !== 'function' || typeof candidate.escalationOf !== 'function') {
    throw new TypeError(`${matcher}: expect(…) takes the mock from createScalingMock(), received ${received === null ? 'null' : typeof received}`);
  }
  return candidate as MockLike;
};

const instantOf = (at: Date | string | number): number => {
  const ms = at instanceof Date ? at.getTime() : typeof at === 'number' ? at : Date.parse(at);
  if (!Number.isFinite(ms)) throw new TypeError(`toHavePaged: \`at\` must be a valid Date, ISO 8601 string or epoch milliseconds, received ${String(at)}`);
  return ms;
};

/** One page a line: time, (incident,) position, user, reason. */
const pageLine = (page: MockPage, withIncident: boolean) =>
  [page.at, ...(withIncident ? [page.incidentId] : []), `position ${page.position ?? '-'}`, page.userId, page.reason].join('  ');

/** The pages of one incident, or of every incident, as the failure message shows them. */
const formatTimeline = (mock: Pick<ScalingMock, 'pages'>, incidentId?: string): string => {
  const pages = mock.pages(incidentId === undefined ? {} : { incidentId });
  const title = incidentId === undefined ? 'Pages of all incidents' : `Pages of incident ${incidentId}`;
  if (pages.length === 0) return `${title}: none`;
  return [`${title} (${pages.length}):`, ...pages.map((page) => `  ${pageLine(page, incidentId === undefined)}`)].join('\n');
};

/** The escalation as one line: state, then what explains it. */
const formatEscalation = (incidentId: string, escalation: Escalation | null): string => {
  if (escalation === null) return `Escalation of incident ${incidentId}: none (no escalation policy)`;
  const parts = [
    `state ${escalation.state}`,
    `position ${escalation.position ?? '-'}`,
    ...(escalation.layerId === null ? [] : [`layer ${escalation.layerId}`]),
    ...(escalation.nextEscalationAt === null ? [] : [`next escalation at ${escalation.nextEscalationAt}`]),
    ...(escalation.acknowledgedBy === null ? [] : [`acknowledged by ${escalation.acknowledgedBy} at ${escalation.acknowledgedAt ?? '?'}`]),
  ];
  return `Escalation of incident ${incidentId}: ${parts.join(', ')}`;
};

function toHavePaged(this: MatcherState, received: unknown, userId: string, options: PagedOptions = {}): SyncMatcherResult {
  const mock = asMock(received, 'toHavePaged');
  if (typeof userId !== 'string' || userId === '') throw new TypeError('toHavePaged: userId must be a non-empty string');
  const { incidentId, position } = options;
  const at = options.at === undefined ? undefined : instantOf(options.at);
  const matching = mock
    .pages({ userId, ...(incidentId === undefined ? {} : { incidentId }), ...(position === undefined ? {} : { position }) })
    .filter((page) => at === undefined || Date.parse(page.at) === at);
  const wanted = [
    userId,
    ...(incidentId === undefined ? [] : [`for incident ${incidentId}`]),
    ...(position === undefined ? [] : [`at position ${position}`]),
    ...(at === undefined ? [] : [`at ${new Date(at).toISOString()}`]),
  ].join(' ');
  const timeline = formatTimeline(mock, incidentId);
  return {
    pass: matching.length > 0,
    message: () =>
      this.isNot
        ? `expected the mock not to have paged ${wanted}, but it did ${matching.length === 1 ? 'once' : `${matching.length} times`}, first at ${matching[0]?.at ?? '?'}.\n${timeline}`
        : `expected the mock to have paged ${wanted}, but it did not.\n${timeline}`,
  };
}

function toHaveExhausted(this: MatcherState, received: unknown, incidentId: string): SyncMatcherResult {
  const mock = asMock(received, 'toHaveExhausted');
  if (typeof incidentId !== 'string' || incidentId === '') throw new TypeError('toHaveExhausted: incidentId must be a non-empty string');
  const escalation = mock.escalationOf(incidentId); // throws for an incident the mock does not know
  const details = `${formatEscalation(incidentId, escalation)}\n${formatTimeline(mock, incidentId)}`;
  const why =
    escalation === null ? 'it has no escalation policy'
    : escalation.state === 'active' ? `it is still active at position ${escalation.position ?? '-'}${escalation.nextEscalationAt === null ? '' : `, next escalation at ${escalation.nextEscalationAt}`}`
    : `its escalation is ${escalation.state}`;
  return {
    pass: escalation?.state === 'exhausted',
    message: () =>
      this.isNot
        ? `expected incident ${incidentId} not to have exhausted its escalation, but it has: every layer timed out and nobody more will be paged.\n${details}`
        : `expected incident ${incidentId} to have exhausted its escalation, but ${why}.\n${details}`,
  };
}

expect.extend({ toHavePaged, toHaveExhausted });

// Nothing to import by name. This keeps the file a module, so that `declare module 'vitest'` above adds
// to vitest's types instead of replacing them (tsup.config.ts does the same for the built .d.ts).
export {};
