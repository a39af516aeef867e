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
