/**
 * Text as the document wrote it, decoded only when read: show notes (most of a feed's text) are
 * often never read, and their UTF-8 and entity decoding was a good part of a parse.
 */
export class RawText {
  constructor(
    readonly raw: string,
    private readonly decode: (raw: string) => string,
  ) {}

  text(): string {
    return this.decode(this.raw);
  }
}

/** One element: canonical lower-case name, decoded attributes, and its content in document order. */
export interface XmlNode {
  name: string;
  attrs: Record<string, string>;
  children: readonly XmlNode[];
  /** Text and CDATA pieces (decoded, or RawText to decode when read) interleaved with child elements. */
  content: readonly (string | RawText | XmlNode)[];
}
