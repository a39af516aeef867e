import { setImmediate as nextTurn } from 'node:timers/promises';
import { AppError } from '../../model/errors.js';
import type { ParsedEpisode, ParsedFeed } from '../../model/feed.js';
import { decodeInputSteps, utf8FromLatin1 } from './decode-input.js';
import { detectFormat, looksBinary } from './detect-format.js';
import { FeedBuilder, type BuiltFeed } from './feed-builder.js';
import { assignGuids } from './guid.js';
import { defineDescription } from './show-notes.js';
import type { EpisodeDraft, FeedDraft, ParseContext } from './registry.js';
import { XmlScanner } from './xml-scanner.js';

export interface ParseFeedOptions {
  /** The feed's own URL, to resolve relative links. */
  url?: string;
  /** Items beyond this are dropped with a warning (a flood of items must stay bounded). */
  maxEpisodes?: number;
}

const DEFAULT_MAX_EPISODES = 10_000;
/** parseFeedAsync scans this many characters between clock checks… */
const SLICE_CHARS = 64 * 1024;
/** …and gives the event loop a turn after this long. */
const SLICE_MS = 5;

function toEpisode(draft: EpisodeDraft, guid: string, channel: FeedDraft): ParsedEpisode {
  const { rawGuid: _rawGuid, rawDate: _rawDate, notes, title, persons, ...rest } = draft;
  const episode: ParsedEpisode = {
    ...rest,
    guid,
    title: title ?? '',
    persons: persons.length > 0 ? persons : [...channel.persons],
  };
  // The channel names its trailer's audio; the item carrying it is that trailer, whatever it says.
  if (episode.audioUrl !== undefined && channel.trailerUrls?.includes(episode.audioUrl))
    episode.episodeType = 'trailer';
  if (notes) defineDescription(episode, notes);
  return episode;
}

interface ParseJob {
  text: string;
  format: ParsedFeed['format'];
  /** Shared with the handlers (ParseContext); the first `decodeWarnings` came from decoding. */
  warnings: string[];
  decodeWarnings: number;
  scanner: XmlScanner;
  builder: FeedBuilder;
}

function* start(input: string | Uint8Array, options: ParseFeedOptions): Generator<void, ParseJob> {
  if (typeof input !== 'string' && looksBinary(input)) {
    throw new AppError('not_a_feed', 'content is not an RSS or Atom feed (it is binary data)');
  }
  const decoded = yield* decodeInputSteps(input, { utf8AsLatin1: true });
  const format = detectFormat(decoded.text);
  const warnings = [...decoded.warnings];
  const ctx: ParseContext = { warnings, ...(options.url && { baseUrl: options.url }) };
  const maxItems = options.maxEpisodes ?? DEFAULT_MAX_EPISODES;
  const builder = new FeedBuilder(
    decoded.text,
    format,
    ctx,
    maxItems,
    decoded.utf8AsLatin1 ? utf8FromLatin1 : undefined,
  );
  const scanner = new XmlScanner(decoded.text, builder);
  builder.locate = () => scanner.tokenStart;
  return {
    text: decoded.text,
    format: format === 'atom' ? 'atom' : 'rss',
    warnings,
    decodeWarnings: warnings.length,
    scanner,
    builder,
  };
}

function plural(n: number, one: string): string {
  return `${n} ${one}${n === 1 ? '' : 's'}`;
}

function finish(job: ParseJob, options: ParseFeedOptions): ParsedFeed {
  const built: BuiltFeed = job.builder.finish();
  // Decoding's warnings, then the document's own problems, then (if any) the handlers'.
  const handlerWarnings = job.warnings.splice(job.decodeWarnings);
  const all = job.warnings;
  if (built.doctype) all.push('DOCTYPE ignored (entity declarations are never expanded)');
  const malformed = built.malformed && `not well-formed XML (${built.malformed})`;
  if (malformed) all.push(`${malformed}; parsed leniently`);
  if (built.itemsCut > 0) {
    all.push(
      `document ends inside an item: ${plural(built.items.length, 'complete item')} kept, ${plural(built.itemsCut, 'incomplete item')} dropped`,
    );
  }
  if (built.flattened > 0)
    all.push(`${plural(built.flattened, 'element')} nested too deep or too many were read as text`);
  all.push(...handlerWarnings);
  if (job.format === 'rss' && !built.sawChannel) {
    throw new AppError('invalid_feed', 'RSS document has no <channel> element');
  }
  // Leniency is for one bad show note in a good feed; a cut-off or titleless wreck with no episode is an error.
  if (malformed && built.items.length === 0 && (!built.feed.title || !closesRoot(job.text))) {
    throw new AppError('invalid_feed', `${malformed}, and no episode could be read`);
  }
  const max = options.maxEpisodes ?? DEFAULT_MAX_EPISODES;
  let items = built.items;
  const total = items.length + built.itemsOverCap;
  if (total > max) {
    all.push(`feed has ${total} items; only the first ${max} were kept`);
    items = items.slice(0, max);
  }
  const guids = assignGuids(items);
  const { persons: _persons, trailerUrls: _trailerUrls, title, ...channel } = built.feed;
  return {
    ...channel,
    format: job.format,
    title: title ?? '',
    episodes: items.map((item, i) => toEpisode(item, guids[i] as string, built.feed)),
    warnings: all,
  };
}

/**
 * RSS 2.0 / RSS 1.0 / Atom with iTunes and Podcasting 2.0 tags → ParsedFeed, in one go.
 * Throws AppError `not_a_feed` (HTML, JSON, binary, empty, other XML) or `invalid_feed` (XML
 * nothing could be read from); anything merely sloppy is parsed with a warning, and a document cut
 * off mid-item keeps every complete item before the cut.
 */
export function parseFeed(input: string | Uint8Array, options: ParseFeedOptions = {}): ParsedFeed {
  const steps = start(input, options);
  let step = steps.next();
  while (!step.done) step = steps.next();
  const job = step.value;
  job.scanner.scan();
  return finish(job, options);
}

/**
 * parseFeed for big documents on a busy process: the same parse, in slices of about SLICE_MS,
 * giving the event loop a turn between them so a 20 MB feed does not stall other work.
 */
export async function parseFeedAsync(input: string | Uint8Array, options: ParseFeedOptions = {}): Promise<ParsedFeed> {
  const steps = start(input, options);
  let sliceEnd = performance.now() + SLICE_MS;
  let step = steps.next();
  while (!step.done) {
    if (performance.now() >= sliceEnd) {
      await nextTurn();
      sliceEnd = performance.now() + SLICE_MS;
    }
    step = steps.next();
  }
  const job = step.value;
  const { scanner } = job;
  while (!scanner.done) {
    const until = performance.now() + SLICE_MS;
    do scanner.scan(scanner.position + SLICE_CHARS);
    while (!scanner.done && performance.now() < until);
    if (!scanner.done) await nextTurn();
  }
  return finish(job, options);
}

function closesRoot(text: string): boolean {
  return /<\/(?:[\w-]+:)?(?:rss|feed|RDF)\s*>/.test(text.slice(-4096));
}
