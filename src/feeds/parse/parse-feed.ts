import { AppError } from '../../model/errors.js';
import type { ParsedEpisode, ParsedFeed } from '../../model/feed.js';
import { parseAtom } from './atom.js';
import { decodeInput } from './decode-input.js';
import { detectFormat, looksBinary } from './detect-format.js';
import { assignGuids } from './guid.js';
import type { EpisodeDraft, FeedDraft, ParseContext } from './registry.js';
import { parseRss, type FormatParse } from './rss.js';
import { parseXml } from './xml-tree.js';

export interface ParseFeedOptions {
  /** The feed's own URL, to resolve relative links. */
  url?: string;
  /** Items beyond this are dropped with a warning (a flood of items must stay bounded). */
  maxEpisodes?: number;
}

const DEFAULT_MAX_EPISODES = 10_000;

function toEpisode(draft: EpisodeDraft, guid: string, channel: FeedDraft): ParsedEpisode {
  const { rawGuid: _rawGuid, rawDate: _rawDate, title, persons, ...rest } = draft;
  return {
    ...rest,
    guid,
    title: title ?? '',
    persons: persons.length > 0 ? persons : [...channel.persons],
  };
}

function toFeed(format: ParsedFeed['format'], parsed: FormatParse, warnings: string[], max: number): ParsedFeed {
  const { persons: _persons, title, ...channel } = parsed.feed;
  let items = parsed.items;
  if (items.length > max) {
    warnings.push(`feed has ${items.length} items; only the first ${max} were kept`);
    items = items.slice(0, max);
  }
  const guids = assignGuids(items);
  return {
    ...channel,
    format,
    title: title ?? '',
    episodes: items.map((item, i) => toEpisode(item, guids[i] as string, parsed.feed)),
    warnings,
  };
}

/**
 * RSS 2.0 / RSS 1.0 / Atom with iTunes and Podcasting 2.0 tags → ParsedFeed.
 * Throws AppError `not_a_feed` (HTML, JSON, binary, empty, other XML) or `invalid_feed` (XML
 * nothing could be read from); anything merely sloppy is parsed with a warning.
 */
export function parseFeed(input: string | Uint8Array, options: ParseFeedOptions = {}): ParsedFeed {
  if (typeof input !== 'string' && looksBinary(input)) {
    throw new AppError('not_a_feed', 'content is not an RSS or Atom feed (it is binary data)');
  }
  const decoded = decodeInput(input);
  const format = detectFormat(decoded.text);
  const xml = parseXml(decoded.text);
  const warnings = [...decoded.warnings, ...xml.warnings];
  const ctx: ParseContext = { warnings, ...(options.url && { baseUrl: options.url }) };
  const parsed = format === 'atom' ? parseAtom(xml.root, ctx) : parseRss(xml.root, ctx);
  // Leniency is for one bad show note in a good feed; a cut-off or titleless wreck with no episode is an error.
  if (xml.malformed && parsed.items.length === 0 && (!parsed.feed.title || !closesRoot(decoded.text))) {
    throw new AppError('invalid_feed', `${xml.malformed}, and no episode could be read`);
  }
  return toFeed(format === 'atom' ? 'atom' : 'rss', parsed, warnings, options.maxEpisodes ?? DEFAULT_MAX_EPISODES);
}

function closesRoot(text: string): boolean {
  return /<\/(?:[\w-]+:)?(?:rss|feed|RDF)\s*>/.test(text.slice(-4096));
}
