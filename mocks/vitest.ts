/**
 * `@scaling-cloud/sdk/mocks/vitest`: matchers for tests that run against the mock.
 *
 * ```ts
 * import '@scaling-cloud/sdk/mocks/vitest'; // in a test file or a `setupFiles` entry
 * expect(mock).toHavePaged(secondary.id, { incidentId: incident.id, position: 2, at: '2026-04-07T10:05:00Z' });
 * expect(mock).toHaveExhausted(incident.id);
 * ```
 *
 * A failure prints the pages (time, position, user, reason) and, for one incident, its whole
 * timeline as `mock.timeline(id).toText()` writes it, so the test output says who was paged instead.
 * With `SCALING_TIMELINE_SVG=1` in the environment, a failure also attaches the timeline's SVG to the
 * test (a vitest annotation, which reporters such as the HTML one show).
 *
 * The entry exports nothing: importing it registers the matchers and their types (on vitest's
 * `Assertion`, for vitest 3.2 to 5). The helpers below are its own.
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
  // No type parameters, on purpose. Declarations that merge must repeat the type parameters exactly
  // (TS2428), and vitest changed them: `Assertion<T = any>` up to 4, `Assertion<R extends void |
  // Promise<void> = void, T = unknown>` from 5. A declaration with none merges with either, since every
  // parameter has a default. The matchers are synchronous, so they return `void` (after `.resolves`
  // too, where vitest returns a promise: `await` it as usual).
  interface Assertion extends ScalingMatchers<void> {}
  interface AsymmetricMatchersContaining extends ScalingMatchers {}
}

type MockLike = Pick<ScalingMock, 'pages' | 'escalationOf'> & Partial<Pick<ScalingMock, 'timeline'>>;

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

/** The incident's timeline as text, after a blank line; nothing for an incident the mock does not know. */
const timelineText = (mock: MockLike, incidentId: string | undefined): string => {
  if (incidentId === undefined || typeof mock.timeline !== 'function') return '';
  try {
    return `\n\nTimeline:\n${mock.timeline(incidentId).toText()}`;
  } catch {
    return '';
  }
};

/** `process.env` where there is one (the matchers may run in a browser). */
const attachingSvg = () => (globalThis as { process?: { env?: Record<string, string | undefined> } }).process?.env?.SCALING_TIMELINE_SVG === '1';

/**
 * On a failure, with `SCALING_TIMELINE_SVG=1`: the incident's timeline as an SVG annotation of the
 * running test. Best effort: outside a test (or an incident the mock does not know) nothing is attached.
 */
const attachSvg = (state: MatcherState, mock: MockLike, incidentId: string | undefined, failed: boolean) => {
  if (!failed || incidentId === undefined || !attachingSvg() || typeof mock.timeline !== 'function') return;
  const annotate = (state.task as { context?: { annotate?: (message: string, type: string, attachment: object) => Promise<unknown> } } | undefined)?.context?.annotate;
  if (typeof annotate !== 'function') return;
  try {
    const svg = mock.timeline(incidentId).toSVG();
    void annotate(`timeline of incident ${incidentId}`, 'scaling:timeline', { contentType: 'image/svg+xml', body: new TextEncoder().encode(svg) });
  } catch {
    // An unknown incident, or the test is over: the message has said what there is to say.
  }
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
  // Written only for a message that is shown: a passing assertion reads no timeline.
  const timeline = () => `${formatTimeline(mock, incidentId)}${timelineText(mock, incidentId)}`;
  attachSvg(this, mock, incidentId, matching.length > 0 === this.isNot);
  return {
    pass: matching.length > 0,
    message: () =>
      this.isNot
        ? `expected the mock not to have paged ${wanted}, but it did ${matching.length === 1 ? 'once' : `${matching.length} times`}, first at ${matching[0]?.at ?? '?'}.\n${timeline()}`
        : `expected the mock to have paged ${wanted}, but it did not.\n${timeline()}`,
  };
}

function toHaveExhausted(this: MatcherState, received: unknown, incidentId: string): SyncMatcherResult {
  const mock = asMock(received, 'toHaveExhausted');
  if (typeof incidentId !== 'string' || incidentId === '') throw new TypeError('toHaveExhausted: incidentId must be a non-empty string');
  const escalation = mock.escalationOf(incidentId); // throws for an incident the mock does not know
  const details = () => `${formatEscalation(incidentId, escalation)}\n${formatTimeline(mock, incidentId)}${timelineText(mock, incidentId)}`;
  attachSvg(this, mock, incidentId, (escalation?.state === 'exhausted') === this.isNot);
  const why =
    escalation === null ? 'it has no escalation policy'
    : escalation.state === 'active' ? `it is still active at position ${escalation.position ?? '-'}${escalation.nextEscalationAt === null ? '' : `, next escalation at ${escalation.nextEscalationAt}`}`
    : `its escalation is ${escalation.state}`;
  return {
    pass: escalation?.state === 'exhausted',
    message: () =>
      this.isNot
        ? `expected incident ${incidentId} not to have exhausted its escalation, but it has: every layer timed out and nobody more will be paged.\n${details()}`
        : `expected incident ${incidentId} to have exhausted its escalation, but ${why}.\n${details()}`,
  };
}

expect.extend({ toHavePaged, toHaveExhausted });

// Nothing to import by name. This keeps the file a module, so that `declare module 'vitest'` above adds
// to vitest's types instead of replacing them (tsup.config.ts does the same for the built .d.ts).
export {};
