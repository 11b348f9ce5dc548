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
/**
 * `ref` is what the timer is for: the engine keeps the incident itself there, so a step needs no
 * lookup by id (a whole state is dropped on reset, timers with it).
 */
export type Timer<Ref = unknown> = { due: number; ref: Ref; generation: number };

/** One instant's timers, first armed first: a list threaded through `TimerQueue.links`. */
type Bucket = { head: number; tail: number };

export type TimerQueue<Ref = unknown> = {
  /** Distinct due instants, as a binary min-heap. */
  heap: Float64Array;
  heapSize: number;
  buckets: Map<number, Bucket>;
  /** Payloads by slot, and the slots free for reuse. */
  ref: Array<Ref | undefined>;
  /**
   * Two numbers per slot, side by side (a pop reads both, so one cache line): the generation at
   * `2 * slot`, the next slot of the same instant (-1: none) at `2 * slot + 1`.
   */
  links: number[];
  freeSlots: number[];
  /**
   * The bucket the last timer was armed in, and the one the last was popped from (`NaN`: none): in
   * a burst, one after the other goes to the same instant, so neither looks its bucket up.
   */
  armedDue: number;
  armedBucket: Bucket | undefined;
  poppedDue: number;
  poppedBucket: Bucket | undefined;
  /** What `popTimer` returns: overwritten by the next pop, so read it first. */
  popped: Timer<Ref | undefined>;
};

export const createTimerQueue = <Ref>(): TimerQueue<Ref> => ({
  heap: new Float64Array(64),
  heapSize: 0,
  buckets: new Map(),
  ref: [],
  links: [],
  freeSlots: [],
  armedDue: Number.NaN,
  armedBucket: undefined,
  poppedDue: Number.NaN,
  poppedBucket: undefined,
  popped: { due: 0, ref: undefined, generation: 0 },
});

const heapPush = (queue: TimerQueue<unknown>, due: number) => {
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

const heapPop = (queue: TimerQueue<unknown>) => {
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

/** Arms a timer. Positional, so that arming allocates nothing but, now and then, a new instant's bucket. */
export const pushTimer = <Ref>(queue: TimerQueue<Ref>, due: number, ref: Ref, generation: number): void => {
  const slot = queue.freeSlots.pop() ?? queue.ref.length;
  queue.ref[slot] = ref;
  queue.links[2 * slot] = generation;
  queue.links[2 * slot + 1] = -1;
  let bucket = due === queue.armedDue ? queue.armedBucket : queue.buckets.get(due);
  if (bucket) {
    queue.links[2 * bucket.tail + 1] = slot;
    bucket.tail = slot;
  } else {
    bucket = { head: slot, tail: slot };
    queue.buckets.set(due, bucket);
    heapPush(queue, due);
  }
  queue.armedDue = due;
  queue.armedBucket = bucket;
};

/** The due time of the next timer, if any. */
export const nextDue = (queue: TimerQueue<unknown>): number | undefined => (queue.heapSize > 0 ? queue.heap[0] : undefined);

/** Takes the next timer off. The result is `queue.popped`, valid until the next pop. */
export const popTimer = <Ref>(queue: TimerQueue<Ref>): Timer<Ref> | undefined => {
  if (queue.heapSize === 0) return undefined;
  const due = queue.heap[0]!;
  if (due !== queue.poppedDue) {
    queue.poppedDue = due;
    queue.poppedBucket = queue.buckets.get(due)!;
  }
  const bucket = queue.poppedBucket!;
  const slot = bucket.head;
  const next = queue.links[2 * slot + 1]!;
  if (next === -1) {
    // The instant has no timer left: neither cache may name its bucket any longer.
    queue.buckets.delete(due);
    heapPop(queue);
    queue.poppedDue = Number.NaN;
    if (queue.armedDue === due) queue.armedDue = Number.NaN;
  } else {
    bucket.head = next;
  }
  const popped = queue.popped;
  popped.due = due;
  popped.ref = queue.ref[slot];
  popped.generation = queue.links[2 * slot]!;
  // Let go of the payload: a popped timer must not keep its incident alive.
  queue.ref[slot] = undefined;
  queue.freeSlots.push(slot);
  return popped as Timer<Ref>;
};

/** Every pending timer (stale ones too), in the order they will fire: what a snapshot keeps of the queue. */
export const pendingTimers = <Ref>(queue: TimerQueue<Ref>): Array<Timer<Ref>> => {
  const dues = Array.from(queue.heap.subarray(0, queue.heapSize)).sort((a, b) => a - b);
  const timers: Array<Timer<Ref>> = [];
  for (const due of dues) {
    for (let slot = queue.buckets.get(due)!.head; slot !== -1; slot = queue.links[2 * slot + 1]!) {
      timers.push({ due, ref: queue.ref[slot]!, generation: queue.links[2 * slot]! });
    }
  }
  return timers;
};
