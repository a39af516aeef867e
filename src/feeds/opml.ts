import { XMLBuilder } from 'fast-xml-parser';
import { AppError } from '../model/errors.js';
import { decodeInput } from './parse/decode-input.js';
import { plainTitle, LIMITS } from './parse/text.js';
import { cleanUrl } from './parse/urls.js';
import { parseXml, type XmlNode } from './parse/xml-tree.js';

export interface OpmlFeed {
  title?: string;
  url: string;
}

const MAX_OUTLINES = 10_000;

// Podcast apps export "feed:", "itpc:" or "pcast:" links that mean plain http(s).
function feedUrl(raw: string | undefined): string | undefined {
  const text = raw?.trim();
  if (!text) return undefined;
  const alias = /^(?:feed|itpc|pcast|podcast):(?:\/\/)?/i.exec(text);
  if (!alias) return cleanUrl(text);
  const rest = text.slice(alias[0].length);
  return cleanUrl(/^https?:/i.test(rest) ? rest : `http://${rest}`);
}

/**
 * Every feed in an OPML subscription list: nested outlines, any casing of xmlUrl, entities decoded,
 * duplicates and non-http(s) URLs dropped, document order kept.
 */
export function parseOpml(input: string | Uint8Array): OpmlFeed[] {
  const { text } = decodeInput(input);
  let root: XmlNode;
  try {
    root = parseXml(text).root;
  } catch (err) {
    throw new AppError('invalid_opml', `OPML could not be parsed: ${(err as Error).message}`, { cause: err });
  }
  if (root.name !== 'opml')
    throw new AppError('invalid_opml', `not an OPML document (root element is <${root.name.slice(0, 40)}>)`);
  const feeds: OpmlFeed[] = [];
  const seen = new Set<string>();
  const stack = [...root.children].reverse();
  while (stack.length > 0 && feeds.length < MAX_OUTLINES) {
    const node = stack.pop() as XmlNode;
    for (let i = node.children.length - 1; i >= 0; i--) stack.push(node.children[i] as XmlNode);
    if (node.name !== 'outline') continue;
    const url = feedUrl(node.attrs.xmlurl);
    if (!url || seen.has(url)) continue;
    seen.add(url);
    const title = plainTitle(node.attrs.title || node.attrs.text || '', LIMITS.title);
    feeds.push(title ? { title, url } : { url });
  }
  return feeds;
}

export interface OpmlOutline {
  url: string;
  title?: string | null;
  link?: string | null;
}

/**
 * An OPML 2.0 subscription list, written by a serializer that escapes every attribute and drops what
 * XML cannot carry. The URLs are written as given: pass them without credentials.
 */
export function writeOpml(feeds: OpmlOutline[], title: string, now: Date): string {
  const builder = new XMLBuilder({ ignoreAttributes: false, format: true, suppressEmptyNode: true });
  const outline = (f: OpmlOutline) => ({
    '@_type': 'rss',
    '@_text': xmlSafe(f.title ?? f.url),
    '@_title': xmlSafe(f.title ?? f.url),
    '@_xmlUrl': xmlSafe(f.url),
    ...(f.link ? { '@_htmlUrl': xmlSafe(f.link) } : {}),
  });
  return builder.build({
    '?xml': { '@_version': '1.0', '@_encoding': 'UTF-8' },
    opml: {
      '@_version': '2.0',
      head: { title: xmlSafe(title), dateCreated: now.toUTCString() },
      body: { outline: feeds.map(outline) },
    },
  }) as string;
}

/** Characters XML 1.0 cannot carry at all (escaping does not help): control characters, lone surrogates. */
export function xmlSafe(text: string): string {
  return text.replace(
    /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g,
    '',
  );
}
