/**
 * Reading an SVG timeline back, for the tests: where each mark is drawn, and where each text is,
 * so a test can say that marks sit at their instants and that no two labels overlap.
 */
import { textWidth } from '../mocks/timeline/layout.js';
import { descendants, marksOf, parseXml, type XmlElement } from './xml.js';

/** The x a mark is drawn at: its circle's centre, else its line's. */
export const xOfMark = (mark: XmlElement): number => {
  const shape = descendants(mark).find((element) => element.name === 'circle' || element.name === 'line');
  if (!shape) throw new Error(`mark ${mark.attributes['data-kind']} has no circle or line`);
  return Number(shape.name === 'circle' ? shape.attributes.cx : shape.attributes.x1);
};

export type TextBox = { text: string; left: number; right: number; top: number; bottom: number };

/** Each `<text>`'s box: width as the renderer estimates it, height from its font size and baseline. */
export const textBoxes = (svg: XmlElement): TextBox[] => {
  const rootSize = Number(svg.attributes['font-size'] ?? 16);
  return descendants(svg)
    .filter((element) => element.name === 'text')
    .map((element) => {
      const size = Number(element.attributes['font-size'] ?? rootSize);
      const bold = Number(element.attributes['font-weight'] ?? 400) >= 600;
      const width = textWidth(element.text, size, bold);
      const x = Number(element.attributes.x);
      const y = Number(element.attributes.y);
      const anchor = element.attributes['text-anchor'] ?? 'start';
      const left = anchor === 'middle' ? x - width / 2 : anchor === 'end' ? x - width : x;
      return { text: element.text, left, right: left + width, top: y - size * 0.8, bottom: y + size * 0.22 };
    });
};

/** The pairs of texts whose boxes overlap. */
export const overlappingTexts = (boxes: readonly TextBox[]): string[] => {
  const found: string[] = [];
  for (let i = 0; i < boxes.length; i++) {
    for (let j = i + 1; j < boxes.length; j++) {
      const [a, b] = [boxes[i]!, boxes[j]!];
      if (a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom) found.push(`${JSON.stringify(a.text)} × ${JSON.stringify(b.text)}`);
    }
  }
  return found;
};

/** The SVG parsed (it must be well-formed XML), its size, and its marks as `{ kind, position, at, x }`. */
export const readSvg = (source: string) => {
  const svg = parseXml(source);
  return {
    svg,
    width: Number(svg.attributes.width),
    height: Number(svg.attributes.height),
    marks: marksOf(svg).map(({ element, kind, position, at }) => ({ kind, position, at, x: xOfMark(element), element })),
  };
};
