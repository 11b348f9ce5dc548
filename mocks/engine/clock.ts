/** Times are epoch milliseconds from the mock's clock; views turn them into ISO strings. */
export type Millis = number;

/** An instant as tests like to write it: a `Date`, an ISO 8601 string or epoch milliseconds. */
export type Instant = Date | string | number;

/**
 * The clock's range. Every timestamp the API shows is ISO 8601 with a four-digit year, so the clock
 * stays in 1970..9999, with a year to spare at the end for the instants derived from now (the next
 * escalation step, rotation handoffs). Past it, `toISOString()` writes `+010000-…`, which the API's
 * own schemas refuse, and `Date` itself ends in year 275760.
 */
export const EARLIEST_INSTANT = Date.parse('1970-01-01T00:00:00.000Z');
export const LATEST_INSTANT = Date.parse('9999-01-01T00:00:00.000Z');
/** Real-time mode at most a million times faster than the wall clock: a week in 0.6 s. */
export const MAX_SPEED = 1_000_000;

const RANGE = '1970-01-01T00:00:00Z to 9999-01-01T00:00:00Z';

export const toMillis = (instant: Instant, what = 'instant'): number => {
  const ms = instant instanceof Date ? instant.getTime() : typeof instant === 'string' ? Date.parse(instant) : instant;
  if (typeof ms !== 'number' || !Number.isFinite(ms)) {
    throw new RangeError(`${what} must be a Date, an ISO 8601 string or epoch milliseconds; got ${String(instant)}`);
  }
  if (ms < EARLIEST_INSTANT || ms > LATEST_INSTANT) {
    throw new RangeError(`${what} must be within the mock clock's range, ${RANGE}; got ${String(instant)}`);
  }
  return ms;
};

/** A speed for real-time mode, or a `RangeError` naming `what`. */
export const checkSpeed = (speed: number, what = 'speed'): number => {
  if (!(typeof speed === 'number' && Number.isFinite(speed) && speed > 0 && speed <= MAX_SPEED)) {
    throw new RangeError(`${what} must be a positive number, at most ${MAX_SPEED}; got ${String(speed)}`);
  }
  return speed;
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

/**
 * What the clock runs as time passes: the escalation engine's timers. `fireDue` runs every step due
 * at or before `target`, each at its own instant, in one call: nothing from outside can act between
 * them, which is what lets the engine keep what it worked out for one step for the next.
 */
export type DueWork = { nextDue(): number | undefined; fireDue(target: number): void };

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
    work.fireDue(target);
    current = target;
  };

  // Real time stops at the end of the clock's range rather than leaving it.
  const wallNow = () =>
    realtime ? Math.min(LATEST_INSTANT, current + (Date.now() - realtime.wallBase) * realtime.speed) : current;

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
      if (current + ms > LATEST_INSTANT) {
        throw new RangeError(`clock.advance(${ms}) would pass the end of the mock clock's range, ${new Date(LATEST_INSTANT).toISOString()}`);
      }
      await moveTo(current + ms);
    },
    set: async (instant) => moveTo(toMillis(instant, 'clock.set(instant)')),
    reschedule: () => catchUp(),
    reset: (next) => {
      current = next;
      if (realtime) realtime.wallBase = Date.now();
    },
    startRealtime: (speed) => {
      checkSpeed(speed, 'realtime.speed');
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
