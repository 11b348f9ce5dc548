/** Crockford base32, lowercase: the alphabet of the docs' ids (`pol_01jqm5x3k8vz9e2f4g7h`). */
const ALPHABET = '0123456789abcdefghjkmnpqrstvwxyz';

/**
 * A seeded stream of numbers (mulberry32): the same seed gives the same ids, so snapshots stay
 * stable. Plain data, so that a mock's snapshot carries it as it is: the generator's state, and
 * how many ids it has minted (see `newId`).
 */
export type Random = { state: number; minted: number };

export const createRandom = (seed: number, minted = 0): Random => ({ state: seed >>> 0, minted });

/** The stream's next number in [0, 1). */
const next = (random: Random): number => {
  random.state = (random.state + 0x6d2b79f5) >>> 0;
  let t = random.state;
  t = Math.imul(t ^ (t >>> 15), t | 1);
  t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
};

const chars = (random: Random, count: number) => {
  let out = '';
  for (let i = 0; i < count; i++) out += ALPHABET[Math.floor(next(random) * 32)];
  return out;
};

/** Characters of an id that count the ids minted so far: 32^7, some 34 billion ids per mock. */
const SEQUENCE_WIDTH = 7;
/** The sequence number in the alphabet, left-padded: fixed width, so string order is number order. */
const sequence = (n: number) => {
  let out = '';
  for (let rest = n, i = 0; i < SEQUENCE_WIDTH; i++, rest = Math.floor(rest / 32)) out = ALPHABET[rest % 32] + out;
  return out;
};

/**
 * `pol_…`, `layer_…`, `user_…`: a prefix and 20 characters, 7 counting the ids this mock has minted
 * then 13 random. Ids of one prefix therefore sort, as plain strings, in creation order: the
 * Terraform provider orders a schedule's layers by id, and the component list's cursor relies on it.
 */
export const newId = (random: Random, prefix: string) => {
  const n = random.minted++;
  return `${prefix}_${sequence(n)}${chars(random, 13)}`;
};

/** Mock API keys say what they are, so nobody mistakes one for a live key. */
export const newApiKey = (random: Random) => `scl_mock_${chars(random, 32)}`;

/** A UUID v4 from the seeded generator: request ids (as the docs describe them) and update ids. */
export const newUuid = (random: Random) => {
  // 32 draws, one per hex digit, then a 33rd for the variant; the version digit takes the place of
  // the 13th draw, the variant that of the 17th (both drawn all the same, so the stream stays as it was).
  let head = '';
  for (let i = 0; i < 16; i++) {
    const digit = HEX[Math.floor(next(random) * 16)]!;
    if (i === 8 || i === 12) head += '-';
    head += i === 12 ? '4' : digit;
  }
  next(random);
  let tail = '';
  for (let i = 17; i < 32; i++) tail += (i === 20 ? '-' : '') + HEX[Math.floor(next(random) * 16)];
  const variant = HEX[Math.floor(next(random) * 4) + 8];
  return `${head}-${variant}${tail}`;
};

const HEX = '0123456789abcdef';

export const newRequestId = newUuid;
