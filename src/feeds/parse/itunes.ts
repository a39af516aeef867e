import type { EpisodeType } from '../../model/feed.js';
import type { EpisodeDraft, FeedDraft } from './registry.js';
import { setOnce } from './registry.js';
import { parseDuration } from './duration.js';
import { htmlToText, plainTitle, textOf, LIMITS } from './text.js';
import { showNotes } from './show-notes.js';
import { cleanUrl } from './urls.js';

const SPEC = 'https://help.apple.com/itc/podcasts_connect/#/itcb54353390';

export function smallCount(raw: string): number | undefined {
  const n = Number(raw.trim());
  return raw.trim() !== '' && Number.isInteger(n) && n >= 0 && n < 1_000_000 ? n : undefined;
}

const EPISODE_TYPES: ReadonlySet<string> = new Set<EpisodeType>(['full', 'trailer', 'bonus']);

/** One of the spec's three values, in any case; anything else says nothing. */
function episodeType(raw: string): EpisodeType | undefined {
  const value = raw.trim().toLowerCase();
  return EPISODE_TYPES.has(value) ? (value as EpisodeType) : undefined;
}

export const itunesChannel = {
  author: setOnce<FeedDraft, 'author'>('itunes:author', SPEC, 'author', (n) => plainTitle(textOf(n), LIMITS.name)),
  image: setOnce<FeedDraft, 'imageUrl'>('itunes:image', SPEC, 'imageUrl', (n, ctx) =>
    cleanUrl(n.attrs.href ?? textOf(n), ctx.baseUrl),
  ),
  summary: setOnce<FeedDraft, 'description'>('itunes:summary', SPEC, 'description', (n) => htmlToText(textOf(n))),
  // A hint only: it is reported, never followed by the parser.
  newFeedUrl: setOnce<FeedDraft, 'newFeedUrl'>('itunes:new-feed-url', SPEC, 'newFeedUrl', (n) => cleanUrl(textOf(n))),
};

export const itunesItem = {
  title: setOnce<EpisodeDraft, 'title'>('itunes:title', SPEC, 'title', (n) => plainTitle(textOf(n))),
  summary: showNotes('itunes:summary', SPEC, (n) => () => htmlToText(textOf(n))),
  duration: setOnce<EpisodeDraft, 'durationSeconds'>('itunes:duration', SPEC, 'durationSeconds', (n) =>
    parseDuration(textOf(n)),
  ),
  image: setOnce<EpisodeDraft, 'imageUrl'>('itunes:image', SPEC, 'imageUrl', (n, ctx) =>
    cleanUrl(n.attrs.href ?? textOf(n), ctx.baseUrl),
  ),
  season: setOnce<EpisodeDraft, 'season'>('itunes:season', SPEC, 'season', (n) => smallCount(textOf(n))),
  episode: setOnce<EpisodeDraft, 'episode'>('itunes:episode', SPEC, 'episode', (n) => smallCount(textOf(n))),
  episodeType: setOnce<EpisodeDraft, 'episodeType'>('itunes:episodetype', SPEC, 'episodeType', (n) =>
    episodeType(textOf(n)),
  ),
};
