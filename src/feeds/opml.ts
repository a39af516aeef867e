import { XMLBuilder } from 'fast-xml-parser';
import { AppError } from '../model/errors.js';
import { decodeInput } from './parse/decode-input.js';
import { plainTitle, LIMITS } from './parse/text.js';
import { cleanUrl } from './parse/urls.js';
import { decodeXmlEntities } from './parse/xml-entities.js';
import { XmlScanner, type XmlEvents } from './parse/xml-scanner.js';

export interface OpmlFeed {
  title?: string;
  url: string;
}

const MAX_OUTLINES = 10_000;
/** Characters scanned between checks for the outline cap, so a huge list stops early. */
const SCAN_SLICE = 64 * 1024;

// Podcast apps export "feed:", "itpc:" or "pcast:" links that mean plain http(s).
function feedUrl(raw: string | undefined): string | undefined {
  const text = raw?.trim();
  if (!text) return undefined;
  const alias = /^(?:feed|itpc|pcast|podcast):(?:\/\/)?/i.exec(text);
  if (!alias) return cleanUrl(text);
  const rest = text.slice(alias[0].length);
  return cleanUrl(/^https?:/i.test(rest) ? rest : `http://${rest}`);
}

/** Collects outlines from scanner events: no tree is built, so memory grows with the feeds kept only. */
class OutlineReader implements XmlEvents {
  root: string | undefined;
  readonly feeds: OpmlFeed[] = [];
  private readonly seen = new Set<string>();

  openTag(raw: string, attrs: Record<string, string> | undefined): void {
    const name = raw.toLowerCase();
    if (this.root === undefined) {
      this.root = name;
      if (name !== 'opml')
        throw new AppError('invalid_opml', `not an OPML document (root element is <${name.slice(0, 40)}>)`);
      return;
    }
    if (name !== 'outline' || !attrs || this.feeds.length >= MAX_OUTLINES) return;
    const values: Record<string, string> = {};
    for (const k in attrs) values[k.toLowerCase()] = decodeXmlEntities(attrs[k] as string);
    const url = feedUrl(values.xmlurl);
    if (!url || this.seen.has(url)) return;
    this.seen.add(url);
    const title = plainTitle(values.title || values.text || '', LIMITS.title);
    this.feeds.push(title ? { title, url } : { url });
  }

  text(): void {}
  cdata(): void {}
  closeTag(): void {}
  doctype(): void {}
  // Lenient, as feeds are: one broken attribute must not lose a subscription list.
  malformed(): void {}
}

/**
 * Every feed in an OPML subscription list: nested outlines, any casing of xmlUrl, entities decoded,
 * duplicates and non-http(s) URLs dropped, document order kept, at most MAX_OUTLINES. Read with the
 * feeds' streaming scanner, so a huge list is never held as a tree.
 */
export function parseOpml(input: string | Uint8Array): OpmlFeed[] {
  const { text } = decodeInput(input);
  const reader = new OutlineReader();
  const scanner = new XmlScanner(text, reader);
  while (!scanner.done && reader.feeds.length < MAX_OUTLINES) scanner.scan(scanner.position + SCAN_SLICE);
  if (reader.root === undefined) throw new AppError('invalid_opml', 'OPML could not be parsed: it has no root element');
  return reader.feeds;
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
