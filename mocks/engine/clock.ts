/** An instant as tests like to write it: a `Date`, an ISO 8601 string or epoch milliseconds. */
export type Instant = Date | string | number;

export const toMillis = (instant: Instant, what = 'instant'): number => {
  const ms = instant instanceof Date ? instant.getTime() : typeof instant === 'string' ? Date.parse(instant) : instant;
  if (typeof ms !== 'number' || !Number.isFinite(ms)) {
    throw new RangeError(`${what} must be a Date, an ISO 8601 string or epoch milliseconds; got ${String(instant)}`);
  }
  return ms;
};

/** The mock's virtual clock: it stamps every timestamp and never moves on its own. */
export type VirtualClock = {
  /** The current virtual time. */
  now(): Date;
  /** Moves time forward by `ms` milliseconds. */
  advance(ms: number): Promise<void>;
  /** Moves time forward to `instant` (never backwards). */
  set(instant: Instant): Promise<void>;
};

export type ClockControl = VirtualClock & { nowMs(): number; reset(start: number): void };

export const createClock = (start: number): ClockControl => {
  let current = start;
  const moveTo = async (target: number) => {
    if (target < current) {
      throw new RangeError(`The clock only moves forward: ${new Date(target).toISOString()} is before ${new Date(current).toISOString()}`);
    }
    current = target;
  };
  return {
    now: () => new Date(current),
    nowMs: () => current,
    advance: async (ms) => {
      if (typeof ms !== 'number' || !Number.isFinite(ms) || ms < 0) {
        throw new RangeError(`clock.advance(ms) needs a finite number of milliseconds >= 0; got ${String(ms)}`);
      }
      await moveTo(current + ms);
    },
    set: async (instant) => moveTo(toMillis(instant)),
    reset: (next) => {
      current = next;
    },
  };
};
