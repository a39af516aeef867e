/** A podcast feed as parsed from RSS 2.0 / Atom with iTunes and Podcasting 2.0 tags. */
export interface ParsedFeed {
  format: 'rss' | 'atom';
  title: string;
  description?: string;
  link?: string;
  language?: string;
  imageUrl?: string;
  author?: string;
  /** podcast:guid when the feed declares one. */
  podcastGuid?: string;
  /** itunes:new-feed-url: a hint only, never followed blindly. */
  newFeedUrl?: string;
  /** podcast:locked value ("yes"/"no"); the owner email is never kept. */
  locked?: boolean;
  /** Subjects it files itself under: itunes:category (and subcategories), then RSS <category>; once each. */
  categories?: string[];
  /** sy:updatePeriod / ttl in minutes when the feed states one. */
  ttlMinutes?: number;
  episodes: ParsedEpisode[];
  /** Non-fatal problems met while parsing (e.g. "strict XML failed; parsed leniently"). */
  warnings: string[];
}

export interface TranscriptLink {
  url: string;
  /** MIME type as declared, e.g. "application/srt", "text/vtt", "application/json", "text/html", "text/plain". */
  type: string;
  language?: string;
  rel?: string;
}

export interface Person {
  name: string;
  role?: string;
  group?: string;
  href?: string;
  img?: string;
}

/**
 * Apple's itunes:episodeType: a trailer promotes the show and is none of its content; bonus and full
 * episodes are content.
 */
export type EpisodeType = 'full' | 'trailer' | 'bonus';

/** Why a trailer yields nothing: processing, the store and canReachBrief all give this reason. */
export const TRAILER_REASON = 'a trailer: it promotes the show, none of it is episode content';

export interface ParsedEpisode {
  /** Stable identity inside the feed: guid, else enclosure URL, else link, else hash(title+pubDate). */
  guid: string;
  title: string;
  /** Plain-text show notes (HTML stripped). */
  description?: string;
  link?: string;
  /** ISO 8601; absent when the feed's date is missing or unparseable. */
  publishedAt?: string;
  durationSeconds?: number;
  audioUrl?: string;
  audioType?: string;
  audioLength?: number;
  imageUrl?: string;
  season?: number;
  episode?: number;
  /** itunes:episodeType as the spec spells it; 'trailer' too for the audio of the channel's podcast:trailer. */
  episodeType?: EpisodeType;
  transcripts: TranscriptLink[];
  chaptersUrl?: string;
  persons: Person[];
}
