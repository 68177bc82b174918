/**
 * What every XML file the build writes goes through (the EPUB's XHTML and package files, src/integrations/epub.ts;
 * the Atom feed, changes-feed.ts; the standalone graphics, graphics/standalone.ts): characters XML 1.0 cannot hold
 * are dropped, "]]>" in text is escaped, and the result is parsed with a strict XML parser (saxes) before it is
 * published, so a malformed file stops the build instead of reaching a reader.
 *
 *   xmlChars('a\u0001b\vc\uD800')          → 'abc'       (C0 controls but tab, LF, CR; lone surrogates; U+FFFE/U+FFFF)
 *   escapeXml('x < y & "z"')              → 'x &#60; y &#38; &#34;z&#34;'
 *   wellFormedMarkup('<p>a ]]> b\f</p>')  → '<p>a ]]&gt; b</p>'
 *   xmlError('<p>a\u0001</p>')            → { line: 1, column: 5, message: 'disallowed character.' }
 */
import { SaxesParser } from 'saxes';

/** Anything outside XML 1.0's Char production (https://www.w3.org/TR/xml/#charsets). */
const NOT_XML_CHAR = /[^\t\n\r\x20-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;

/** The text without the characters XML 1.0 forbids everywhere, even as character references. */
export const xmlChars = (text: string): string => text.replace(NOT_XML_CHAR, '');

/** Text for XML character data or a double-quoted attribute value. */
export const escapeXml = (text: string): string => xmlChars(text).replace(/[&<>"]/g, (c) => `&#${c.charCodeAt(0)};`);

/**
 * Serialised markup (from hast-util-to-html, which writes no CDATA section) made fit for XML: forbidden characters
 * dropped, and "]]>", which XML forbids in text, written "]]&gt;" (the same characters to any XML reader).
 */
export const wellFormedMarkup = (markup: string): string => xmlChars(markup).replaceAll(']]>', ']]&gt;');

export interface XmlError {
  line: number;
  column: number;
  message: string;
}

/** The first well-formedness error in an XML document, or undefined when it has none (namespaces checked too). */
export function xmlError(text: string): XmlError | undefined {
  const parser = new SaxesParser({ xmlns: true, position: true });
  let first: XmlError | undefined;
  parser.on('error', (error) => {
    first ??= { line: parser.line, column: parser.column, message: error.message.replace(/^(?:[^:]*:)?\d+:\d+: /, '') };
  });
  try {
    parser.write(text).close();
  } catch (error) {
    first ??= { line: parser.line, column: parser.column, message: (error as Error).message };
  }
  return first;
}

/** Throws one line naming the file, the position and the fix when `text` is not well-formed XML. */
export function assertWellFormedXml(name: string, text: string, fix: string): void {
  const error = xmlError(text);
  if (error) throw new Error(`${name} is not well-formed XML at line ${error.line}, column ${error.column}: ${error.message} Fix: ${fix}`);
}
