import { describe, expect, test } from 'vitest';
import { simulateEscalation, type LayerTarget, type SimulatedLayer, type SimulatedSchedule } from '../src/index.js';

const AT = '2026-04-07T10:00:00.000Z';
const users = (...userIds: string[]): LayerTarget => ({ type: 'users', userIds });
const schedule = (scheduleId: string): LayerTarget => ({ type: 'schedule', scheduleId });
const layersOf = (...specs: Array<[number, LayerTarget]>): SimulatedLayer[] =>
  specs.map(([ackTimeoutMinutes, target], index) => ({ id: `layer_${index + 1}`, position: index + 1, ackTimeoutMinutes, target }));

/** A schedule where the given users rotate daily at 09:00 UTC from April 1st. */
const rotation = (id: string, participantIds: string[], from = '2026-04-01T09:00:00Z'): SimulatedSchedule => ({
  id,
  timezone: 'UTC',
  layers: [{ id: `${id}_l0`, position: 0, rotationLengthDays: 1, handoffTime: '09:00', effectiveFrom: from, effectiveUntil: null, participantIds }],
});

describe('simulateEscalation', () => {
  test('the guide’s two layers: pages at +0 and +5 minutes, exhausted at +15', () => {
    const result = simulateEscalation(
      { layers: layersOf([5, schedule('primary')], [10, schedule('secondary')]) },
      { at: AT, schedules: [rotation('primary', ['alice']), rotation('secondary', ['bob'])] },
    );
    expect(result.timeline).toEqual([
      { type: 'paged', at: '2026-04-07T10:00:00.000Z', position: 1, layerId: 'layer_1', userIds: ['alice'] },
      { type: 'paged', at: '2026-04-07T10:05:00.000Z', position: 2, layerId: 'layer_2', userIds: ['bob'] },
      { type: 'exhausted', at: '2026-04-07T10:15:00.000Z' },
    ]);
    expect(result).toMatchObject({ exhaustedAt: '2026-04-07T10:15:00.000Z', acknowledgedAt: null, warnings: [] });
  });

  test('an acknowledgment stops it; a step due at that very instant still happens', () => {
    const policy = { layers: layersOf([5, users('a')], [5, users('b')], [5, users('c')]) };
    expect(simulateEscalation(policy, { at: AT, acknowledgeAfterMinutes: 3 }).pages.map((page) => page.userId)).toEqual(['a']);
    const atTheMinute = simulateEscalation(policy, { at: AT, acknowledgeAfterMinutes: 5 });
    expect(atTheMinute.pages.map((page) => page.userId)).toEqual(['a', 'b']);
    expect(atTheMinute).toMatchObject({ acknowledgedAt: '2026-04-07T10:05:00.000Z', exhaustedAt: null });
    // Acknowledged after escalation ran out: both are recorded.
    const late = simulateEscalation(policy, { at: AT, acknowledgeAfterMinutes: 60 });
    expect(late).toMatchObject({ exhaustedAt: '2026-04-07T10:15:00.000Z', acknowledgedAt: '2026-04-07T11:00:00.000Z' });
    expect(late.timeline.at(-1)).toEqual({ type: 'acknowledged', at: '2026-04-07T11:00:00.000Z' });
  });

  test('a layer that pages nobody is skipped at once, and warned about', () => {
    const result = simulateEscalation(
      { layers: layersOf([5, schedule('future')], [10, users('a')]) },
      { at: AT, schedules: [rotation('future', ['x'], '2026-05-01T00:00:00Z')] },
    );
    expect(result.timeline.slice(0, 2)).toEqual([
      { type: 'skipped', at: AT, position: 1, layerId: 'layer_1' },
      { type: 'paged', at: AT, position: 2, layerId: 'layer_2', userIds: ['a'] },
    ]);
    expect(result.warnings).toEqual([expect.objectContaining({ code: 'layer_pages_nobody', position: 1 })]);
  });

  test('warns about a short final layer, exhaustion past 24 hours and the same user twice in a row', () => {
    const short = simulateEscalation({ layers: layersOf([5, users('a')], [2, users('b')]) }, { at: AT });
    expect(short.warnings.map((warning) => warning.code)).toEqual(['short_final_layer']);
    const slow = simulateEscalation({ layers: layersOf([1440, users('a')], [60, users('b')]) }, { at: AT });
    expect(slow.warnings.map((warning) => warning.code)).toEqual(['slow_exhaustion']);
    const twice = simulateEscalation({ layers: layersOf([5, users('a', 'b')], [5, users('b')], [5, users('c')]) }, { at: AT });
    expect(twice.warnings).toEqual([expect.objectContaining({ code: 'same_user_on_consecutive_layers', position: 2, message: expect.stringContaining('b') })]);
  });

  test('members, when given, limit who can be paged; an unknown schedule pages nobody', () => {
    const result = simulateEscalation({ layers: layersOf([5, users('gone', 'here')], [5, schedule('missing')]) }, { at: AT, members: ['here'] });
    expect(result.pages.map((page) => page.userId)).toEqual(['here']);
    expect(result.timeline.at(-2)).toMatchObject({ type: 'skipped', position: 2 });
  });

  test('needs no network and no mock: it is a pure function of its input', () => {
    const input = { layers: layersOf([5, users('a')]) };
    expect(simulateEscalation(input, { at: Date.parse(AT) })).toEqual(simulateEscalation(input, { at: new Date(AT) }));
  });
});
