/** One element: canonical lower-case name, decoded attributes, and its content in document order. */
export interface XmlNode {
  name: string;
  attrs: Record<string, string>;
  children: readonly XmlNode[];
  /** Text and CDATA pieces (already decoded) interleaved with child elements. */
  content: readonly (string | XmlNode)[];
}
