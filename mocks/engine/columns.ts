/**
 * A column of one of the engine's logs: numbers in fixed-size chunks, each a plain array of doubles.
 *
 * Not a typed array: its buffer is memory outside the JS heap, and V8 starts a full collection for
 * every 64 MB of that allocated, however little the heap itself has grown. A simulation of 100,000
 * incidents writes some 250 MB of log, so it paid for seven collections of a heap as big as its
 * incidents, where 10,000 incidents paid for none: the cost per step grew with the run. An array of
 * doubles is heap memory, paced like any other allocation, and the collector never looks inside it
 * (it holds no pointers; an array of small integers holds tagged values it would visit one by one,
 * which is why integers are stored as doubles too). Fixed chunks, so that growing never copies
 * what is written and the garbage collector never moves a chunk.
 */

/** 16,384 numbers: 128 KiB, each chunk an object of V8's large-object space, allocated there once. */
const CHUNK_BITS = 14;
const CHUNK_SIZE = 1 << CHUNK_BITS;
const IN_CHUNK = CHUNK_SIZE - 1;

export type Column = number[][];

export const createColumn = (): Column => [];

/** `NaN` marks a number never written, and makes the chunk an array of doubles from the start. */
const newChunk = (): number[] => new Array<number>(CHUNK_SIZE).fill(Number.NaN);

/** Writes the number at `index`, at most one past the last written (a log's next row). */
export const setAt = (column: Column, index: number, value: number): void => {
  const chunk = index >>> CHUNK_BITS;
  if (chunk === column.length) column.push(newChunk());
  column[chunk]![index & IN_CHUNK] = value;
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
