/**
 * `parseXml`: a small strict XML 1.0 parser for tests (elements, attributes, text, the five entities and character
 * references; a declaration first). It throws on anything malformed: mismatched or unclosed tags, a raw `<` or `&`
 * in text, unquoted or repeated attributes, characters XML 1.0 does not allow. Enough to check generated XML
 * without a dependency.
 */

/** An element: its name, attributes, children (elements and text) in order. */
export interface XmlElement {
  name: string;
  attributes: Record<string, string>;
  children: (XmlElement | string)[];
}

const NAME = /^[A-Za-z_:][\w.:-]*/;
// XML 1.0 Char: tab, newline, return, U+0020..U+D7FF, U+E000..U+FFFD, and astral (well-formed surrogate pairs)
const BAD_CHAR =
  /[^\t\n\r\u0020-\ud7ff\ue000-\ufffd\ud800-\udbff\udc00-\udfff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

/** Parse a document; returns its root element. */
export function parseXml(text: string): XmlElement {
  const bad = BAD_CHAR.exec(text);
  if (bad) throw new Error(`character U+${bad[0].charCodeAt(0).toString(16)} is not allowed in XML`);
  let at = 0;
  const fail = (what: string): never => {
    throw new Error(`XML at ${at}: ${what}`);
  };
  const skipSpace = () => {
    while (at < text.length && /\s/.test(text[at]!)) at++;
  };
  if (text.startsWith('<?xml')) {
    const end = text.indexOf('?>');
    if (end < 0) fail('unclosed declaration');
    at = end + 2;
  }
  skipSpace();
  const element = (): XmlElement => {
    if (text[at] !== '<') fail('expected <');
    at++;
    const name = NAME.exec(text.slice(at))?.[0] ?? fail('expected an element name');
    at += name.length;
    const attributes: Record<string, string> = {};
    for (;;) {
      const before = at;
      skipSpace();
      if (text.startsWith('/>', at)) {
        at += 2;
        return { name, attributes, children: [] };
      }
      if (text[at] === '>') {
        at++;
        break;
      }
      if (at === before) fail('expected a space before an attribute');
      const key = NAME.exec(text.slice(at))?.[0] ?? fail('expected an attribute name');
      at += key.length;
      if (text[at] !== '=') fail('expected =');
      at++;
      const quote = text[at];
      if (quote !== '"' && quote !== "'") fail('expected a quoted attribute value');
      const end = text.indexOf(quote!, at + 1);
      if (end < 0) fail('unclosed attribute value');
      const raw = text.slice(at + 1, end);
      if (raw.includes('<')) fail('< in an attribute value');
      if (Object.hasOwn(attributes, key)) fail(`repeated attribute ${key}`);
      attributes[key] = decode(raw, fail);
      at = end + 1;
    }
    const children: (XmlElement | string)[] = [];
    for (;;) {
      if (at >= text.length) fail(`unclosed <${name}>`);
      if (text.startsWith('</', at)) {
        at += 2;
        if (!text.startsWith(name, at)) fail(`expected </${name}>`);
        at += name.length;
        skipSpace();
        if (text[at] !== '>') fail('expected >');
        at++;
        return { name, attributes, children };
      }
      if (text[at] === '<') {
        children.push(element());
        continue;
      }
      const next = text.indexOf('<', at);
      const end = next < 0 ? text.length : next;
      children.push(decode(text.slice(at, end), fail));
      at = end;
    }
  };
  const root = element();
  skipSpace();
  if (at !== text.length) fail('content after the root element');
  return root;
}

function decode(raw: string, fail: (what: string) => never): string {
  return raw.replace(/&([^;]*);|&/g, (whole, entity: string | undefined) => {
    if (entity === undefined) return fail('a raw & (not an entity)');
    const named: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };
    if (Object.hasOwn(named, entity)) return named[entity]!;
    const code = /^#x[0-9a-fA-F]+$/.test(entity)
      ? Number.parseInt(entity.slice(2), 16)
      : /^#\d+$/.test(entity)
        ? Number(entity.slice(1))
        : fail(`unknown entity ${whole}`);
    return String.fromCodePoint(code);
  });
}

/** The child elements of an element (text left out). */
export function childElements(element: XmlElement, name?: string): XmlElement[] {
  return element.children.filter(
    (c): c is XmlElement => typeof c !== 'string' && (name === undefined || c.name === name),
  );
}

/** The text of an element (its text children joined). */
export function textOf(element: XmlElement): string {
  return element.children.filter((c): c is string => typeof c === 'string').join('');
}
