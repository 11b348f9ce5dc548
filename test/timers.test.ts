import { expect, test } from 'vitest';
import { createTimerQueue, nextDue, popTimer, pushTimer } from '../mocks/engine/timers.js';

test('timers come out in due order, ties in the order they were armed, through growth and reuse of slots', () => {
  let seed = 42;
  const random = () => ((seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648) / 2_147_483_648);
  const queue = createTimerQueue<string>();
  const reference: Array<{ due: number; order: number }> = [];
  let order = 0;
  const popped: Array<[number, string]> = [];
  const expected: Array<[number, string]> = [];
  for (let round = 0; round < 5_000; round++) {
    if (random() < 0.6 || reference.length === 0) {
      const due = Math.floor(random() * 50); // few distinct values: many ties
      const id = `t${order}`;
      pushTimer(queue, due, id, order);
      reference.push({ due, order: order++ });
    } else {
      reference.sort((a, b) => a.due - b.due || a.order - b.order);
      const next = reference.shift()!;
      expected.push([next.due, `t${next.order}`]);
      expect(nextDue(queue)).toBe(next.due);
      const timer = popTimer(queue)!;
      popped.push([timer.due, timer.ref]);
      expect(timer.generation).toBe(next.order);
    }
  }
  expect(popped).toEqual(expected);
  expect(popped.length).toBeGreaterThan(1_000);
});

test('an empty queue has no next timer', () => {
  const queue = createTimerQueue();
  expect(nextDue(queue)).toBeUndefined();
  expect(popTimer(queue)).toBeUndefined();
});
