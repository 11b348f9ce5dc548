/**
 * A strict XML well-formedness check and a small element reader, for the SVG timelines: no XML
 * library is a dependency, and the browser test checks the same documents with `DOMParser`.
 * It knows XML 1.0's rules that a generated document can break: one root, balanced and properly
 * nested tags, quoted and unique attributes, no raw `<` or `&` in text or attributes, only the
 * predefined and numeric entities.
 */

export type XmlElement = { name: string; attributes: Record<string, string>; children: XmlElement[]; text: string };

const NAME = /^[A-Za-z_:][\w.:-]*$/;
const ENTITY = /&(?:amp|lt|gt|quot|apos|#\d+|#x[0-9a-fA-F]+);/g;

const decode = (value: string) =>
  value.replace(ENTITY, (entity) => {
    const named: Record<string, string> = { '&amp;': '&', '&lt;': '<', '&gt;': '>', '&quot;': '"', '&apos;': "'" };
    if (named[entity]) return named[entity];
    const code = entity.startsWith('&#x') ? Number.parseInt(entity.slice(3, -1), 16) : Number(entity.slice(2, -1));
    return String.fromCodePoint(code);
  });

const checkCharacters = (value: string, where: string) => {
  if (value.includes('<')) throw new SyntaxError(`${where}: a raw < in ${JSON.stringify(value.slice(0, 60))}`);
  if (value.replace(ENTITY, '').includes('&')) throw new SyntaxError(`${where}: a & that starts no entity in ${JSON.stringify(value.slice(0, 60))}`);
};

/** Parses `source`, throwing a `SyntaxError` that says where it is not well-formed; returns the root element. */
export const parseXml = (source: string): XmlElement => {
  let index = 0;
  const stack: XmlElement[] = [];
  let root: XmlElement | undefined;
  const fail = (message: string): never => {
    throw new SyntaxError(`${message} at offset ${index}: …${source.slice(Math.max(0, index - 40), index + 40)}…`);
  };
  while (index < source.length) {
    if (source.startsWith('<?', index)) {
      const end = source.indexOf('?>', index);
      if (end < 0 || index !== 0) fail('a processing instruction that is not the XML declaration');
      index = end + 2;
    } else if (source.startsWith('<!--', index)) {
      const end = source.indexOf('-->', index);
      if (end < 0) fail('an unclosed comment');
      index = end + 3;
    } else if (source.startsWith('</', index)) {
      const end = source.indexOf('>', index);
      if (end < 0) fail('an unclosed end tag');
      const name = source.slice(index + 2, end).trim();
      const open = stack.pop();
      if (!open || open.name !== name) fail(`</${name}> closes <${open?.name ?? 'nothing'}>`);
      index = end + 1;
    } else if (source[index] === '<') {
      const match = /^<([^\s/>]+)((?:\s+[^\s=/>]+\s*=\s*(?:"[^"]*"|'[^']*'))*)\s*(\/?)>/.exec(source.slice(index));
      if (!match) fail('a malformed start tag');
      const [whole, name, attributeText, selfClosing] = match!;
      if (!NAME.test(name!)) fail(`a bad element name ${name}`);
      const attributes: Record<string, string> = {};
      for (const [, attribute, quoted] of attributeText!.matchAll(/\s+([^\s=/>]+)\s*=\s*("[^"]*"|'[^']*')/g)) {
        if (!NAME.test(attribute!)) fail(`a bad attribute name ${attribute}`);
        if (attribute! in attributes) fail(`a repeated attribute ${attribute}`);
        const raw = quoted!.slice(1, -1);
        checkCharacters(raw, `attribute ${attribute} of <${name}>`);
        attributes[attribute!] = decode(raw);
      }
      const element: XmlElement = { name: name!, attributes, children: [], text: '' };
      const parent = stack.at(-1);
      if (parent) parent.children.push(element);
      else if (root) fail('a second root element');
      else root = element;
      if (!selfClosing) stack.push(element);
      index += whole.length;
    } else {
      const end = source.indexOf('<', index);
      const content = source.slice(index, end < 0 ? source.length : end);
      checkCharacters(content, 'text');
      const parent = stack.at(-1);
      if (parent) parent.text += decode(content);
      else if (content.trim() !== '') fail('text outside the root element');
      index = end < 0 ? source.length : end;
    }
  }
  if (stack.length > 0) fail(`<${stack.at(-1)!.name}> is never closed`);
  if (!root) fail('no root element');
  return root!;
};

/** Every element under (and including) `element`, depth first, in document order. */
export const descendants = (element: XmlElement): XmlElement[] => [element, ...element.children.flatMap(descendants)];

/** The elements that have `data-kind`, as `{ kind, position, at, … }` of their data attributes. */
export const marksOf = (svg: XmlElement) =>
  descendants(svg)
    .filter((element) => element.attributes['data-kind'] !== undefined)
    .map((element) => ({ element, kind: element.attributes['data-kind']!, position: element.attributes['data-position'], at: element.attributes['data-at'] }));
