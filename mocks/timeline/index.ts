import { timelineOfSimulation } from './of-simulation.js';
import { toSVG } from './svg.js';
import { toText } from './text.js';
import type { MockTimeline, Timeline } from './types.js';

/**
 * Escalation timelines: data (`mock.timeline()`, `timelineOfSimulation()`) and two renderers
 * (`toSVG`, `toText`) that take either, or a `simulateEscalation()` result as it is. Plain string
 * building with no DOM and no Node module: it runs in the browser bundle of the mocks entry, in
 * the standalone server, and in a vitest matcher alike. Kept out of the client entry, whose size
 * has a budget.
 */
export { timelineOfSimulation, toSVG, toText };
export type { SimulationTimelineOptions } from './of-simulation.js';
export type * from './types.js';

/** The data with its renderers bound: what `mock.timeline()` returns. The methods are not enumerable, so it serializes as the data alone. */
export const withRenderers = (timeline: Timeline): MockTimeline =>
  Object.defineProperties(timeline as MockTimeline, {
    toSVG: { value: (options?: Parameters<typeof toSVG>[1]) => toSVG(timeline, options) },
    toText: { value: () => toText(timeline) },
  });
