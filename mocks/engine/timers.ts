/**
 * The mock's pending escalation timers, soonest first (ties in the order they were armed), so
 * advancing a week costs in proportion to the timers that fall due, never to the minutes that pass.
 * Cancelling is lazy: a timer carries the generation of the escalation that armed it, and one whose
 * generation is stale is dropped when it comes up.
 *
 * Timers that fall due at the same instant share a bucket (incidents opened together under the same
 * policy escalate together), and a binary min-heap orders the distinct instants, kept in a typed
 * array: a burst of 10,000 incidents costs about as much per step as 1,000. A timer's payload (org,
 * incident, generation) sits in a slot reused once the timer is popped.
 */
export type Timer = { due: number; orgId: string; incidentId: string; generation: number };

/** The slots of one instant's timers, first armed first; `next` is the first not yet popped. */
type Bucket = { slots: number[]; next: number };

export type TimerQueue = {
  /** Distinct due instants, as a binary min-heap. */
  heap: Float64Array;
  heapSize: number;
  buckets: Map<number, Bucket>;
  /** Payloads by slot, and the slots free for reuse. */
  orgId: string[];
  incidentId: string[];
  generation: number[];
  freeSlots: number[];
  /** What `popTimer` returns: overwritten by the next pop, so read it first. */
  popped: Timer;
};

export const createTimerQueue = (): TimerQueue => ({
  heap: new Float64Array(64),
  heapSize: 0,
  buckets: new Map(),
  orgId: [],
  incidentId: [],
  generation: [],
  freeSlots: [],
  popped: { due: 0, orgId: '', incidentId: '', generation: 0 },
});

const heapPush = (queue: TimerQueue, due: number) => {
  if (queue.heapSize === queue.heap.length) {
    const heap = new Float64Array(queue.heap.length * 2);
    heap.set(queue.heap);
    queue.heap = heap;
  }
  const { heap } = queue;
  let index = queue.heapSize++;
  while (index > 0) {
    const parent = (index - 1) >> 1;
    if (heap[parent]! <= due) break;
    heap[index] = heap[parent]!;
    index = parent;
  }
  heap[index] = due;
};

const heapPop = (queue: TimerQueue) => {
  const { heap } = queue;
  const size = --queue.heapSize;
  const last = heap[size]!;
  let index = 0;
  for (;;) {
    const left = 2 * index + 1;
    if (left >= size) break;
    const right = left + 1;
    const child = right < size && heap[right]! < heap[left]! ? right : left;
    if (heap[child]! >= last) break;
    heap[index] = heap[child]!;
    index = child;
  }
  heap[index] = last;
};

export const pushTimer = (queue: TimerQueue, timer: Timer): void => {
  const slot = queue.freeSlots.pop() ?? queue.orgId.length;
  queue.orgId[slot] = timer.orgId;
  queue.incidentId[slot] = timer.incidentId;
  queue.generation[slot] = timer.generation;
  const bucket = queue.buckets.get(timer.due);
  if (bucket) {
    bucket.slots.push(slot);
    return;
  }
  queue.buckets.set(timer.due, { slots: [slot], next: 0 });
  heapPush(queue, timer.due);
};

/** The due time of the next timer, if any. */
export const nextDue = (queue: TimerQueue): number | undefined => (queue.heapSize > 0 ? queue.heap[0] : undefined);

/** Takes the next timer off. The result is `queue.popped`, valid until the next pop. */
export const popTimer = (queue: TimerQueue): Timer | undefined => {
  if (queue.heapSize === 0) return undefined;
  const due = queue.heap[0]!;
  const bucket = queue.buckets.get(due)!;
  const slot = bucket.slots[bucket.next++]!;
  if (bucket.next === bucket.slots.length) {
    queue.buckets.delete(due);
    heapPop(queue);
  }
  const popped = queue.popped;
  popped.due = due;
  popped.orgId = queue.orgId[slot]!;
  popped.incidentId = queue.incidentId[slot]!;
  popped.generation = queue.generation[slot]!;
  queue.freeSlots.push(slot);
  return popped;
};
