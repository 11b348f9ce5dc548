/**
 * The geometry of the SVG timeline: a time scale with round ticks, text widths (estimated, as no
 * font can be measured outside a browser; on the generous side, so that labels kept apart here are
 * apart on screen), and rows of occupied intervals in which labels are placed greedily: a label
 * that fits nowhere is left out (its mark keeps it as a tooltip) rather than drawn over another.
 */

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/** Tick steps people read easily. */
const STEPS = [MINUTE, 2 * MINUTE, 5 * MINUTE, 10 * MINUTE, 15 * MINUTE, 30 * MINUTE, HOUR, 2 * HOUR, 3 * HOUR, 6 * HOUR, 12 * HOUR, DAY, 2 * DAY, 7 * DAY, 14 * DAY, 30 * DAY];

export type Scale = { x: (ms: number) => number; ticks: number[] };

/**
 * Maps `[start, end]` onto `[left, right]`, at least `minSpan` long (an incident opened a moment
 * ago still gets a readable axis). Ticks are offsets from the start: the picture is relative.
 */
export const timeScale = (start: number, end: number, left: number, right: number, minSpan = 5 * MINUTE): Scale => {
  const span = Math.max(end - start, minSpan);
  const x = (ms: number) => left + ((ms - start) / span) * (right - left);
  const most = Math.max(2, Math.floor((right - left) / 84));
  const step = STEPS.find((candidate) => span / candidate <= most) ?? Math.ceil(span / most / DAY) * DAY;
  const ticks: number[] = [];
  for (let at = start; at <= start + span + 1; at += step) ticks.push(at);
  return { x, ticks };
};

/** An estimate of a text's width in a sans-serif font, per class of character, rounded up. */
export const textWidth = (text: string, size: number, bold = false): number => {
  let em = 0;
  for (const char of text) {
    if (/[ilj.,:;'|!()[\]\s]/.test(char)) em += 0.34;
    else if (/[mwMW@%]/.test(char)) em += 0.98;
    else if (/[A-Z]/.test(char)) em += 0.74;
    else if (/[0-9]/.test(char)) em += 0.64;
    else if (/[a-z+\-·…→_]/.test(char)) em += 0.62;
    else em += 1; // anything else (CJK, emoji): a full em
  }
  return Math.ceil(em * size * (bold ? 1.08 : 1)) + 2;
};

/** `text`, cut with an ellipsis to fit `max` pixels. */
export const fitText = (text: string, max: number, size: number, bold = false): string => {
  if (textWidth(text, size, bold) <= max) return text;
  const chars = [...text];
  while (chars.length > 0 && textWidth(`${chars.join('')}…`, size, bold) > max) chars.pop();
  return chars.length === 0 ? '' : `${chars.join('').trimEnd()}…`;
};

/** Rows of taken horizontal intervals: where labels (and the marks they must not cover) already are. */
export class Rows {
  private readonly taken: Array<Array<[number, number]>>;
  constructor(count: number) {
    this.taken = Array.from({ length: count }, () => []);
  }
  get count() {
    return this.taken.length;
  }
  fits(row: number, from: number, to: number, gap = 2): boolean {
    return this.taken[row]!.every(([a, b]) => to + gap <= a || from >= b + gap);
  }
  take(row: number, from: number, to: number) {
    this.taken[row]!.push([from, to]);
  }
  /** Marks a vertical line or a mark at `x` as taken in every row. */
  takeAll(from: number, to: number) {
    for (let row = 0; row < this.taken.length; row++) this.take(row, from, to);
  }
  /**
   * The first free spot for a label `width` wide next to `x` (right of it, else left of it) in
   * `order` of rows, within `[min, max]`: `{ row, from }`, or `undefined` when there is none.
   */
  place(x: number, width: number, min: number, max: number, order: readonly number[], offset = 8): { row: number; from: number } | undefined {
    for (const row of order) {
      for (const from of [x + offset, x - offset - width]) {
        if (from < min || from + width > max) continue;
        if (this.fits(row, from, from + width)) {
          this.take(row, from, from + width);
          return { row, from };
        }
      }
    }
    return undefined;
  }
}
