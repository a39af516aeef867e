import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { AppError } from '../../model/errors.js';
import { canonicalName, scopePrefixes, type PrefixMap } from './namespaces.js';
import { decodeXmlEntities } from './xml-entities.js';

/** One element: canonical lower-case name, decoded attributes, and its content in document order. */
export interface XmlNode {
  name: string;
  attrs: Record<string, string>;
  children: XmlNode[];
  /** Text and CDATA pieces (already decoded) interleaved with child elements. */
  content: (string | XmlNode)[];
}

export interface XmlDocument {
  /** Set when the strict check failed and the tree comes from the lenient parse. */
  malformed?: string;
  root: XmlNode;
  warnings: string[];
}

const MAX_DEPTH = 256;

// processEntities:false is what keeps billion-laughs/XXE inert: entities are never expanded by the
// parser; we decode only the five predefined ones and numeric references ourselves.
const parser = new XMLParser({
  preserveOrder: true,
  ignoreAttributes: false,
  attributeNamePrefix: '',
  allowBooleanAttributes: true,
  processEntities: false,
  htmlEntities: false,
  parseTagValue: false,
  parseAttributeValue: false,
  trimValues: false,
  cdataPropName: '#cdata',
  ignoreDeclaration: true,
  ignorePiTags: true,
  maxNestedTags: MAX_DEPTH,
});

type RawNode = Record<string, unknown>;

// A DOCTYPE can only bring entity declarations (billion laughs, XXE); feeds never need one.
function stripDoctype(text: string): { text: string; stripped: boolean } {
  const start = text.search(/<!DOCTYPE/i);
  // Only a DOCTYPE in the prolog counts; "<!DOCTYPE" inside show notes is content.
  if (start < 0 || /<[A-Za-z]/.test(text.slice(0, start))) return { text, stripped: false };
  let end = text.indexOf('>', start);
  const subset = text.indexOf('[', start);
  if (subset >= 0 && (end < 0 || subset < end)) {
    const close = text.indexOf(']', subset);
    end = close < 0 ? -1 : text.indexOf('>', close);
  }
  if (end < 0) return { text, stripped: false };
  return { text: text.slice(0, start) + text.slice(end + 1), stripped: true };
}

function rawAttrs(node: RawNode): Record<string, string> {
  const attrs = node[':@'];
  if (!attrs || typeof attrs !== 'object') return {};
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(attrs as Record<string, unknown>)) out[k] = typeof v === 'string' ? v : '';
  return out;
}

function cdataText(value: unknown): string {
  if (!Array.isArray(value)) return '';
  return value.map((v: RawNode) => (typeof v['#text'] === 'string' ? v['#text'] : '')).join('');
}

function convert(raw: RawNode, tag: string, prefixes: PrefixMap): XmlNode {
  const attrsRaw = rawAttrs(raw);
  const scope = scopePrefixes(prefixes, attrsRaw);
  const attrs: Record<string, string> = {};
  for (const [k, v] of Object.entries(attrsRaw)) attrs[k.toLowerCase()] = decodeXmlEntities(v);
  const node: XmlNode = { name: canonicalName(tag, scope), attrs, children: [], content: [] };
  const kids = raw[tag];
  if (!Array.isArray(kids)) return node;
  for (const kid of kids as RawNode[]) {
    if (typeof kid['#text'] === 'string') {
      node.content.push(decodeXmlEntities(kid['#text']));
    } else if ('#cdata' in kid) {
      node.content.push(cdataText(kid['#cdata']));
    } else {
      const childTag = Object.keys(kid).find((k) => k !== ':@');
      if (!childTag || childTag.startsWith('#') || childTag.startsWith('?')) continue;
      const child = convert(kid, childTag, scope);
      node.children.push(child);
      node.content.push(child);
    }
  }
  return node;
}

function firstLine(message: string): string {
  return message.split('\n')[0]?.slice(0, 200) ?? '';
}

/**
 * Parses XML into XmlNodes. A strict well-formedness check runs first; when it fails, the document
 * is parsed leniently and the failure becomes a warning, because one broken entity in one show
 * note must not lose a whole feed. Only a document nothing can be read from throws invalid_feed.
 */
export function parseXml(input: string): XmlDocument {
  const warnings: string[] = [];
  const { text, stripped } = stripDoctype(input);
  if (stripped) warnings.push('DOCTYPE ignored (entity declarations are never expanded)');
  const check = XMLValidator.validate(text, { allowBooleanAttributes: true });
  const malformed =
    check === true ? undefined : `not well-formed XML (line ${check.err.line}: ${firstLine(check.err.msg)})`;
  if (malformed) warnings.push(`${malformed}; parsed leniently`);
  let parsed: RawNode[];
  try {
    parsed = parser.parse(text) as RawNode[];
  } catch (err) {
    throw new AppError('invalid_feed', `feed XML could not be parsed: ${firstLine((err as Error).message)}`, {
      cause: err,
    });
  }
  const rootRaw = parsed.find((n) =>
    Object.keys(n).some((k) => k !== ':@' && !k.startsWith('#') && !k.startsWith('?')),
  );
  const rootTag = rootRaw && Object.keys(rootRaw).find((k) => k !== ':@' && !k.startsWith('#') && !k.startsWith('?'));
  if (!rootRaw || !rootTag) throw new AppError('invalid_feed', 'feed XML has no root element');
  return { root: convert(rootRaw, rootTag, new Map()), warnings, ...(malformed ? { malformed } : {}) };
}
