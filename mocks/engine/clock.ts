/** Times are epoch milliseconds from the mock's clock; views turn them into ISO strings. */
export type Millis = number;

/** An instant as tests like to write it: a `Date`, an ISO 8601 string or epoch milliseconds. */
export type Instant = Date | string | number;

export const toMillis = (instant: Instant, what = 'instant'): number => {
  const ms = instant instanceof Date ? instant.getTime() : typeof instant === 'string' ? Date.parse(instant) : instant;
  if (typeof ms !== 'number' || !Number.isFinite(ms)) {
    throw new RangeError(`${what} must be a Date, an ISO 8601 string or epoch milliseconds; got ${String(instant)}`);
  }
  return ms;
};

/** The mock's virtual clock: it stamps every timestamp and never moves on its own (unless real-time). */
export type VirtualClock = {
  /** The current virtual time. */
  now(): Date;
  /** Moves time forward by `ms`, running every escalation step that falls due, in time order. */
  advance(ms: number): Promise<void>;
  /** Moves time forward to `instant` (never backwards), running the steps that fall due. */
  set(instant: Instant): Promise<void>;
};

/** What the clock runs as time passes: the escalation engine's timers. */
export type DueWork = { nextDue(): number | undefined; fireNext(): void };

export type ClockControl = VirtualClock & {
  /** The virtual time in epoch ms; in real-time mode, due steps run first. */
  nowMs(): number;
  reset(start: number): void;
  /** In real-time mode, re-arms the wake-up after a request may have armed an earlier timer. */
  reschedule(): void;
  /** Follows the wall clock (`speed` times faster) until `stop()`. Timers fire on their own. */
  startRealtime(speed: number): void;
  stopRealtime(): void;
};

export const createClock = (start: number, work: DueWork): ClockControl => {
  let current = start;
  // Real-time mode: virtual time = `current` + wall time since `wallBase`, times `speed`.
  let realtime: { speed: number; wallBase: number; wake: ReturnType<typeof setTimeout> | undefined } | undefined;

  /** Runs every step due at or before `target`, each at its own instant, then rests at `target`. */
  const runTo = (target: number) => {
    for (let due = work.nextDue(); due !== undefined && due <= target; due = work.nextDue()) {
      if (due > current) current = due;
      work.fireNext();
    }
    current = target;
  };

  const wallNow = () => (realtime ? current + (Date.now() - realtime.wallBase) * realtime.speed : current);

  /** In real-time mode, brings virtual time up to the wall clock and sleeps until the next step. */
  const catchUp = () => {
    if (!realtime) return;
    const target = wallNow();
    realtime.wallBase = Date.now();
    runTo(target);
    if (realtime.wake !== undefined) clearTimeout(realtime.wake);
    const due = work.nextDue();
    realtime.wake = due === undefined ? undefined : setTimeout(catchUp, Math.max(0, (due - current) / realtime.speed));
    // A mock must never keep a test process alive.
    (realtime.wake as { unref?: () => void } | undefined)?.unref?.();
  };

  const moveTo = async (target: number) => {
    catchUp();
    if (target < current) {
      throw new RangeError(`The clock only moves forward: ${new Date(target).toISOString()} is before ${new Date(current).toISOString()}`);
    }
    runTo(target);
    catchUp();
  };

  return {
    now: () => {
      catchUp();
      return new Date(current);
    },
    nowMs: () => {
      catchUp();
      return current;
    },
    advance: async (ms) => {
      if (typeof ms !== 'number' || !Number.isFinite(ms) || ms < 0) {
        throw new RangeError(`clock.advance(ms) needs a finite number of milliseconds >= 0; got ${String(ms)}`);
      }
      catchUp();
      await moveTo(current + ms);
    },
    set: async (instant) => moveTo(toMillis(instant)),
    reschedule: () => catchUp(),
    reset: (next) => {
      current = next;
      if (realtime) realtime.wallBase = Date.now();
    },
    startRealtime: (speed) => {
      if (!(Number.isFinite(speed) && speed > 0)) throw new RangeError(`speed must be a positive number; got ${String(speed)}`);
      catchUp();
      realtime = { speed, wallBase: Date.now(), wake: undefined };
      catchUp();
    },
    stopRealtime: () => {
      catchUp();
      if (realtime?.wake !== undefined) clearTimeout(realtime.wake);
      realtime = undefined;
    },
  };
};
