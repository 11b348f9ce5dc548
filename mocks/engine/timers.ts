/**
 * The mock's pending escalation timers: a binary min-heap keyed by due time (ties by the order
 * they were armed), so advancing a week costs in proportion to the timers that fall due, never to
 * the minutes that pass. Cancelling is lazy: a timer carries the generation of the escalation that
 * armed it, and a timer whose generation is stale is dropped when it comes up.
 */
export type Timer = { due: number; seq: number; orgId: string; incidentId: string; generation: number };

export type TimerQueue = { heap: Timer[]; armed: number };

export const createTimerQueue = (): TimerQueue => ({ heap: [], armed: 0 });

const before = (a: Timer, b: Timer) => a.due < b.due || (a.due === b.due && a.seq < b.seq);

export const pushTimer = (queue: TimerQueue, timer: Omit<Timer, 'seq'>): void => {
  const { heap } = queue;
  const item: Timer = { due: timer.due, seq: queue.armed++, orgId: timer.orgId, incidentId: timer.incidentId, generation: timer.generation };
  let index = heap.push(item) - 1;
  while (index > 0) {
    const parent = (index - 1) >> 1;
    if (!before(item, heap[parent]!)) break;
    heap[index] = heap[parent]!;
    index = parent;
  }
  heap[index] = item;
};

export const peekTimer = (queue: TimerQueue): Timer | undefined => queue.heap[0];

export const popTimer = (queue: TimerQueue): Timer | undefined => {
  const { heap } = queue;
  const top = heap[0];
  const last = heap.pop();
  if (top === undefined || last === undefined || heap.length === 0) return top;
  let index = 0;
  const length = heap.length;
  for (;;) {
    const left = 2 * index + 1;
    if (left >= length) break;
    const right = left + 1;
    const child = right < length && before(heap[right]!, heap[left]!) ? right : left;
    if (!before(heap[child]!, last)) break;
    heap[index] = heap[child]!;
    index = child;
  }
  heap[index] = last;
  return top;
};
