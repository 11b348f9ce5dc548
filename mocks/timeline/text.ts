import type { EscalationSimulation } from '../../src/escalation/simulate.js';
import { describeEvent, headline, offsetLabel, summary } from './format.js';
import { asTimeline } from './of-simulation.js';
import type { Timeline } from './types.js';

/**
 * The timeline as text, one event a line (offset from the start, instant, what happened), then the
 * next due step and the clock. What a failing matcher prints, and what a terminal can show.
 *
 * ```
 * Incident inc_1 · Checkout down
 * policy Platform Default (pol_1) · status investigating · escalation active
 *   +0    2026-04-07T10:00:00.000Z  incident opened
 *   +0    2026-04-07T10:00:00.000Z  position 1: paged Alice Primary (usr_1)
 *   next step: 2026-04-07T10:05:00.000Z (+5m), when position 1 times out
 * ```
 */
export const toText = (input: Timeline | EscalationSimulation): string => {
  const timeline = asTimeline(input);
  const start = Date.parse(timeline.start);
  const offsets = timeline.events.map((event) => offsetLabel(Date.parse(event.at) - start));
  const width = Math.max(4, ...offsets.map((offset) => offset.length));
  const lines = [headline(timeline), summary(timeline)];
  timeline.events.forEach((event, index) => lines.push(`  ${offsets[index]!.padEnd(width)}  ${event.at}  ${describeEvent(timeline, event)}`));
  if (timeline.events.length === 0) lines.push('  (nothing happened)');
  if (timeline.next !== null) {
    const when = `${timeline.next.at} (${offsetLabel(Date.parse(timeline.next.at) - start)})`;
    lines.push(`  next step: ${when}${timeline.next.position === null ? '' : `, when position ${timeline.next.position} times out`}`);
  } else if (timeline.source === 'mock') {
    lines.push('  next step: none');
  }
  if (timeline.now !== null) lines.push(`  now: ${timeline.now} (${offsetLabel(Date.parse(timeline.now) - start)})`);
  return lines.join('\n');
};
