/**
 * A column of one of the engine's logs: numbers in fixed-size chunks, each a plain array of doubles.
 *
 * Not a typed array: its buffer is memory outside the JS heap, and V8 starts a full collection for
 * every 64 MB of that allocated, however little the heap itself has grown. A simulation of 100,000
 * incidents writes some 250 MB of log, so it paid for seven collections of a heap as big as its
 * incidents, where 10,000 incidents paid for none: the cost per step grew with the run. An array of
 * doubles is heap memory, paced like any other allocation, and the collector never looks inside it
 * (it holds no pointers; an array of small integers holds tagged values it would visit one by one,
 * which is why integers are stored as doubles too). Fixed chunks past the first, so that growing
 * never copies more than the first (small) chunk and the garbage collector never moves a full one.
 */

/** 16,384 numbers: 128 KiB, each chunk an object of V8's large-object space, allocated there once. */
const CHUNK_BITS = 14;
const CHUNK_SIZE = 1 << CHUNK_BITS;
const IN_CHUNK = CHUNK_SIZE - 1;
/**
 * The first chunk starts this small and doubles up to `CHUNK_SIZE`: a test suite makes a fresh mock
 * per test, and a full chunk per column of each was 128 KiB to allocate and fill for a few pages.
 */
const FIRST_CHUNK_SIZE = 64;

export type Column = number[][];

export const createColumn = (): Column => [];

/**
 * `NaN` marks a number never written, and makes a chunk an array of doubles from the start. A full
 * chunk is a copy of this one: one allocation and a copy, where `new Array(n).fill(NaN)` allocated
 * an array of small integers first and then its array of doubles.
 */
let fullChunk: number[] | undefined;
const chunkOf = (size: number): number[] => {
  if (size === CHUNK_SIZE) return (fullChunk ??= new Array<number>(CHUNK_SIZE).fill(Number.NaN)).slice();
  return new Array<number>(size).fill(Number.NaN);
};

/** Makes room for `index`: the column's next chunk, or the first chunk twice as large, what it held copied. */
const grow = (column: Column, index: number): number[] => {
  const chunk = index >>> CHUNK_BITS;
  if (chunk === column.length) {
    const added = chunkOf(chunk === 0 ? FIRST_CHUNK_SIZE : CHUNK_SIZE);
    column.push(added);
    return added;
  }
  const held = column[chunk]!;
  const larger = chunkOf(Math.min(CHUNK_SIZE, held.length * 2));
  for (let offset = 0; offset < held.length; offset++) larger[offset] = held[offset]!;
  column[chunk] = larger;
  return larger;
};

/** Writes the number at `index`, at most one past the last written (a log's next row). */
export const setAt = (column: Column, index: number, value: number): void => {
  const chunk = index >>> CHUNK_BITS;
  const offset = index & IN_CHUNK;
  let data = chunk < column.length ? column[chunk]! : undefined;
  if (data === undefined || offset >= data.length) data = grow(column, index);
  data[offset] = value;
};

export const numberAt = (column: Column, index: number): number => column[index >>> CHUNK_BITS]![index & IN_CHUNK]!;

/** The first `size` numbers as a plain array, for a snapshot. */
export const columnData = (column: Column, size: number): number[] => {
  const data: number[] = [];
  for (let index = 0; index < size; index++) data.push(numberAt(column, index));
  return data;
};

/** A column of `numbers`, or of what `pack` makes of each (a snapshot's column, or two). */
export const columnOf = (numbers: readonly number[], pack?: (value: number, index: number) => number): Column => {
  const column = createColumn();
  for (let index = 0; index < numbers.length; index++) setAt(column, index, pack ? pack(numbers[index]!, index) : numbers[index]!);
  return column;
};

/** The first `size` numbers as a plain array, each unpacked by `unpack`, for a snapshot. */
export const unpackedData = (column: Column, size: number, unpack: (value: number) => number): number[] => {
  const data: number[] = [];
  for (let index = 0; index < size; index++) data.push(unpack(numberAt(column, index)));
  return data;
};
