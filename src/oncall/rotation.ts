/**
 * Who is on call: pure functions over plain data, no zod and no HTTP, shared by the mock, the
 * escalation engine and `simulateEscalation()`. Time zones come from the platform's `Intl` (no
 * offset tables of our own); offsets are memoized per zone and UTC hour, so a warm call costs a
 * few map lookups per layer.
 */

/** A rotation layer as the resolver needs it. Times are epoch milliseconds. */
export type RotationLayer = {
  id: string;
  position: number;
  rotationLengthDays: number;
  /** `HH:MM`, 24 h, in the schedule's time zone. */
  handoffTime: string;
  effectiveFrom: number;
  /** Exclusive end; `null` = open-ended. */
  effectiveUntil: number | null;
  participantIds: readonly string[];
};

/** What the rotation reads of a layer: everything but its position. */
type RotationFields = Omit<RotationLayer, 'position'>;

export type OnCallSchedule = {
  /** IANA zone name, e.g. `America/New_York`. */
  timezone: string;
  layers: readonly RotationLayer[];
};

export type OnCallLayer = { layerId: string; position: number; userId: string | null };

export type OnCallResult = {
  /** The on-call person of the lowest-position active layer (position 0 when it is active). */
  owner: string | null;
  /** The on-call person of every active layer, in position order, without repeats. */
  pagingTargets: string[];
  /** Every layer in position order; `userId` is `null` for a layer not in force. */
  layers: OnCallLayer[];
};

const SECOND = 1000;
const MINUTE = 60 * SECOND;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
/** A zone's hour cache is dropped past this size (~11 years of hours): memory stays bounded. */
const MAX_CACHED_HOURS = 100_000;

/** An hour in which the offset changes: `before` until `at` (exclusive), `after` from it. */
type SplitHour = { at: number; before: number; after: number };

export type Zone = {
  format: Intl.DateTimeFormat;
  /** UTC hour index → offset in ms (local − UTC), or `NaN` when the offset changes in that hour. */
  hours: Map<number, number>;
  splits: Map<number, SplitHour>;
};

const zones = new Map<string, Zone>();

export const zoneOf = (name: string): Zone => {
  let zone = zones.get(name);
  if (zone === undefined) {
    let format: Intl.DateTimeFormat;
    try {
      format = new Intl.DateTimeFormat('en-US', { timeZone: name, timeZoneName: 'longOffset' });
    } catch {
      throw new RangeError(`Unknown time zone "${name}": use an IANA name such as America/New_York`);
    }
    zone = { format, hours: new Map(), splits: new Map() };
    zones.set(name, zone);
  }
  return zone;
};

/** The offset the platform reports at `utc`, from `GMT`, `GMT+05:30` or `GMT-04:56:02` (LMT). */
const platformOffset = (zone: Zone, utc: number): number => {
  const part = zone.format.formatToParts(utc).find((candidate) => candidate.type === 'timeZoneName');
  const match = /^GMT(?:([+-])(\d{2}):(\d{2})(?::(\d{2}))?)?$/.exec(part?.value ?? '');
  if (!match) throw new RangeError(`Cannot read the UTC offset of ${zone.format.resolvedOptions().timeZone} (${part?.value})`);
  if (match[1] === undefined) return 0;
  const size = Number(match[2]) * HOUR + Number(match[3]) * MINUTE + Number(match[4] ?? 0) * SECOND;
  return match[1] === '-' ? -size : size;
};

/** Measures one UTC hour: one offset throughout, or the second at which it changes (binary search). */
const measureHour = (zone: Zone, hour: number): number => {
  const start = hour * HOUR;
  const last = start + HOUR - SECOND;
  const before = platformOffset(zone, start);
  const after = platformOffset(zone, last);
  if (before === after) return before;
  // Transitions fall on whole seconds; `low` keeps `before`, `high` has `after`.
  let low = start;
  let high = last;
  while (high - low > SECOND) {
    const middle = low + Math.floor((high - low) / 2 / SECOND) * SECOND;
    if (platformOffset(zone, middle) === before) low = middle;
    else high = middle;
  }
  zone.splits.set(hour, { at: high, before, after });
  return Number.NaN;
};

/** The zone's offset from UTC at instant `utc`, in ms (local = utc + offset). */
export const offsetAt = (zone: Zone, utc: number): number => {
  const hour = Math.floor(utc / HOUR);
  let offset = zone.hours.get(hour);
  if (offset === undefined) {
    if (zone.hours.size >= MAX_CACHED_HOURS) {
      zone.hours.clear();
      zone.splits.clear();
    }
    offset = measureHour(zone, hour);
    zone.hours.set(hour, offset);
  }
  if (!Number.isNaN(offset)) return offset;
  const split = zone.splits.get(hour);
  if (split === undefined) throw new Error('unreachable: a split hour without its transition');
  return utc < split.at ? split.before : split.after;
};

/**
 * The instant of a wall-clock time (`local`: the wall time's fields read as UTC ms), like Temporal's
 * `disambiguation: 'compatible'`: a time in a spring-forward gap moves forward by the gap (02:30 →
 * 03:30), an ambiguous fall-back time takes the earlier instant. Assumes no two transitions within
 * two days of each other, as Temporal's reference implementation does.
 */
const instantOf = (zone: Zone, local: number): number => {
  const before = offsetAt(zone, local - DAY);
  const after = offsetAt(zone, local + DAY);
  if (before === after) return local - before;
  const early = local - before;
  const late = local - after;
  const earlyFits = offsetAt(zone, early) === before;
  const lateFits = offsetAt(zone, late) === after;
  if (earlyFits && lateFits) return Math.min(early, late);
  if (earlyFits) return early;
  if (lateFits) return late;
  return early;
};

/** The wall-clock calendar day (days since 1970-01-01) of an instant in the zone. */
export const localDay = (zone: Zone, utc: number) => Math.floor((utc + offsetAt(zone, utc)) / DAY);

const digit = (text: string, index: number) => {
  const code = text.charCodeAt(index) - 48;
  return code >= 0 && code <= 9 ? code : Number.NaN;
};

/** `HH:MM` → minutes after midnight, without a regex or an allocation. `field` names it in the error. */
export const minutesOf = (time: string, field = 'handoffTime'): number => {
  const hours = digit(time, 0) * 10 + digit(time, 1);
  const minutes = digit(time, 3) * 10 + digit(time, 4);
  if (time.length !== 5 || time[2] !== ':' || !(hours <= 23) || !(minutes <= 59)) {
    throw new RangeError(`${field} must be HH:MM from 00:00 to 23:59; got ${JSON.stringify(time)}`);
  }
  return hours * 60 + minutes;
};

/**
 * Who of the layer is on call at `at` (the layer is in force then). Handoff k (k ≥ 1) happens at
 * `handoffTime` on the local day of `effectiveFrom` + k × rotationLengthDays; participant k mod n
 * holds the shift from handoff k to handoff k + 1, participant 0 from `effectiveFrom` to handoff 1.
 */
const onCallIn = (zone: Zone, layer: RotationFields, at: number, atDay: number): string | null => {
  const count = layer.participantIds.length;
  if (count === 0) return null;
  const length = layer.rotationLengthDays;
  if (!Number.isInteger(length) || length < 1) {
    throw new RangeError(`rotationLengthDays must be an integer >= 1; got ${length}`);
  }
  const handoff = minutesOf(layer.handoffTime) * MINUTE;
  const fromDay = localDay(zone, layer.effectiveFrom);
  // Calendar arithmetic gives the shift up to the handoff on `at`'s own day, or tomorrow's when a
  // fall-back at midnight makes the local day lag behind; one instant comparison settles it.
  let shift = Math.max(0, Math.floor((atDay - fromDay) / length));
  const shiftDay = fromDay + shift * length;
  const nextDay = shiftDay + length;
  if (shift >= 1 && instantOf(zone, shiftDay * DAY + handoff) > at) shift -= 1;
  else if (nextDay <= atDay + 1 && instantOf(zone, nextDay * DAY + handoff) <= at) shift += 1;
  return layer.participantIds[shift % count] ?? null;
};

const inForce = (layer: RotationFields, at: number) =>
  layer.effectiveFrom <= at && (layer.effectiveUntil === null || at < layer.effectiveUntil);

const isInPositionOrder = (layers: readonly RotationLayer[]) => {
  for (let i = 1; i < layers.length; i++) if (layers[i - 1]!.position > layers[i]!.position) return false;
  return true;
};

/**
 * Who is on call for `schedule` at instant `at` (epoch ms): each layer's participant, the paging
 * targets and the schedule owner. Throws `RangeError` for an unknown zone or a malformed layer.
 */
export const resolveOnCall = (schedule: OnCallSchedule, at: number): OnCallResult => {
  const ordered = isInPositionOrder(schedule.layers) ? schedule.layers : [...schedule.layers].sort((a, b) => a.position - b.position);
  const layers: OnCallLayer[] = new Array(ordered.length);
  const pagingTargets: string[] = [];
  let owner: string | null = null;
  let zone: Zone | undefined;
  let atDay = 0;
  for (let i = 0; i < ordered.length; i++) {
    const layer = ordered[i]!;
    let userId: string | null = null;
    if (inForce(layer, at)) {
      if (zone === undefined) {
        zone = zoneOf(schedule.timezone);
        atDay = localDay(zone, at);
      }
      userId = onCallIn(zone, layer, at, atDay);
    }
    layers[i] = { layerId: layer.id, position: layer.position, userId };
    if (userId === null) continue;
    owner ??= userId;
    // At most 50 layers: a linear scan is cheaper than building a Set per call.
    if (!pagingTargets.includes(userId)) pagingTargets.push(userId);
  }
  return { owner, pagingTargets, layers };
};

/** A schedule whose layers are already in position order (position = index); positions are not read. */
export type OrderedSchedule = { timezone: string; layers: readonly RotationFields[] };

/**
 * Just the paging targets at `at`, for a schedule whose layers are in position order: what the
 * escalation engine asks on every page, so it allocates nothing but the answer.
 */
export const pagingTargetsAt = (schedule: OrderedSchedule, at: number): string[] => {
  const targets: string[] = [];
  let zone: Zone | undefined;
  let atDay = 0;
  for (const layer of schedule.layers) {
    if (!inForce(layer, at)) continue;
    if (zone === undefined) {
      zone = zoneOf(schedule.timezone);
      atDay = localDay(zone, at);
    }
    const userId = onCallIn(zone, layer, at, atDay);
    if (userId !== null && !targets.includes(userId)) targets.push(userId);
  }
  return targets;
};
